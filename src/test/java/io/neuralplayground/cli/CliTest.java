package io.neuralplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralplayground.engine.BackpropTrace;
import io.neuralplayground.engine.LeftoverExamples;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Trainer;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.json.ModelFile;
import io.neuralplayground.session.TrainingPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TEXTBOOK = Path.of("resources/examples/textbook-2-2-2.json");

    @TempDir
    Path dir;

    /** Exit code, standard output and standard error of one command line. */
    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void withoutACommandPrintsTheUsage() {
        Run run = run();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: neural-playground", "train", "trace", "gradcheck", "bench");
    }

    /** picocli reports a help text it cannot format on System.err, past the command's own writers. */
    @Test
    void everyCommandsHelpFormatsCleanly() {
        java.io.PrintStream systemErr = System.err;
        java.io.ByteArrayOutputStream caught = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(caught, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : List.of("train", "trace", "gradcheck", "autodiff", "window", "screenshot", "perf",
                    "export", "import", "bench")) {
                Run help = run(command, "--help");
                assertThat(help.exit()).as(command).isZero();
                assertThat(help.err()).as(command).isEmpty();
            }
        } finally {
            System.setErr(systemErr);
        }
        assertThat(caught.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void trainPrintsOneLinePerEpochWithPlaygroundsSetupAndTheLecturesLoss() {
        Run run = run("train", "--epochs", "3");
        assertThat(run.exit()).isZero();
        assertThat(run.lines().get(0)).contains("Circle, 500 points", "features x1,x2", "2-4-2-1",
                "binary_crossentropy", "sgd", "learning rate 0.03", "batch 10, leftover smaller-batch");
        assertThat(run.lines().get(3)).matches(
                "epoch +3 +train loss \\d\\.\\d{6} +test loss \\d\\.\\d{6} +train accuracy +[\\d.]+ % +test accuracy +[\\d.]+ %");
        // Then, after the last epoch, how its weights classify (TrainCommandTest reads the block).
        assertThat(run.lines().get(4)).isEmpty();
        assertThat(run.lines().get(5)).startsWith("confusion, training examples");
    }

    @Test
    void trainLeftoverPicksKerasSmallerLastBatchOrPlaygroundsCarryOver() throws Exception {
        // 250 training points in batches of 30 leave 10 over every epoch.
        String[] common = {"train", "--batch", "30", "--no-shuffle", "--epochs", "4", "--json"};
        Run byDefault = run(common);
        Run keras = run(concat(common, "--leftover", "smaller-batch"));
        Run playground = run(concat(common, "--leftover", "carry-over"));
        assertThat(playground.exit()).isZero();
        assertThat(keras.out()).isEqualTo(byDefault.out());
        assertThat(playground.out()).isNotEqualTo(keras.out());

        Trainer expected = TrainingPlan.builder().batchSize(30).shuffle(false).leftover(LeftoverExamples.CARRY_OVER)
                .build().prepare().trainer();
        List<String> lines = playground.lines().stream().filter(line -> line.startsWith("{\"epoch\"")).toList();
        assertThat(lines).hasSize(4);
        for (String line : lines) {
            assertThat(JSON.readTree(line).get("train_loss").asDouble()).isEqualTo(expected.runEpoch().trainLoss());
        }
        assertThat(expected.optimizerState().steps()).isEqualTo(4 * 8);

        Path model = dir.resolve("carried.json");
        assertThat(run(concat(common, "--leftover", "carry-over", "--out", model.toString())).exit()).isZero();
        assertThat(ModelFile.read(model).extras().get("training"))
                .isInstanceOfSatisfying(Map.class, t -> assertThat(t).containsEntry("leftover_examples",
                        "carry-over"));
        assertThat(run("train", "--epochs", "1", "--leftover", "carry-over").lines().get(0))
                .contains("batch 10, leftover carry-over");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void trainJsonLinesAreJsonAndThinnedByEvery() throws Exception {
        Run run = run("train", "--epochs", "10", "--every", "4", "--json", "--seed", "3");
        assertThat(run.exit()).isZero();
        List<String> lines = run.lines();
        assertThat(lines).hasSize(4);
        JsonNode last = JSON.readTree(lines.get(2));
        assertThat(last.get("epoch").asInt()).isEqualTo(10);
        assertThat(last.get("train_loss").isNumber()).isTrue();
        assertThat(last.get("test_accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(JSON.readTree(lines.get(0)).get("epoch").asInt()).isEqualTo(4);
        assertThat(JSON.readTree(lines.get(3)).has("confusion")).as("the last line, after the epochs").isTrue();
    }

    @Test
    void manyClassDatasetsTakeTheirNumberOfClassesAndTrainWithSoftmax() throws Exception {
        Path model = dir.resolve("blobs.json");
        Run run = run("train", "--dataset", "blobs", "--classes", "4", "--epochs", "3", "--out", model.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode file = JSON.readTree(model.toFile());
        assertThat(file.toString()).contains("Blobs, 4 classes, 500 points").contains("categorical_crossentropy");
        assertThat(ModelFile.read(model).network().outputs()).isEqualTo(4);

        assertThat(run("train", "--dataset", "rings", "--classes", "3", "--epochs", "1").exit()).isZero();
        assertUserError(run("train", "--dataset", "rings", "--classes", "9"), Cli.FAILED,
                "cannot have 9 classes: choose from 3 to 6");
        assertUserError(run("train", "--dataset", "moons", "--classes", "3"), Cli.FAILED,
                "--classes is for blobs, spirals and rings; moons has two classes");
    }

    @Test
    void sameSeedSameOutput() {
        String[] args = {"train", "--dataset", "xor", "--epochs", "20", "--seed", "9", "--json"};
        assertThat(run(args).out()).isEqualTo(run(args).out());
    }

    @Test
    void layersZeroMeansNoHiddenLayer() throws Exception {
        Path model = dir.resolve("linear.json");
        Run train = run("train", "--dataset", "gauss", "--layers", "0", "--epochs", "2", "--out", model.toString());
        assertThat(train.exit()).as(train.err()).isZero();
        assertThat(ModelFile.read(model).network().describe()).isEqualTo("2-1");
        Run empty = run("train", "--dataset", "gauss", "--layers=", "--epochs", "1");
        assertThat(empty.exit()).as(empty.err()).isZero();
        assertThat(empty.out()).contains("2-1");
        assertUserError(run("train", "--layers", "4,0"), Cli.FAILED, "--layers 0 alone means no hidden layer");
    }

    @Test
    void trainWritesAModelThatTraceAndGradcheckRead() throws Exception {
        Path model = dir.resolve("out/model.json");
        Run train = run("train", "--dataset", "gauss", "--layers", "3", "--epochs", "5", "--out", model.toString());
        assertThat(train.exit()).isZero();
        Model read = ModelFile.read(model);
        assertThat(read.inputs()).containsExactly("x1", "x2");
        assertThat(read.network().describe()).isEqualTo("2-3-1");
        assertThat(read.extras()).containsKeys("seed", "training", "history");

        Run continued = run("train", "--dataset", "gauss", "--init-model", model.toString(), "--epochs", "1");
        assertThat(continued.exit()).isZero();
        assertThat(continued.out()).contains("2-3-1");

        Run check = run("gradcheck", "--model", model.toString(), "--dataset", "gauss");
        assertThat(check.exit()).isZero();
        assertThat(check.out()).contains("largest relative error", "10 examples");
    }

    @Test
    void traceIsTheEngineTraceToTheLastDigit() throws Exception {
        Run run = run("trace", "--model", TEXTBOOK.toString(), "--input", "0.05,0.1", "--target", "0.01,0.99");
        assertThat(run.exit()).isZero();
        JsonNode json = JSON.readTree(run.out());
        BackpropTrace trace = BackpropTrace.of(ModelFile.read(TEXTBOOK).network(), Loss.HALF_SQUARED_ERROR,
                new double[] {0.05, 0.1}, new double[] {0.01, 0.99});
        assertThat(json.get("loss").asDouble()).isEqualTo(trace.meanLoss());
        assertThat(json.at("/forward/1/h/0").asDouble()).isEqualTo(trace.output().get(0, 0));
        assertThat(json.at("/backward/0/layer").asInt()).isEqualTo(1);
        assertThat(json.at("/backward/0/grad_kernel/1/0").asDouble())
                .isEqualTo(trace.backward().get(0).gradKernel().get(1, 0));
        assertThat(json.at("/backward/1/g_out/1").asDouble()).isEqualTo(trace.backward().get(1).gOut().get(0, 1));
        // The textbook's hand-computed ∂E/∂w5.
        assertThat(json.at("/backward/0/grad_kernel/0/0").asDouble()).isBetween(0.0821670, 0.0821671);
    }

    @Test
    void traceOfAMinibatchGivesMatrices() throws Exception {
        Run run = run("trace", "--model", TEXTBOOK.toString(), "--input", "0.05,0.1;0.5,-0.2",
                "--target", "0.01,0.99;1,0");
        assertThat(run.exit()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.at("/forward/0/h").size()).isEqualTo(2);
        assertThat(json.at("/forward/0/h/1").size()).isEqualTo(2);
        assertThat(json.get("example_losses").size()).isEqualTo(2);
    }

    @Test
    void gradcheckOnRandomExamplesPassesAndJsonNamesTheWorstParameter() throws Exception {
        Run run = run("gradcheck", "--model", TEXTBOOK.toString(), "--json", "--examples", "4");
        assertThat(run.exit()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("max_relative_error").asDouble()).isLessThan(1e-6);
        assertThat(json.get("parameters").size()).isEqualTo(1);
    }

    @Test
    void gradcheckFailsWhenTheToleranceIsImpossible() {
        Run run = run("gradcheck", "--model", TEXTBOOK.toString(), "--tolerance", "0");
        assertThat(run.exit()).isEqualTo(Cli.FAILED);
        assertThat(run.out()).contains("ABOVE the tolerance");
    }

    @Test
    void userErrorsAreOneLineWithoutStackTrace() {
        assertUserError(run("train", "--dataset", "lunes"), Cli.FAILED, "Unknown dataset 'lunes'");
        assertUserError(run("train", "--lr", "fast"), Cli.USAGE, "'fast' is not a double");
        assertUserError(run("train", "--layers", "4,-1"), Cli.FAILED, "1 to 4096 neurons");
        assertUserError(run("train", "--noise", "80"), Cli.FAILED, "--noise must be between 0 and 50");
        assertUserError(run("train", "--activation", "swish"), Cli.FAILED, "unknown activation 'swish'");
        assertUserError(run("train", "--leftover", "drop"), Cli.FAILED,
                "unknown way with leftover examples 'drop' (known: smaller-batch, carry-over)");
        assertUserError(run("trace", "--model", "missing.json", "--input", "1", "--target", "1"), Cli.FAILED,
                "missing.json");
        assertUserError(run("trace", "--model", TEXTBOOK.toString(), "--input", "1,x", "--target", "1"),
                Cli.FAILED, "'x' is not a number");
        assertUserError(run("trace", "--model", TEXTBOOK.toString(), "--input", "1,2,3", "--target", "1,1"),
                Cli.FAILED, "the input has 3 values but the network takes 2");
        assertUserError(run("train", "--data", "nowhere.csv"), Cli.FAILED, "nowhere.csv");
    }

    @Test
    void divergenceStopsWithTheEpochAndAdvice() {
        Run run = run("train", "--dataset", "plane", "--layers", "8,8", "--activation", "linear", "--lr", "50",
                "--epochs", "20");
        assertUserError(run, Cli.FAILED, "at epoch 1: lower the learning rate (now 50)");
    }

    @Test
    void csvDataTrains() {
        Run run = run("train", "--data", "datasets/two-moons.csv", "--epochs", "2");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("two-moons.csv", "features x1,x2");
    }

    @Test
    void benchPrintsAMedianPerNetwork() {
        Run run = run("bench", "--runs", "3", "--warmup", "0", "--scale", "0.002");
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).matches("default 2-4-2-1 tanh: [\\d,]+ epochs/s \\(median of 3\\)");
        assertThat(run.lines().get(1)).matches("largest 7-8x6-1 tanh: [\\d,]+ epochs/s \\(median of 3\\)");
    }

    @Test
    void benchOfImagesTimesEpochsOfTheFloatEngineAndMeasuresTheAccuracy() throws java.io.IOException {
        // The bundled subset as the user's folder: 2,000 training images, so the run takes a second.
        Run run = run("bench", "--network", "fashion-mnist", "--images", "datasets/fashion-mnist-subset",
                "--epochs", "1", "--accuracy-seeds", "2");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("epoch 1 \\(warm-up\\): [\\d.]+ s, train loss [\\d.]+, test accuracy "
                + "0\\.\\d{4}").contains("seed 1: test accuracy after 3 epochs", "seed 2: ");
        assertThat(run.lines()).anyMatch(l -> l.matches("fashion-mnist 784-128-10: [\\d.]+ s/epoch \\(median of 1\\)"))
                .anyMatch(l -> l.matches("test accuracy after 3 epochs: 0\\.\\d{4} \\(median of seeds 1-2; .*"))
                .anyMatch(l -> l.startsWith("kernel: "));

        Run json = run("bench", "--network", "fashion-mnist", "--images", "datasets/fashion-mnist-subset",
                "--epochs", "2", "--accuracy-seeds", "0", "--json");
        assertThat(json.exit()).isZero();
        var node = io.neuralplayground.cli.Json.parse(json.out().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .path("networks").path(0);
        assertThat(node.path("name").asText()).isEqualTo("fashion-mnist 784-128-10");
        assertThat(node.path("train_images").asInt()).isEqualTo(2000);
        assertThat(node.path("runs")).hasSize(2);
        assertThat(node.path("test_accuracy_after_each_epoch")).hasSize(3);
    }

    @Test
    void benchOfImagesWithoutTheFilesSaysWhereToGetThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) {
        assertUserError(run("bench", "--network", "fashion-mnist", "--images", empty.toString()), Cli.FAILED,
                "train-images-idx3-ubyte");
    }

    @Test
    void perfNamesTheViewsItMeasures() {
        assertUserError(run("perf", "--view", "stepper"), Cli.FAILED, "--view must be playground or images");
    }

    private static void assertUserError(Run run, int exit, String message) {
        assertThat(run.exit()).as(run.err()).isEqualTo(exit);
        assertThat(run.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines().filter(l -> l.startsWith("error:")).count()).isEqualTo(1);
    }
}
