package io.neuralplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.neuralplayground.io.ModelLimits;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The CSV reader's limits: a header wider than {@link CsvDatasetReader#MAX_INPUT_COLUMNS} input columns and the
 * label, or a row longer than {@link CsvDatasetReader#MAX_ROW_CHARS}, is refused where it breaks the limit, without
 * reading on; a file just at the limit is read, and its features are resolved in time linear in the columns.
 */
class CsvLimitsTest {
    private static final int MAX = CsvDatasetReader.MAX_INPUT_COLUMNS;

    private static String header(int inputs) {
        return IntStream.range(0, inputs).mapToObj(c -> "c" + c).collect(Collectors.joining(",")) + ",label\n";
    }

    private static String row(int inputs, int label) {
        return "0.5,".repeat(inputs) + label + "\n";
    }

    private static DataFileException refusal(EndlessText text) {
        DataFileException e = catchThrowableOfType(DataFileException.class,
                () -> CsvDatasetReader.read(text, "wide.csv", "label", LabelKind.AUTO));
        assertThat(e).as("a refusal").isNotNull();
        return e;
    }

    @Test
    void theLimitIsTheWidestInputAModelFileHolds() {
        // So that a network fed every column of a file that is read can be saved.
        assertThat(MAX).isEqualTo(ModelLimits.MAX_WIDTH);
    }

    @Test
    void aMillionColumnsAreRefusedAtTheHeaderBeforeAnyDataRowIsRead() {
        String header = header(1_000_000 - 1);
        // Endless rows after the header: reading any of them through would never end.
        EndlessText text = new EndlessText(header, row(1_000_000 - 1, 1), 4L * header.length());
        DataFileException e = refusal(text);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e).hasMessage("wide.csv, line 1: the header row has more than " + (MAX + 1) + " columns, but a "
                + "data file may have at most " + MAX + " input columns besides its label column: keep the columns "
                + "you need, or reduce the features before reading the file");
        // The header was read only as far as the column after the limit, give or take one buffer of text.
        assertThat(text.served()).isLessThan(header.indexOf(",c" + (MAX + 1) + ",") + (1 << 17));
    }

    @Test
    void aFileAtTheLimitIsReadAndItsFeaturesResolve() {
        String text = header(MAX) + row(MAX, 0) + row(MAX, 1);
        Dataset d = CsvDatasetReader.read(new StringReader(text), "limit.csv", "label", LabelKind.AUTO);
        assertThat(d.columnCount()).isEqualTo(MAX);
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.columnNames().get(MAX - 1)).isEqualTo("c" + (MAX - 1));
        // Resolving every column by name once took a pass over the columns per column.
        FeatureSet all = FeatureSet.resolve(d, d.columnNames());
        assertThat(all).isEqualTo(FeatureSet.defaultFor(d));
        double[][] rows = all.rows(d);
        assertThat(rows[1]).hasSize(MAX).containsOnly(0.5);
    }

    @Test
    void aDataRowFarWiderThanTheHeaderIsRefusedAtItsLine() {
        EndlessText text = new EndlessText("a,label\n1,0\n", "1,", 1L << 24);
        DataFileException e = refusal(text);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).endsWith("the row has more than " + (MAX + 1) + " values but the header has 2 "
                + "columns: give every row one value per column");
    }

    @Test
    void aLineWithoutEndIsRefusedAtTheLimitNotReadWhole() {
        EndlessText text = new EndlessText("", "a", 4L * CsvDatasetReader.MAX_ROW_CHARS);
        DataFileException e = refusal(text);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e).hasMessage("wide.csv, line 1: the row starting on this line is longer than "
                + CsvDatasetReader.MAX_ROW_CHARS + " characters, the most a row may have: check that this is a CSV "
                + "file with one example per line (a quote left open makes the rest of the file one value)");
        assertThat(text.served()).isLessThan(CsvDatasetReader.MAX_ROW_CHARS + (1L << 17));
    }

    @Test
    void aQuoteLeftOpenIsRefusedAtTheRowItOpens() {
        EndlessText text = new EndlessText("a,label\n1,0\n\"2,1\n", "3,1\n", 4L * CsvDatasetReader.MAX_ROW_CHARS);
        DataFileException e = refusal(text);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("longer than " + CsvDatasetReader.MAX_ROW_CHARS + " characters");
    }

    @Test
    void messagesAboutAWideFileListOnlyItsFirstColumns() {
        int inputs = 5000;
        String text = header(inputs).replace(",label\n", ",y\n") + row(inputs, 0) + row(inputs, 1);
        DataFileException e = catchThrowableOfType(DataFileException.class,
                () -> CsvDatasetReader.read(new StringReader(text), "wide.csv", "label", LabelKind.AUTO));
        List<String> first = IntStream.range(0, NameLists.MAX_LISTED).mapToObj(c -> "c" + c).toList();
        assertThat(e.getMessage()).endsWith("choose one of the columns " + String.join(", ", first) + " and "
                + (inputs + 1 - NameLists.MAX_LISTED) + " more");
    }
}
