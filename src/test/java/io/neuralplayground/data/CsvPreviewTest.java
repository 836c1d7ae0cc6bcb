package io.neuralplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's first rows as text, and what they suggest about the label. */
class CsvPreviewTest {
    @TempDir
    Path dir;

    private CsvPreview preview(String text, int rows) throws IOException {
        Path file = dir.resolve("preview.csv");
        Files.writeString(file, text);
        return CsvDatasetReader.preview(file, rows);
    }

    @Test
    void irisShowsItsFirstRowsAndSuggestsSpecies() {
        CsvPreview p = CsvDatasetReader.preview(Path.of("datasets/iris.csv"), 20);
        assertThat(p.columns()).containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width",
                "species");
        assertThat(p.rows()).hasSize(20);
        assertThat(p.rows().get(0)).containsExactly("5.1", "3.5", "1.4", "0.2", "setosa");
        assertThat(p.lines().get(0)).isEqualTo(2);
        assertThat(p.complete()).isFalse();
        assertThat(p.suggestedLabelColumn()).isEqualTo(4);
        assertThat(IntStream.range(0, 5).mapToObj(p::isNumeric)).containsExactly(true, true, true, true, false);
        assertThat(p.autoTask(4)).isEqualTo(Task.CLASSIFICATION);
    }

    @Test
    void theLabelIsGuessedByNameThenAsTheLastTextColumnThenAsTheLastColumn() throws IOException {
        assertThat(preview("a,Label,b\n1,0,2\n", 5).suggestedLabelColumn()).isEqualTo(1);
        assertThat(preview("class,target\n1,0\n", 5).suggestedLabelColumn()).as("class before target")
                .isEqualTo(0);
        assertThat(preview("Y,x\n1,0\n", 5).suggestedLabelColumn()).isEqualTo(0);
        assertThat(preview("name,x,colour,z\nann,1,red,2\n", 5).suggestedLabelColumn()).isEqualTo(2);
        assertThat(preview("a,b,c\n1,2,3\n", 5).suggestedLabelColumn()).isEqualTo(2);
    }

    @Test
    void blanksDoNotMakeAColumnTextButAnyOtherWordDoes() throws IOException {
        CsvPreview p = preview("a,b,c,d\n1,,x,nan\n2,,3,4\n", 5);
        assertThat(p.isNumeric(0)).isTrue();
        assertThat(p.isNumeric(1)).as("nothing but blanks").isFalse();
        assertThat(p.isNumeric(2)).isFalse();
        assertThat(p.firstNonNumber(2)).contains(new CsvPreview.Cell(2, "c", "x"));
        assertThat(p.isNumeric(3)).as("NaN is the reader's to refuse, with its line").isTrue();
        assertThat(p.complete()).isTrue();
    }

    @Test
    void onlyTheFirstRowsAreReadSoABadRowLaterIsNoProblemYet() throws IOException {
        String text = "x,label\n" + "1,a\n".repeat(30) + "1,2,3\n";
        CsvPreview p = preview(text, 20);
        assertThat(p.rows()).hasSize(20);
        assertThat(p.complete()).isFalse();
    }

    @Test
    void aMalformedRowAmongTheFirstIsReportedWithItsLine() throws IOException {
        Path file = dir.resolve("ragged.csv");
        Files.writeString(file, "x,y,label\n1,2,a\n3,b\n");
        DataFileException e = catchThrowableOfType(DataFileException.class, () -> CsvDatasetReader.preview(file, 20));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo("label");
        assertThat(e.getMessage()).contains("the value is missing");
    }

    @Test
    void aHeaderWithoutRowsIsRefusedAsTheReaderRefusesIt() throws IOException {
        Path file = dir.resolve("header.csv");
        Files.writeString(file, "\n\nx,label\n");
        DataFileException e = catchThrowableOfType(DataFileException.class, () -> CsvDatasetReader.preview(file, 20));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("no data rows");
    }

    @Test
    void theAutoGuessIsTheReadersOwnRule() {
        Random random = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + random.nextInt(15);
            List<String> labels = IntStream.range(0, n).mapToObj(i -> switch (random.nextInt(4)) {
                case 0 -> Integer.toString(random.nextInt(3));
                case 1 -> Integer.toString(random.nextInt(40) - 20);
                case 2 -> Double.toString(Math.round(random.nextGaussian() * 100) / 10.0);
                default -> random.nextInt(8) == 0 ? "cat" : Integer.toString(random.nextInt(5));
            }).toList();
            String text = "x,label\n" + labels.stream().map(l -> "1," + l).collect(Collectors.joining("\n"));
            Dataset read;
            try {
                read = CsvDatasetReader.read(new StringReader(text), "t.csv", "label", LabelKind.AUTO);
            } catch (DataFileException e) {
                // A single class: the reader refuses it, whatever the rule said.
                continue;
            }
            assertThat(CsvDatasetReader.autoTask(labels)).as("labels %s", labels).isEqualTo(read.task());
        }
    }
}
