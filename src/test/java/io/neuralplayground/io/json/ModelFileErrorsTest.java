package io.neuralplayground.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad file gives a PlaygroundException naming the file, the place and the problem. */
class ModelFileErrorsTest {
    private static final String SOURCE = "bad-model.json";

    private static final String LAYER0 =
            "{\"units\": 2, \"activation\": \"sigmoid\", \"kernel\": [[0.1, 0.2], [0.3, 0.4]], \"bias\": [0.5, 0.5]}";
    private static final String LAYER1 =
            "{\"units\": 1, \"activation\": \"tanh\", \"kernel\": [[0.7], [0.8]], \"bias\": [0.1]}";

    /** A valid model with its parts replaceable. */
    private static String model(String format, String version, String inputs, String layers) {
        StringBuilder sb = new StringBuilder("{\n");
        if (format != null) {
            sb.append("  \"format\": ").append(format).append(",\n");
        }
        if (version != null) {
            sb.append("  \"version\": ").append(version).append(",\n");
        }
        if (inputs != null) {
            sb.append("  \"inputs\": ").append(inputs).append(",\n");
        }
        if (layers != null) {
            sb.append("  \"layers\": ").append(layers).append(",\n");
        }
        sb.append("  \"seed\": 1\n}\n");
        return sb.toString();
    }

    private static String withInputs(String inputs) {
        return model("\"neural-playground-model\"", "1", inputs, "[" + LAYER0 + ", " + LAYER1 + "]");
    }

    private static String withLayers(String... layers) {
        return model("\"neural-playground-model\"", "1", "[\"x1\", \"x2\"]", "[" + String.join(", ", layers) + "]");
    }

    private static String layer(String units, String activation, String kernel, String bias) {
        return "{\"units\": " + units + ", \"activation\": " + activation + ", \"kernel\": " + kernel
                + ", \"bias\": " + bias + "}";
    }

