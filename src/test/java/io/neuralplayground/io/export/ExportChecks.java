package io.neuralplayground.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.io.ExportTestModels;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelWriter;
import io.neuralplayground.io.NamedModel;
import io.neuralplayground.testing.Python;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * What the tests of exported files share: writing {@link ExportTestModels} and running a script of the test
 * resources over the files with examples for each ({@code [{"path": …, "x": [[…], …]}, …]} on its standard input),
 * reading the numbers it answers, and the checks every export owes (ASCII text, a refused model leaving the old
 * file as it was).
 */
public final class ExportChecks {
    private ExportChecks() {
    }

    /** A test model, the examples it was given and what the script said of its file. */
    public record Checked(String name, Model model, double[][] x, JsonNode result) {
        /** What the engine computes for the examples: what the file's predictions must agree with. */
        public double[][] expected() {
            return ExportTestModels.predictions(model, x);
        }
    }

    /**
     * Writes each of {@link ExportTestModels#cases()} with {@code writer} to the file {@code fileOf} gives for its
     * index {@code c}, and runs {@code script} (with these environment variables) once over all of them, with the
     * examples {@link ExportTestModels#inputs ExportTestModels.inputs(inputs, seed + c)}; asserts it answers for
     * every file.
     */
    public static List<Checked> runCases(String script, Map<String, String> env, long seed, IntFunction<Path> fileOf,
            ModelWriter writer) {
        List<NamedModel> cases = ExportTestModels.cases();
        List<Map<String, Object>> requests = new ArrayList<>();
        List<double[][]> inputs = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            Model model = cases.get(c).model();
            Path file = fileOf.apply(c);
            writer.write(model, file);
            inputs.add(ExportTestModels.inputs(model.network().inputs(), seed + c));
            requests.add(Map.of("path", file.toString(), "x", inputs.get(c)));
        }

        JsonNode results = Python.runScript(script, requests, env);

        assertThat(results).hasSize(cases.size());
        List<Checked> checked = new ArrayList<>();
        for (int c = 0; c < cases.size(); c++) {
            checked.add(new Checked(cases.get(c).name(), cases.get(c).model(), inputs.get(c), results.get(c)));
        }
        return checked;
    }

    /** Runs {@code script} over one file with the examples {@code x}; what it said of the file. */
    public static JsonNode runOne(String script, Path file, Object x, Map<String, String> env) {
        return Python.runScript(script, List.of(Map.of("path", file.toString(), "x", x)), env).get(0);
    }

    /** A JSON array of arrays of numbers. */
    public static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int r = 0; r < m.length; r++) {
            m[r] = vector(rows.get(r));
        }
        return m;
    }

    /** A JSON array of numbers. */
    public static double[] vector(JsonNode values) {
        assertThat(values.isArray()).as("a JSON array: " + values).isTrue();
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            assertThat(values.get(i).isNumber()).as("a number: " + values.get(i)).isTrue();
            v[i] = values.get(i).asDouble();
        }
        return v;
    }

    /** The text of each element of a JSON array. */
    public static List<String> strings(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Lines of numbers separated by single spaces, as the exported scripts print their predictions. */
    static double[][] printed(List<String> lines) {
        double[][] printed = new double[lines.size()][];
        for (int r = 0; r < printed.length; r++) {
            printed[r] = Arrays.stream(lines.get(r).split(" ")).mapToDouble(Double::parseDouble).toArray();
        }
        return printed;
    }

    /** {@code writer}, and then {@link #assertAscii} on the file it wrote. */
    static ModelWriter checkingAscii(ModelWriter writer) {
        return (model, file) -> {
            writer.write(model, file);
            assertAscii(file);
        };
    }

    /** Every byte of {@code file} printable ASCII or a newline. */
    static void assertAscii(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < bytes.length; i++) {
            assertThat(bytes[i] == '\n' || (bytes[i] >= 0x20 && bytes[i] < 0x7f)).as(file.getFileName() + ": byte "
                    + i + " is " + bytes[i]).isTrue();
        }
    }

    /**
     * Over a {@code file} that holds {@code previous}, {@code writer} refuses {@code model} with a
     * {@link PlaygroundException} whose message starts with {@code message}; the file still holds
     * {@code previous} and nothing is left beside it.
     */
    static void assertRefusedAndTheOldFileKept(ModelWriter writer, Model model, Path file, String previous,
            String message) throws IOException {
        Files.writeString(file, previous);

        assertThatThrownBy(() -> writer.write(model, file)).isInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith(message);
        assertThat(Files.readString(file)).isEqualTo(previous);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }
}
