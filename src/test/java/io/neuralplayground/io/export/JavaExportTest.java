package io.neuralplayground.io.export;

import static io.neuralplayground.io.NetworkAssertions.assertBitsEqual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.ExportTestModels;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelGenerators;
import io.neuralplayground.io.NamedModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java source file, compiled by the JDK's compiler in this JVM ({@link CompiledJava}, as Java 8) and run: its
 * {@code predict} against the engine for every activation and shape, its weights and input names exactly, the
 * class name the file's name gives, large networks, and its {@code main}.
 */
class JavaExportTest {
    @TempDir
    Path dir;

    private final JavaExport export = new JavaExport();

    @Test
    void theCompiledClassPredictsAsTheEngineAndHoldsExactlyItsWeightsAndNames() throws IOException {
        List<NamedModel> cases = ExportTestModels.cases();
        for (int c = 0; c < cases.size(); c++) {
            String as = cases.get(c).name();
            Model model = cases.get(c).model();
            Path file = dir.resolve("Case" + c).resolve("Model.java");
            export.write(model, file);
            ExportChecks.assertAscii(file);

            CompiledJava compiled = CompiledJava.compile(file, dir.resolve("classes" + c)).orFail();

            assertHolds(model, compiled, as);
            double[][] x = ExportTestModels.inputs(model.network().inputs(), 300 + c);
            // The engine adds with fused multiply-adds and has its own tanh; the file uses plain Java 8 arithmetic.
            ExportTestModels.assertClose(ExportTestModels.predictions(model, x), compiled.predict(x), 1e-12, as);
        }
    }

    @Test
    void theHardestDoublesAreCompiledBitForBit() {
        int n = ModelGenerators.SPECIAL_DOUBLES.length;
        double[] bias = {-Double.MAX_VALUE, Double.MIN_VALUE};
        Model model = ExportTestModels.specialDoubles(NamedModel.inputNames(n), bias, Activation.LINEAR);
        Path file = dir.resolve("Special.java");
        export.write(model, file);

        CompiledJava compiled = CompiledJava.compile(file, dir.resolve("classes")).orFail();

        assertHolds(model, compiled, "special doubles");
        assertBitsEqual(new double[][] {bias}, new double[][] {compiled.predict(new double[n])},
                "at 0 the outputs are the biases");
    }

    @Test
    void aNetworkTooLargeForLiteralsHasItsWeightsParsedExactly() {
        // 50·60 + 60 + 60·30 + 30 + 30·3 + 3 = 4 983 parameters, beyond the literals' limit.
        Model model = ExportTestModels.model(new int[] {50, 60, 30, 3}, new Activation[] {Activation.TANH,
            Activation.RELU, Activation.SOFTMAX}, 11);
        assertThat(model.network().parameterCount()).isGreaterThan(JavaExport.MAX_LITERAL_PARAMETERS);
        Path file = dir.resolve("Large.java");
        export.write(model, file);

        CompiledJava compiled = CompiledJava.compile(file, dir.resolve("classes")).orFail();

        assertHolds(model, compiled, "large");
        double[][] x = ExportTestModels.inputs(50, 12);
        ExportTestModels.assertClose(ExportTestModels.predictions(model, x), compiled.predict(x), 1e-12, "large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1998 1 1", "1000 1 999", "1 1999", "62 62"})
    void aNetworkJustWithinTheLiteralsLimitCompilesWhateverItsShape(String shapeText) {
        // Weights, biases and kernel rows together as many as literals allow: one row per weight (the most
        // bytecode per weight), a thousand names of a thousand three-byte characters, one long row, square.
        int[] shape = Arrays.stream(shapeText.split(" ")).mapToInt(Integer::parseInt).toArray();
        Activation[] activations = new Activation[shape.length - 1];
        Arrays.fill(activations, Activation.SIGMOID);
        Model model = ExportTestModels.model(shape, activations, 13);
        if (shape[0] == JavaExport.MAX_LITERAL_NAMES) {
            model = new Model(IntStream.range(0, shape[0]).mapToObj(i -> i + "温".repeat(
                    JavaExport.MAX_LITERAL_NAME_LENGTH - 1 - Integer.toString(i).length()) + "x").toList(),
                    model.network());
        }
        assertThat(literalCount(model.network())).isLessThanOrEqualTo(JavaExport.MAX_LITERAL_PARAMETERS);
        Path file = dir.resolve("Narrow.java");
        export.write(model, file);
        assertThat(JavaExport.source(model, "Narrow")).doesNotContain("matrix(");

        CompiledJava compiled = CompiledJava.compile(file, dir.resolve("classes")).orFail();

        assertHolds(model, compiled, shapeText);
        double[][] x = ExportTestModels.inputs(shape[0], 14);
        ExportTestModels.assertClose(ExportTestModels.predictions(model, x), compiled.predict(x), 1e-12, shapeText);

        // One more input, and the weights are text.
        int[] more = shape.clone();
        more[0]++;
        Model larger = ExportTestModels.model(more, activations, 13);
        assertThat(literalCount(larger.network())).isGreaterThan(JavaExport.MAX_LITERAL_PARAMETERS);
        assertThat(JavaExport.source(larger, "Narrow")).contains("matrix(");
    }

