package io.neuralplayground.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.testing.Performance;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long the CSV limits take on real files: a million columns are refused, and a file at the limit is read and
 * turned into a network's inputs, each well within a second or two (both once took minutes: resolving features
 * by name cost a pass over the columns per column). That they are refused and read at all is
 * {@link CsvLimitsTest}'s.
 */
@Performance
class CsvLimitsPerformanceTest {
    private static void write(Path file, int inputs, int rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int c = 0; c < inputs; c++) {
                out.write("c" + c + ",");
            }
            out.write("label\n");
            for (int r = 0; r < rows; r++) {
                out.write("0.5,".repeat(inputs) + (r % 2) + "\n");
            }
        }
    }

    @Test
    void aMillionColumnsAreRefusedQuickly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("wide.csv");
        write(file, 1_000_000, 4);
        long start = System.nanoTime();
        assertThatThrownBy(() -> CsvDatasetReader.read(file, "label")).isInstanceOf(DataFileException.class);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("a million columns refused in %.3f s%n", seconds);
        assertThat(seconds).isLessThan(2);
    }

    @Test
    void aFileAtTheLimitIsReadAndEncodedQuickly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("limit.csv");
        write(file, CsvDatasetReader.MAX_INPUT_COLUMNS, 20);
        long start = System.nanoTime();
        Dataset d = CsvDatasetReader.read(file, "label");
        double[][] inputs = FeatureSet.resolve(d, "all").rows(d);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d columns × %d rows read and encoded in %.3f s%n", d.columnCount(), inputs.length,
                seconds);
        assertThat(seconds).isLessThan(5);
    }
}
