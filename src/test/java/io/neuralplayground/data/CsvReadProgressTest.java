package io.neuralplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's overload with progress, cancellation and a choice of input columns. */
class CsvReadProgressTest {
    @TempDir
    Path dir;

    /** {@code rows} rows of three numeric columns, a text column and a label of three classes. */
    private Path generated(int rows) throws IOException {
        Path file = dir.resolve("generated.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("a,b,c,name,label\n");
            for (int r = 0; r < rows; r++) {
                out.write(r * 0.5 + "," + (r % 7) + "," + (-r) + ",row " + r + "," + (r % 3) + "\n");
            }
        }
        return file;
    }

    @Test
    void progressNeverDecreasesStartsAtZeroAndEndsAtOne() throws IOException {
        Path file = generated(20 * CsvDatasetReader.CHECK_EVERY_ROWS);
        List<Double> seen = new ArrayList<>();
        Dataset d = CsvDatasetReader.read(file, "label", LabelKind.AUTO, List.of("a", "b", "c"), seen::add,
                () -> false);
        assertThat(d.size()).isEqualTo(20 * CsvDatasetReader.CHECK_EVERY_ROWS);
        assertThat(seen).first().isEqualTo(0.0);
        assertThat(seen).last().isEqualTo(1.0);
        assertThat(seen).isSorted();
        assertThat(seen).as("reported along the way, not only at both ends").hasSizeGreaterThan(10);
        assertThat(seen.subList(0, seen.size() - 1)).allMatch(f -> f < 1);
    }

    @Test
    void aSmallFileReportsZeroThenOne() throws IOException {
        List<Double> seen = new ArrayList<>();
        CsvDatasetReader.read(generated(5), "label", LabelKind.AUTO, List.of("a"), seen::add, () -> false);
        assertThat(seen).containsExactly(0.0, 1.0);
    }

    @Test
    void cancellingStopsTheReadWithItsOwnExceptionAndNoDataset() throws IOException {
        Path file = generated(50 * CsvDatasetReader.CHECK_EVERY_ROWS);
        AtomicBoolean cancelled = new AtomicBoolean();
        List<Double> seen = new ArrayList<>();
        ReadCancelledException e = catchThrowableOfType(ReadCancelledException.class,
                () -> CsvDatasetReader.read(file, "label", LabelKind.AUTO, List.of("a", "b"), fraction -> {
                    seen.add(fraction);
                    if (fraction > 0.2) {
                        cancelled.set(true);
                    }
                }, cancelled::get));
        assertThat(e).isNotNull();
        assertThat(e).isNotInstanceOf(DataFileException.class);
        assertThat(e.getMessage()).isEqualTo("Reading " + file + " was cancelled: nothing was read");
        assertThat(e.source()).isEqualTo(file.toString());
        assertThat(seen).as("stopped at the next check, long before the end").last()
                .satisfies(f -> assertThat(f).isLessThan(0.3));
    }

    @Test
    void aReadCancelledBeforeItStartsReadsNothing() throws IOException {
        Path file = generated(10);
        List<Double> seen = new ArrayList<>();
        assertThatThrownBy(() -> CsvDatasetReader.read(file, "label", LabelKind.AUTO, null, seen::add, () -> true))
                .isInstanceOf(ReadCancelledException.class);
        assertThat(seen).isEmpty();
    }

    @Test
    void onlyTheChosenInputColumnsAreReadInTheFilesOrderAndTextColumnsMaySkip() throws IOException {
        Dataset d = CsvDatasetReader.read(generated(30), "label", LabelKind.AUTO, List.of("C", "a"), f -> { },
                () -> false);
        assertThat(d.columnNames()).containsExactly("a", "c");
        assertThat(d.row(4)).containsExactly(2.0, -4.0);
        assertThat(d.classNames()).containsExactly("0", "1", "2");
    }

    @Test
    void aMissingValueInAColumnNotChosenIsNoProblem() throws IOException {
        Path file = dir.resolve("gaps.csv");
        Files.writeString(file, "x,notes,label\n1,,a\n2,fine,b\n");
        Dataset d = CsvDatasetReader.read(file, "label", LabelKind.AUTO, List.of("x"), f -> { }, () -> false);
        assertThat(d.columnNames()).containsExactly("x");
        assertThat(d.size()).isEqualTo(2);
    }

    @Test
    void chosenColumnsThatCannotBeInputsAreRefusedWithTheHeadersLine() throws IOException {
        Path file = generated(3);
        DataFileException unknown = catchThrowableOfType(DataFileException.class, () -> CsvDatasetReader.read(file,
                "label", LabelKind.AUTO, List.of("a", "z"), f -> { }, () -> false));
        assertThat(unknown.line()).isEqualTo(1);
        assertThat(unknown.getMessage()).contains("there is no input column named 'z'")
                .contains("a, b, c, name").doesNotContain("name, label");
        DataFileException label = catchThrowableOfType(DataFileException.class, () -> CsvDatasetReader.read(file,
                "label", LabelKind.AUTO, List.of("a", "label"), f -> { }, () -> false));
        assertThat(label.column()).isEqualTo("label");
        assertThat(label.getMessage()).contains("this is the label column");
        DataFileException none = catchThrowableOfType(DataFileException.class, () -> CsvDatasetReader.read(file,
                "label", LabelKind.AUTO, List.of(), f -> { }, () -> false));
        assertThat(none.getMessage()).contains("no input column is chosen");
        DataFileException text = catchThrowableOfType(DataFileException.class, () -> CsvDatasetReader.read(file,
                "label", LabelKind.AUTO, List.of("name"), f -> { }, () -> false));
        assertThat(text.line()).isEqualTo(2);
        assertThat(text.column()).isEqualTo("name");
        assertThat(text.getMessage()).contains("'row 0' is not a number");
    }

    @Test
    void theShortOverloadStillReadsEveryColumnButTheLabel() throws IOException {
        Path file = dir.resolve("plain.csv");
        Files.writeString(file, "x1,x2,label\n1,2,a\n3,4,b\n");
        assertThat(CsvDatasetReader.read(file, "label").columnNames()).containsExactly("x1", "x2");
    }
}