    @Test
    void theDeepestNetworkAJavaFileCanHoldCompilesWithItsWeightsAsTextOrAsLiterals() {
        int depth = JavaExport.MAX_LAYERS;
        // As text: 5 000 inputs with long names (as text too), then 2 units per layer.
        int[] shape = new int[depth + 1];
        Arrays.fill(shape, 2);
        shape[0] = 5_000;
        Activation[] activations = new Activation[depth];
        Arrays.fill(activations, Activation.TANH);
        Model text = ExportTestModels.model(shape, activations, 31);
        text = new Model(IntStream.range(0, shape[0]).mapToObj(i -> "input " + i + " " + "温".repeat(200)).toList(),
                text.network());
        // As literals: one input, one unit per layer.
        Arrays.fill(shape, 1);
        Arrays.fill(activations, Activation.LEAKY_RELU);
        Model literals = ExportTestModels.model(shape, activations, 32);
        assertThat(JavaExport.source(literals, "Deep")).doesNotContain("matrix(");

        for (Model model : List.of(text, literals)) {
            Path file = dir.resolve(model == text ? "text" : "literals").resolve("Deep.java");
            export.write(model, file);
            CompiledJava compiled = CompiledJava.compile(file, file.resolveSibling("classes")).orFail();
            assertHolds(model, compiled, "deep");
            double[][] x = ExportTestModels.inputs(model.network().inputs(), 33);
            ExportTestModels.assertClose(ExportTestModels.predictions(model, x), compiled.predict(x), 1e-12,
                    "deep");
        }

        int[] hidden = new int[depth];
        Arrays.fill(hidden, 1);
        Network deeper = Network.of(1, hidden, Activation.RELU, 1, Activation.LINEAR);
        Path file = dir.resolve("Deeper.java");
        assertThatThrownBy(() -> export.write(new Model(List.of("x"), deeper), file))
                .isInstanceOf(PlaygroundException.class)
                .hasMessage("Cannot save " + file + ": the network has " + (depth + 1) + " layers, more than the "
                        + depth + " a Java source file can hold: export it as .npz or model JSON and load that "
                        + "instead");
        assertThat(file).doesNotExist();
    }

    @Test
    void inputNamesBeyondWhatAJavaFileCanHoldAreRefused() {
        String name = "n".repeat(JavaExport.MAX_NAME_CHARACTERS / 10);
        List<String> names = IntStream.range(0, 11).mapToObj(i -> name + i).toList();
        Network network = Network.of(11, new int[0], Activation.LINEAR, 1, Activation.LINEAR);
        Path file = dir.resolve("Names.java");

        assertThatThrownBy(() -> export.write(new Model(names, network), file))
                .isInstanceOf(PlaygroundException.class)
                .hasMessage("Cannot save " + file + ": the names of the inputs have "
                        + names.stream().mapToInt(String::length).sum() + " characters together, more than the "
                        + JavaExport.MAX_NAME_CHARACTERS + " a Java source file can hold: export it as .npz or model "
                        + "JSON and load that instead");
        assertThat(file).doesNotExist();
    }

    @Test
    void aNetworkWithManyInputsCompiles() {
        // Few parameters per input, but every input has a name the class must hold.
        int inputs = 20_000;
        Model model = ExportTestModels.model(new int[] {inputs, 1}, new Activation[] {Activation.LINEAR}, 15);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            names.add(ExportTestModels.ODD_NAMES.get(i % ExportTestModels.ODD_NAMES.size()) + " #" + i);
        }
        model = new Model(names, model.network());
        Path file = dir.resolve("Wide.java");
        export.write(model, file);