    static Stream<Arguments> badFiles() {
        String ok = withLayers(LAYER0, LAYER1);
        return Stream.of(
                // not JSON, or not all of it
                Arguments.of("empty", "", new String[] {"the file is empty"}),
                Arguments.of("blank", "  \n ", new String[] {"the file is empty"}),
                Arguments.of("not JSON", "hello", new String[] {"not valid JSON", "line 1, column"}),
                Arguments.of("binary", "\u0089PNG\r\n\u001a\n", new String[] {"not valid JSON", "line 1"}),
                Arguments.of("truncated", ok.substring(0, ok.length() / 2),
                        new String[] {"ends too early", "truncated", "line "}),
                Arguments.of("missing comma", ok.replaceFirst(",\n  \"version\"", "\n  \"version\""),
                        new String[] {"not valid JSON", "line 3, column 3"}),
                Arguments.of("trailing garbage", ok + "{}", new String[] {"more after the end", "line 8, column 1"}),
                Arguments.of("comment", "// a model\n" + ok, new String[] {"not valid JSON", "line 1, column 1"}),
                Arguments.of("duplicate field", ok.replace("\"seed\": 1", "\"seed\": 1, \"seed\": 2"),
                        new String[] {"Duplicate field 'seed' at line 6", "only once"}),
                Arguments.of("array at top", "[1, 2]", new String[] {"not a Neural Playground model", "an array"}),
                Arguments.of("string at top", "\"model\"", new String[] {"not a Neural Playground model",
                    "the string \"model\""}),
                // format and version
                Arguments.of("no format", model(null, "1", "[\"x1\", \"x2\"]", "[" + LAYER0 + ", " + LAYER1 + "]"),
                        new String[] {"not a Neural Playground model", "no \"format\""}),
                Arguments.of("other format", model("\"neural-playground-session\"", "1", "[\"x1\"]", "[]"),
                        new String[] {"not a Neural Playground model", "\"neural-playground-session\"",
                            "line 2, column 13"}),
                Arguments.of("format a number", model("1", "1", "[\"x1\", \"x2\"]", "[" + LAYER0 + "]"),
                        new String[] {"not a Neural Playground model", "the number 1"}),
                Arguments.of("other format, broken later", "{\"format\": \"keras\", \"layers\": [1, 2",
                        new String[] {"not a Neural Playground model", "\"keras\""}),
                Arguments.of("newer version", model("\"neural-playground-model\"", "2", "[\"x1\"]",
                        "[{\"kind\": \"conv2d\"}]"), new String[] {"written by a newer Neural Playground",
                            "version 2", "update"}),
                Arguments.of("newer version, fields first", "{\"layers\": [{\"kind\": \"conv\"}], \"inputs\": 3,"
                        + " \"version\": 7, \"format\": \"neural-playground-model\"}",
                        new String[] {"written by a newer Neural Playground", "version 7"}),
                Arguments.of("version 0", model("\"neural-playground-model\"", "0", "[\"x1\", \"x2\"]",
                        "[" + LAYER0 + "]"), new String[] {"\"version\" is 0", "start at 1"}),
                Arguments.of("version missing", model("\"neural-playground-model\"", null, "[\"x1\", \"x2\"]",
                        "[" + LAYER0 + "]"), new String[] {"\"version\" is missing"}),
                Arguments.of("version a string", model("\"neural-playground-model\"", "\"1\"", "[\"x1\", \"x2\"]",
                        "[" + LAYER0 + "]"), new String[] {"\"version\" must be a whole number", "the string \"1\""}),
                Arguments.of("version fractional", model("\"neural-playground-model\"", "1.5", "[\"x1\", \"x2\"]",
                        "[" + LAYER0 + "]"), new String[] {"\"version\" must be a whole number", "1.5"}),
                // inputs
                Arguments.of("inputs missing", model("\"neural-playground-model\"", "1", null, "[" + LAYER0 + "]"),
                        new String[] {"\"inputs\" is missing"}),
                Arguments.of("inputs not an array", withInputs("\"x1, x2\""),
                        new String[] {"\"inputs\" must be an array", "the string \"x1, x2\"", "line 4"}),
                Arguments.of("inputs empty", withInputs("[]"), new String[] {"\"inputs\" is empty"}),
                Arguments.of("input a number", withInputs("[\"x1\", 2]"),
                        new String[] {"inputs[1] must be a string", "the number 2", "line 4, column 20"}),
                Arguments.of("input empty", withInputs("[\"x1\", \"\"]"),
                        new String[] {"inputs[1] is \"\"", "every input needs a name"}),
                Arguments.of("input blank", withInputs("[\" \", \"x2\"]"), new String[] {"inputs[0] is \" \""}),
                Arguments.of("inputs duplicate", withInputs("[\"x1\", \"x1\"]"),
                        new String[] {"inputs[1] \"x1\" repeats inputs[0]", "unique"}),
                Arguments.of("input lone surrogate", withInputs("[\"x1\", \"\\ud800\"]"),
                        new String[] {"inputs[1]", "lone UTF-16 surrogate"}),
                Arguments.of("too few inputs for the kernel", withInputs("[\"x1\"]"),
                        new String[] {"layers[0].kernel has 2 rows", "receives 1 input",
                            "the 1 name in \"inputs\""}),
                Arguments.of("too many inputs for the kernel", withInputs("[\"x1\", \"x2\", \"x3\"]"),
                        new String[] {"layers[0].kernel has 2 rows", "receives 3 inputs"}),
                // layers
                Arguments.of("layers missing", model("\"neural-playground-model\"", "1", "[\"x1\"]", null),
                        new String[] {"\"layers\" is missing"}),
                Arguments.of("layers empty", withLayers(), new String[] {"\"layers\" is empty",
                    "at least an output layer"}),
                Arguments.of("layers an object", model("\"neural-playground-model\"", "1", "[\"x1\"]", LAYER0),
                        new String[] {"\"layers\" must be an array", "an object"}),
                Arguments.of("layer not an object", withLayers(LAYER0, "[1]"),
                        new String[] {"layers[1] must be an object", "an array"}),
                Arguments.of("layer without bias", withLayers(LAYER0,
                        "{\"units\": 1, \"activation\": \"tanh\", \"kernel\": [[0.7], [0.8]]}"),
                        new String[] {"layers[1] has no \"bias\""}),
                Arguments.of("layer without units and activation", withLayers(
                        "{\"kernel\": [[0.1], [0.2]], \"bias\": [0]}"),
                        new String[] {"layers[0] has no \"units\", \"activation\""}),
                Arguments.of("units a string", withLayers(layer("\"2\"", "\"relu\"", "[[1, 2], [3, 4]]", "[0, 0]")),
                        new String[] {"layers[0].units must be a whole number", "the string \"2\""}),
                Arguments.of("units fractional", withLayers(layer("2.0", "\"relu\"", "[[1, 2], [3, 4]]", "[0, 0]")),
                        new String[] {"layers[0].units must be a whole number", "the number 2.0"}),
                Arguments.of("units zero", withLayers(layer("0", "\"relu\"", "[[], []]", "[]")),
                        new String[] {"layers[0].units is 0", "at least one unit"}),
                Arguments.of("units negative", withLayers(layer("-3", "\"relu\"", "[[1], [2]]", "[0]")),
                        new String[] {"layers[0].units is -3"}),
                Arguments.of("units absurd", withLayers(layer("2000000000", "\"relu\"", "[[1], [2]]", "[0]")),
                        new String[] {"layers[0].units is 2000000000", "at most 100000 units"}),
                Arguments.of("units beyond long", withLayers(layer("1" + "0".repeat(30), "\"relu\"", "[[1], [2]]",
                        "[0]")), new String[] {"layers[0].units is 1000000000000000000000000000000",
                            "at most 100000 units"}),
                Arguments.of("units and bias disagree", withLayers(layer("3", "\"relu\"", "[[1, 2], [3, 4]]",
                        "[0, 0]")), new String[] {"layers[0].bias has 2 values but \"units\" is 3"}),
                Arguments.of("units and kernel columns disagree", withLayers(layer("2", "\"relu\"",
                        "[[1, 2, 3], [3, 4, 5]]", "[0, 0]")),
                        new String[] {"layers[0].kernel rows have 3 values but \"units\" is 2"}),
                Arguments.of("kernel rows and the previous layer disagree", withLayers(LAYER0,
                        layer("1", "\"tanh\"", "[[0.7], [0.8], [0.9]]", "[0]")),
                        new String[] {"layers[1].kernel has 3 rows", "receives 2 inputs",
                            "the 2 units of layers[0]"}),
                Arguments.of("ragged kernel", withLayers(layer("2", "\"relu\"", "[[1, 2], [3]]", "[0, 0]")),
                        new String[] {"layers[0].kernel[1] has 1 value but layers[0].kernel[0] has 2"}),
                Arguments.of("kernel empty", withLayers(layer("2", "\"relu\"", "[]", "[0, 0]")),
                        new String[] {"layers[0].kernel has 0 rows", "receives 2 inputs"}),
                Arguments.of("kernel flat", withLayers(layer("2", "\"relu\"", "[1, 2, 3, 4]", "[0, 0]")),
                        new String[] {"layers[0].kernel[0] must be an array of numbers", "the number 1"}),
                Arguments.of("kernel a string", withLayers(layer("2", "\"relu\"", "\"[[1]]\"", "[0, 0]")),
                        new String[] {"layers[0].kernel must be an array of rows"}),
                Arguments.of("bias a number", withLayers(layer("1", "\"relu\"", "[[1], [2]]", "0.5")),
                        new String[] {"layers[0].bias must be an array of numbers", "the number 0.5"}),
                Arguments.of("unknown activation", withLayers(layer("2", "\"relu6\"", "[[1, 2], [3, 4]]", "[0, 0]")),
                        new String[] {"layers[0].activation \"relu6\" is not an activation",
                            "linear, relu, leaky_relu, elu, tanh, sigmoid, softmax"}),
                Arguments.of("activation a number", withLayers(layer("2", "3", "[[1, 2], [3, 4]]", "[0, 0]")),
                        new String[] {"layers[0].activation must be the name of an activation", "the number 3"}),
                // numbers
                Arguments.of("NaN token", withLayers(layer("2", "\"relu\"", "[[1, NaN], [3, 4]]", "[0, 0]")),
                        new String[] {"layers[0].kernel[0][1] is NaN", "finite"}),
                Arguments.of("Infinity token", withLayers(layer("2", "\"relu\"", "[[1, 2], [3, 4]]",
                        "[0, -Infinity]")), new String[] {"layers[0].bias[1] is -Infinity", "finite"}),
                Arguments.of("NaN string", withLayers(layer("2", "\"relu\"", "[[1, \"NaN\"], [3, 4]]", "[0, 0]")),
                        new String[] {"layers[0].kernel[0][1] must be a number", "the string \"NaN\""}),
                Arguments.of("Infinity string", withLayers(layer("2", "\"relu\"", "[[1, 2], [3, 4]]",
                        "[\"Infinity\", 0]")), new String[] {"layers[0].bias[0] must be a number",
                            "the string \"Infinity\""}),
                Arguments.of("number too large", withLayers(layer("2", "\"relu\"", "[[1, 2], [3, 1e400]]",
                        "[0, 0]")), new String[] {"layers[0].kernel[1][1] is 1e400", "beyond the range"}),
                Arguments.of("integer too large", withLayers(layer("2", "\"relu\"", "[[1, 2], [3, 4]]",
                        "[0, 1" + "0".repeat(400) + "]")), new String[] {"layers[0].bias[1] is 1000",
                            "beyond the range"}),
                Arguments.of("null weight", withLayers(layer("2", "\"relu\"", "[[1, null], [3, 4]]", "[0, 0]")),
                        new String[] {"layers[0].kernel[0][1] must be a number", "found null"}),
                Arguments.of("boolean weight", withLayers(layer("2", "\"relu\"", "[[1, 2], [true, 4]]", "[0, 0]")),
                        new String[] {"layers[0].kernel[1][0] must be a number", "found true"}),
                Arguments.of("NaN in an extra field", ok.replace("\"seed\": 1", "\"seed\": NaN"),
                        new String[] {"seed is NaN"}),
                Arguments.of("lone surrogate in an extra field", ok.replace("\"seed\": 1", "\"seed\": \"\\udc00\""),
                        new String[] {"seed", "lone UTF-16 surrogate"}),
                // the first problem in file order is reported when there are several
                Arguments.of("two problems", withLayers(layer("2", "\"nope\"", "[[1, 2], [3, 4]]", "[0, 0]"),
                        layer("1", "\"tanh\"", "[[1], [NaN]]", "[0]")),
                        new String[] {"layers[0].activation \"nope\""}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedWithAMessageNamingFileAndProblem(String name, String json, String[] expected) {
        assertThatThrownBy(() -> ModelFile.fromJson(json, SOURCE))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith(SOURCE + ": ")
                .hasMessageContainingAll(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void theSameFromAFileOnDisk(String name, String json, String[] expected, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad model.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ModelFile.read(file))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContainingAll(expected);
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path file = dir.resolve("nowhere.json");

        assertThatThrownBy(() -> ModelFile.read(file))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessage("Cannot read " + file + ": no such file or directory");
    }

    @Test
    void aDirectoryIsNoModel(@TempDir Path dir) {
        assertThatThrownBy(() -> ModelFile.read(dir))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Cannot read " + dir + ": ");
    }

    @Test
    void bytesThatAreNoUtf8AreRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.json");
        Files.write(file, withInputs("[\"Gr\u00f6\u00dfe\", \"x2\"]").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ModelFile.read(file))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith(file + ": not valid JSON at line 4")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void aKernelRowLongerThanAnyLayerIsRefusedWhileReading() {
        String row = "0, ".repeat(ModelLimits.MAX_WIDTH) + "0";
        String json = withLayers(layer("1", "\"relu\"", "[[" + row + "], [0]]", "[0]"));

        assertThatThrownBy(() -> ModelFile.fromJson(json, SOURCE))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageContaining(SOURCE + ": layers[0].kernel[0] has more than 100000 values");
    }

    @Test
    void moreInputsThanAnyLayerTakesAreRefused() {
        StringBuilder names = new StringBuilder("[");
        for (int i = 0; i <= ModelLimits.MAX_WIDTH; i++) {
            names.append(i == 0 ? "" : ", ").append("\"x").append(i).append('"');
        }
        String json = withInputs(names.append(']').toString());

        assertThatThrownBy(() -> ModelFile.fromJson(json, SOURCE))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageContaining(SOURCE + ": \"inputs\" has more than 100000 names");
    }

    @Test
    void theParameterCountIsLimitedAcrossLayers() {
        // The real limit (10⁸) would need gigabytes of text; the counting is the same with a small one.
        var limits = new ModelJsonReader.Limits(ModelLimits.MAX_WIDTH, 8, ModelLimits.MAX_LAYERS);

        // 2·2 + 2 = 6 parameters in the first layer, the 9th is the second layer's second kernel row.
        assertThatThrownBy(() -> ModelFile.fromJson(withLayers(LAYER0, LAYER1), SOURCE, limits))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith(SOURCE + ": the model has more than 8 parameters")
                .hasMessageContaining("line 5");
        assertThat(ModelFile.fromJson(withLayers(LAYER0, LAYER1),
                SOURCE, new ModelJsonReader.Limits(ModelLimits.MAX_WIDTH, 9, ModelLimits.MAX_LAYERS)).network()
                .parameterCount()).isEqualTo(9);
    }

    @Test
    void theLayerCountIsLimited() {
        var limits = new ModelJsonReader.Limits(ModelLimits.MAX_WIDTH, ModelLimits.MAX_PARAMETERS, 1);

        assertThatThrownBy(() -> ModelFile.fromJson(withLayers(LAYER0, LAYER1), SOURCE, limits))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith(SOURCE + ": \"layers\" has more than 1 layers");
    }

    @Test
    void deepNestingInAnExtraFieldIsRefusedNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String json = withLayers(LAYER0, LAYER1).replace("\"seed\": 1", "\"seed\": " + deep);

        assertThatThrownBy(() -> ModelFile.fromJson(json, SOURCE))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessage(SOURCE + ": too large or too deeply nested to read: Document nesting depth (1001) "
                        + "exceeds the maximum allowed (1000)");
    }

    @Test
    void nonFiniteWeightsCannotBeWrittenAndTheMessageSaysWhere(@TempDir Path dir) {
        Model model = ModelFile.fromJson(withLayers(LAYER0, LAYER1), SOURCE);
        model.network().layer(1).setWeight(1, 0, Double.NaN);
        Path file = dir.resolve("diverged.json");

        assertThatThrownBy(() -> ModelFile.write(file, model))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Cannot save " + file + ": layer 2 of 2, unit 1: the weight from input 2 "
                        + "is NaN (layers[1].kernel[1][0])");
        assertThat(file).doesNotExist();

        model.network().layer(1).setWeight(1, 0, 0.5);
        model.network().layer(0).setBias(1, Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> ModelFile.toJson(model))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Cannot save the model: layer 1 of 2, unit 2: the bias is -Infinity "
                        + "(layers[0].bias[1])");
    }
}
