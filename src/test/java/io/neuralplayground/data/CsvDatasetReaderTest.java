package io.neuralplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.neuralplayground.PlaygroundException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetReaderTest {
    private static Dataset read(String text, String label, LabelKind kind) {
        return CsvDatasetReader.read(new StringReader(text), "test.csv", label, kind);
    }

    private static Dataset read(String text) {
        return read(text, "label", LabelKind.AUTO);
    }

    /** The error for {@code text}, after checking that its message names the file, line and column. */
    private static DataFileException error(String text, String label, LabelKind kind, int line, String column) {
        DataFileException e = catchThrowableOfType(DataFileException.class, () -> read(text, label, kind));
        assertThat(e).as("an error for %s", text).isNotNull();
        assertThat(e.source()).isEqualTo("test.csv");
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.getMessage()).startsWith("test.csv" + (line > 0 ? ", line " + line : "")
                + (column != null ? ", column '" + column + "'" : "") + ": ");
        return e;
    }

    private static DataFileException error(String text, int line, String column) {
        return error(text, "label", LabelKind.AUTO, line, column);
    }

    // ---- good files ----

    @Test
    void numericPlusMinusOneLabelsAreClassesInPlaygroundsOrder() {
        Dataset d = read("x1,x2,label\n1,2,1\n3,4,-1\n5,6,1\n");
        assertThat(d.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(d.classNames()).containsExactly("-1", "1");
        assertThat(d.columnNames()).containsExactly("x1", "x2");
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.row(1)).containsExactly(3, 4);
        assertThat(d.labels()).containsExactly(1, 0, 1);
        assertThat(d.name()).isEqualTo("test.csv");
    }

    @Test
    void quotedFieldsCrlfSpacesBomAndTrailingBlankLines() {
        String text = "\uFEFF x1 ,\"x 2\",\"the \"\"label\"\"\"\r\n"
                + " 1.5 , \"2\" ,\"red, dark\"\r\n"
                + "\r\n"
                + "-.5,+3.,\" blue\"\r\n"
                + "1e2,-2E-1,\"red, dark\"\r\n"
                + "\r\n  \r\n";
        Dataset d = read(text, "the \"label\"", LabelKind.AUTO);
        assertThat(d.columnNames()).containsExactly("x1", "x 2");
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.row(0)).containsExactly(1.5, 2);
        assertThat(d.row(1)).containsExactly(-0.5, 3);
        assertThat(d.row(2)).containsExactly(100, -0.2);
        // Quoted text is kept exactly; String order puts " blue" before "red, dark".
        assertThat(d.classNames()).containsExactly(" blue", "red, dark");
        assertThat(d.labels()).containsExactly(1, 0, 1);
    }

    @Test
    void quotedNumbersMayHaveSpacesInside() {
        Dataset d = read("a,label\n\" 4 \",\" 1\"\n\"5\",-1\n");
        assertThat(d.row(0)).containsExactly(4);
        assertThat(d.classNames()).containsExactly("-1", "1");
    }

    @Test
    void stringClassesAreSortedByStringOrder() {
        Dataset d = read("a,label\n1,zebra\n2,Apple\n3,apple\n4,zebra\n");
        assertThat(d.classNames()).containsExactly("Apple", "apple", "zebra");
        assertThat(d.labels()).containsExactly(2, 0, 1, 2);
    }

    @Test
    void mixedNumbersAndTextAreTextClasses() {
        Dataset d = read("a,label\n1,10\n2,9\n3,x\n4,9.0\n");
        assertThat(d.classNames()).containsExactly("10", "9", "9.0", "x");
    }

    @Test
    void equalNumbersAreOneClassWhateverTheirSpelling() {
        Dataset d = read("a,label\n1,1\n2,1.0\n3,-0\n4,0.0\n5,1e0\n");
        assertThat(d.classNames()).containsExactly("0", "1");
        assertThat(d.labels()).containsExactly(1, 1, 0, 0, 1);
    }

    @Test
    void fractionalLabelsAreRegression() {
        Dataset d = read("x1,x2,label\n1,2,0.5\n3,4,-1.25\n5,6,1\n");
        assertThat(d.task()).isEqualTo(Task.REGRESSION);
        assertThat(d.labels()).containsExactly(0.5, -1.25, 1);
        assertThat(d.classCount()).isZero();
    }

    @Test
    void moreThanTenDistinctIntegersAreRegressionUnlessClassesAreAskedFor() {
        String eleven = "a,label\n" + IntStream.range(0, 11).mapToObj(i -> i + "," + i + "\n")
                .collect(Collectors.joining());
        assertThat(read(eleven).task()).isEqualTo(Task.REGRESSION);
        Dataset classes = read(eleven, "label", LabelKind.CLASSIFICATION);
        assertThat(classes.classCount()).isEqualTo(11);
        assertThat(classes.classNames()).startsWith("0", "1", "2").endsWith("10");
        String ten = "a,label\n" + IntStream.range(0, 10).mapToObj(i -> i + "," + i + "\n")
                .collect(Collectors.joining());
        assertThat(read(ten).classCount()).isEqualTo(10);
    }

    @Test
    void forcedClassesOfDecimalsAndForcedRegressionOfIntegers() {
        Dataset classes = read("a,label\n1,1.5\n2,0.5\n3,1.5\n", "label", LabelKind.CLASSIFICATION);
        assertThat(classes.classNames()).containsExactly("0.5", "1.5");
        Dataset values = read("a,label\n1,1\n2,-1\n", "label", LabelKind.REGRESSION);
        assertThat(values.task()).isEqualTo(Task.REGRESSION);
        assertThat(values.labels()).containsExactly(1, -1);
    }

    @Test
    void theLabelColumnMayBeAnywhereAndMatchesUpToCase() {
        Dataset d = read("a,Class,b\n1,x,2\n3,y,4\n", "class", LabelKind.AUTO);
        assertThat(d.columnNames()).containsExactly("a", "b");
        assertThat(d.row(0)).containsExactly(1, 2);
        assertThat(d.classNames()).containsExactly("x", "y");
    }

    @Test
    void withoutALabelColumnNameTheLabelColumnOrElseTheLastIsUsed() {
        assertThat(read("label,a\nx,1\ny,2\n", null, LabelKind.AUTO).columnNames()).containsExactly("a");
        assertThat(read("a,b,c\n1,2,x\n3,4,y\n", null, LabelKind.AUTO).columnNames()).containsExactly("a", "b");
    }

    @Test
    void aQuotedValueMaySpanLinesAndLaterLinesAreStillCountedRight() {
        Dataset d = read("a,label\n1,\"two\nlines\"\n2,x\n");
        assertThat(d.classNames()).containsExactly("two\nlines", "x");
        error("a,label\n1,\"two\nlines\"\n2,x\nthree,y\n", 5, "a");
    }

    @Test
    void readsAFileFromDiskNamedAfterTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("points.csv");
        Files.writeString(file, "x1,x2,y\n0,0,0.5\n1,1,0.25\n");
        Dataset d = CsvDatasetReader.read(file, "y");
        assertThat(d.name()).isEqualTo("points.csv");
        assertThat(d.task()).isEqualTo(Task.REGRESSION);
        assertThat(d.size()).isEqualTo(2);
    }

    @Test
    void theBundledTwoMoonsExampleReads() {
        Dataset d = CsvDatasetReader.read(Path.of("datasets", "two-moons.csv"), "label");
        assertThat(d.columnNames()).containsExactly("x1", "x2");
        assertThat(d.classNames()).containsExactly("lower", "upper");
        assertThat(d.classCounts()).containsExactly(100, 100);
        assertThat(FeatureSet.defaultFor(d).names()).containsExactly("x1", "x2");
        for (int r = 0; r < d.size(); r++) {
            assertThat(Math.abs(d.value(r, 0))).isLessThan(6);
            assertThat(Math.abs(d.value(r, 1))).isLessThan(6);
        }
    }

    // ---- bad files ----

    @Test
    void nonNumericFeatureValue() {
        assertThat(error("x1,x2,label\n1,2,a\n3,four,b\n", 3, "x2"))
                .hasMessageContaining("'four' is not a number");
        assertThat(error("x1,x2,label\n1,0x1p3,a\n", 2, "x2")).hasMessageContaining("'0x1p3' is not a number");
        assertThat(error("x1,x2,label\n1,2d,a\n", 2, "x2")).hasMessageContaining("'2d' is not a number");
        assertThat(error("x1,x2,label\n1,\"2,5\",a\n", 2, "x2")).hasMessageContaining("with a point");
    }

    @Test
    void missingValues() {
        assertThat(error("x1,x2,label\n1,2,a\n3,,b\n", 3, "x2")).hasMessageContaining("missing");
        assertThat(error("x1,x2,label\n1,2,a\n3,4,\"\"\n", 3, "label")).hasMessageContaining("missing");
        assertThat(error("x1,x2,label\n1,\"  \",a\n", 2, "x2")).hasMessageContaining("missing");
        assertThat(error("x1,x2,label\n1,2,a\n3,4, \n", 3, "label")).hasMessageContaining("missing");
    }

    @Test
    void raggedRows() {
        assertThat(error("x1,x2,label\n1,2,a\n3,4\n", 3, "label"))
                .hasMessageContaining("2 values but the header has 3 columns");
        assertThat(error("x1,x2,label\n1,2,a\n\n3\n", 4, "x2"))
                .hasMessageContaining("1 value but the header has 3 columns");
        assertThat(error("x1,x2,label\n1,2,a\n3,4,b,5\n", 3, null))
                .hasMessageContaining("4 values but the header has 3 columns")
                .hasMessageContaining("after column 'label'");
    }

    @Test
    void emptyFiles() {
        for (String empty : new String[] {"", "\n\n", "  \r\n\t\n", "\uFEFF"}) {
            assertThat(error(empty, 0, null)).hasMessageContaining("the file is empty");
        }
    }

    @Test
    void headerWithoutDataRows() {
        assertThat(error("x1,x2,label\n", 1, null)).hasMessageContaining("no data rows");
        assertThat(error("\n\nx1,x2,label\r\n\r\n", 3, null)).hasMessageContaining("no data rows");
    }

    @Test
    void badHeaders() {
        assertThat(error("x1,x2,x1,label\n1,2,3,a\n", 1, "x1")).hasMessageContaining("two columns have this name");
        assertThat(error("x1,,label\n1,2,a\n", 1, null)).hasMessageContaining("column 2 of the header row has no name");
        assertThat(error("x1,label,\n1,a,\n", 1, null)).hasMessageContaining("column 3");
    }

    @Test
    void unknownLabelColumnListsTheColumns() {
        assertThat(error("x1,x2,class\n1,2,a\n", "label", LabelKind.AUTO, 1, null))
                .hasMessageContaining("no label column named 'label'")
                .hasMessageContaining("x1, x2, class");
    }

    @Test
    void labelColumnAlone() {
        assertThat(error("label\na\nb\n", 1, "label")).hasMessageContaining("the only column");
    }

    @Test
    void nonFiniteNumbers() {
        assertThat(error("x1,x2,label\n1,NaN,a\n", 2, "x2")).hasMessageContaining("'NaN' is not a finite number");
        assertThat(error("x1,x2,label\n1,2,a\n-Infinity,2,a\n", 3, "x1")).hasMessageContaining("not a finite");
        assertThat(error("x1,x2,label\ninf,2,a\n", 2, "x1")).hasMessageContaining("not a finite");
        assertThat(error("x1,x2,label\n1e999,2,a\n", 2, "x1")).hasMessageContaining("too large");
        assertThat(error("x1,x2,label\n1,2,0.5\n1,2,nan\n", 3, "label")).hasMessageContaining("not a finite");
    }

    @Test
    void regressionWithTextLabels() {
        assertThat(error("a,label\n1,0.5\n2,high\n", "label", LabelKind.REGRESSION, 3, "label"))
                .hasMessageContaining("'high' is not a number")
                .hasMessageContaining("regression");
    }

    @Test
    void tooManyClasses() {
        StringBuilder text = new StringBuilder("a,label\n");
        for (int i = 0; i <= CsvDatasetReader.MAX_CLASSES; i++) {
            text.append(i).append(",c").append(i).append('\n');
        }
        // Header on line 1, class number 1001 on line 1002.
        assertThat(error(text.toString(), 1002, "label")).hasMessageContaining("more than 1000 different labels");
    }

    @Test
    void aSingleClass() {
        assertThat(error("a,label\n1,x\n2,x\n", 0, "label"))
                .hasMessageContaining("every label is 'x'")
                .hasMessageContaining("at least two classes");
    }

    @Test
    void quoteErrors() {
        assertThat(error("a,label\n1,x\n2,\"y\n3,z\n", 3, "label")).hasMessageContaining("closing quote is missing");
        assertThat(error("a,label\n1,\"x\"y\n", 2, "label")).hasMessageContaining("text follows the closing quote");
        assertThat(error("\"a,label\n", 1, null)).hasMessageContaining("in field 1, a quoted value starts here but its closing quote is missing");
    }

    @Test
    void fileProblems(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> CsvDatasetReader.read(dir.resolve("nope.csv"), "label"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("nope.csv does not exist");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'a', ',', 'l', '\n', '1', ',', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> CsvDatasetReader.read(latin1, "l"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> CsvDatasetReader.read(dir, "label"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("cannot be read");
        Reader broken = new Reader() {
            @Override
            public int read(char[] buffer, int off, int len) throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public void close() {
            }
        };
        assertThatThrownBy(() -> CsvDatasetReader.read(broken, "stream", "label", LabelKind.AUTO))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("disk on fire");
    }

    @Test
    void aDataFileErrorIsAPlaygroundException() {
        assertThatThrownBy(() -> read("a,label\n")).isInstanceOf(PlaygroundException.class);
    }
}