        CompiledJava compiled = CompiledJava.compile(file, dir.resolve("classes")).orFail();

        assertHolds(model, compiled, "many inputs");
        double[][] x = ExportTestModels.inputs(inputs, 16);
        ExportTestModels.assertClose(ExportTestModels.predictions(model, x), compiled.predict(x), 1e-12,
                "many inputs");
    }

    @Test
    void anInputNameLongerThanAStringConstantMayBeCompiles() {
        // A class file holds a string constant of at most 65 535 bytes (modified UTF-8, 3 bytes for 温).
        String longName = "温".repeat(30_000);
        Model model = ExportTestModels.model(new int[] {2, 1}, new Activation[] {Activation.LINEAR}, 17);
        model = new Model(List.of(longName, "x2"), model.network());
        Path file = dir.resolve("LongName.java");
        export.write(model, file);

        CompiledJava compiled = CompiledJava.compile(file, dir.resolve("classes")).orFail();

        assertThat(compiled.inputs()).containsExactly(longName, "x2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Model", "Iris_2024", "$x", "_x", "x$_9", "Größe", "温度モデル", "𝒜𝓁𝑔𝑜", "java",
        "dense", "tanh", "softmax", "predict", "main", "matrix", "names", "INPUTS", "KERNEL_0", "BIAS_0", "h", "a",
        "x", "Object", "Override", "Exception", "Long", "StrictMath", "Float", "Character", "Model"})
    void theClassIsNamedAfterItsFileAndCompiles(String name) {
        Path file = dir.resolve(name + ".java");
        assertThat(JavaExport.className(file)).isEqualTo(name);
        Model model = ExportTestModels.model(new int[] {2, 3, 2}, new Activation[] {Activation.ELU,
            Activation.SOFTMAX}, 21);
        export.write(model, file);

        CompiledJava compiled = CompiledJava.compile(file, dir.resolve("classes")).orFail();

        assertThat(compiled.type().getName()).isEqualTo(name);
        double[][] x = ExportTestModels.inputs(2, 22);
        ExportTestModels.assertClose(ExportTestModels.predictions(model, x), compiled.predict(x), 1e-12, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"class", "int", "var", "record", "yield", "sealed", "permits", "_", "true", "null",
        "goto", "const", "strictfp", "2fast", "my-model", "my model", "", "a.b", "zero\u200bwidth",
        "soft\u00adhyphen", "ctrl\u0001"})
    void aFileNameThatIsNoClassNameIsRefusedBeforeAnythingIsWritten(String stem) throws IOException {
        Path file = dir.resolve(stem + ".java");

        assertThatThrownBy(() -> JavaExport.className(file)).isInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Cannot save " + file + ": Java names the class after its file")
                .hasMessageContaining("is not a valid Java class name");
        assertThatThrownBy(() -> export.write(ExportTestModels.model(new int[] {1, 1},
                new Activation[] {Activation.LINEAR}, 1), file)).isInstanceOf(PlaygroundException.class);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Math", "String", "System", "Double", "Integer", "IllegalArgumentException"})
    void aClassNameThatWouldHideAClassTheCodeUsesIsRefused(String name) throws IOException {
        Path file = dir.resolve(name + ".java");

        assertThatThrownBy(() -> JavaExport.className(file)).isInstanceOf(PlaygroundException.class)
                .hasMessage("Cannot save " + file + ": Java names the class after its file, and a class named " + name
                        + " would hide java.lang." + name + ", which the exported code uses: name the file e.g. "
                        + "Model.java");
        assertThatThrownBy(() -> JavaExport.source(ExportTestModels.model(new int[] {1, 1},
                new Activation[] {Activation.LINEAR}, 1), name)).isInstanceOf(IllegalArgumentException.class);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Model.JAVA", "Model.txt", "Model", "Model.java.bak", "Model.jav"})
    void aFileNameNotEndingInDotJavaIsRefused(String name) {
        Path file = dir.resolve(name);

        assertThatThrownBy(() -> JavaExport.className(file)).isInstanceOf(PlaygroundException.class)
                .hasMessage("Cannot save " + file + ": a Java source file must be named after its class and end in "
                        + ".java, e.g. Model.java");
    }

    @Test
    void itsMainPrintsThePredictionsOfItsArgumentsOnePerLine() throws IOException, InterruptedException {
        Model model = ExportTestModels.named("every activation in turn");
        Path file = dir.resolve("Model.java");
        export.write(model, file);
        Path classes = dir.resolve("classes");
        CompiledJava compiled = CompiledJava.compile(file, classes).orFail();
        double[] x = {0.5, -1.25, 3, 1e-3};

        Run run = java(classes, "Model", "0.5", "-1.25", "3", "1e-3");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        double[] printed = run.stdout().lines().mapToDouble(Double::parseDouble).toArray();
        assertBitsEqual(new double[][] {compiled.predict(x)}, new double[][] {printed}, "main");

        Run wrong = java(classes, "Model", "1", "2");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.stdout()).isEmpty();
        assertThat(wrong.stderr().strip()).isEqualTo("usage: java Model x1 x2 x3 x4");
    }

    @Test
    void predictRefusesTheWrongNumberOfInputs() {
        Model model = ExportTestModels.model(new int[] {3, 1}, new Activation[] {Activation.LINEAR}, 5);
        Path file = dir.resolve("Model.java");
        export.write(model, file);
        CompiledJava compiled = CompiledJava.compile(file, dir.resolve("classes")).orFail();

        assertThatThrownBy(() -> compiled.predict(new double[2])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 3 inputs, got 2");
    }

    @Test
    void aWeightThatIsNotFiniteIsRefusedAndTheOldFileKept() throws IOException {
        Path file = dir.resolve("Model.java");
        Model model = ExportTestModels.model(new int[] {2, 3, 1}, new Activation[] {Activation.RELU,
            Activation.LINEAR}, 4);
        model.network().layer(0).setWeight(0, 1, Double.POSITIVE_INFINITY);

        ExportChecks.assertRefusedAndTheOldFileKept(export, model, file, "// the previous export\n",
                "Cannot save " + file + ": layer 1 of 2, unit 2: the weight from input 1 is Infinity");
    }

    @Test
    void aNetworkBeyondWhatAJavaFileCanHoldIsRefused() {
        int width = (int) Math.ceil(Math.sqrt(JavaExport.MAX_PARAMETERS));
        Network network = Network.of(width, new int[0], Activation.LINEAR, width, Activation.LINEAR);
        assertThat(network.parameterCount()).isGreaterThan(JavaExport.MAX_PARAMETERS);
        Path file = dir.resolve("Huge.java");

        assertThatThrownBy(() -> export.write(new Model(NamedModel.inputNames(width), network), file))
                .isInstanceOf(PlaygroundException.class)
                .hasMessage("Cannot save " + file + ": the network has " + network.parameterCount() + " weights and "
                        + "biases, more than the " + JavaExport.MAX_PARAMETERS + " a Java source file can hold: "
                        + "export it as .npz or model JSON and load that instead");
        assertThat(file).doesNotExist();
    }

    /** INPUTS, and per layer KERNEL_l and BIAS_l bit for bit, and no other layer. */
    static void assertHolds(Model model, CompiledJava compiled, String as) {
        assertThat(compiled.inputs()).as(as).isEqualTo(model.inputs());
        Network network = model.network();
        for (int l = 0; l < network.depth(); l++) {
            assertBitsEqual(network.layer(l).kernelCopy(), compiled.kernel(l), as + " kernel " + l);
            assertBitsEqual(new double[][] {network.layer(l).biasCopy()}, new double[][] {compiled.bias(l)},
                    as + " bias " + l);
        }
        assertThat(compiled.fieldNames()).as(as).doesNotContain("KERNEL_" + network.depth(), "BIAS_"
                + network.depth());
    }

    /** Weights, biases and kernel rows: what array literals hold. */
    private static long literalCount(Network network) {
        long count = 0;
        for (DenseLayer layer : network.layers()) {
            count += (long) layer.inputs() * layer.units() + layer.units() + layer.inputs();
        }
        return count;
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    /** Runs {@code java -cp classes name args…} with the JVM running the tests. */
    private static Run java(Path classes, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classes.toString(), name));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread errors = new Thread(() -> {
            try (InputStream in = process.getErrorStream()) {
                in.transferTo(stderr);
            } catch (IOException ignored) {
                // the exit code tells
            }
        });
        errors.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("java finished").isTrue();
        errors.join();
        return new Run(process.exitValue(), stdout, stderr.toString(StandardCharsets.UTF_8));
    }
}
