package io.neuralplayground.cli;

import static io.neuralplayground.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralplayground.cli.CliTest.Run;
import io.neuralplayground.data.CsvDatasetReader;
import io.neuralplayground.data.LabelKind;
import io.neuralplayground.data.Standardization;
import io.neuralplayground.engine.ConfusionMatrix;
import io.neuralplayground.engine.Rng;
import io.neuralplayground.engine.Trainer;
import io.neuralplayground.io.json.ModelFile;
import io.neuralplayground.session.DataSource;
import io.neuralplayground.session.PreparedRun;
import io.neuralplayground.session.TrainingPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train}'s standardization and its report of how the final weights classify. */
class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MOONS = Path.of("datasets/two-moons.csv");

    @TempDir
    Path dir;

    @Test
    void standardizeTrainsOnTheTrainingPartsZScoresAndTheModelKeepsThem() throws Exception {
        Path model = dir.resolve("z.json");
        String[] args = {"train", "--data", MOONS.toString(), "--standardize", "--epochs", "3", "--json", "--out",
                model.toString()};
        Run run = run(args);
        assertThat(run.exit()).as(run.err()).isZero();

        PreparedRun expected = TrainingPlan.builder()
                .data(new DataSource.Loaded(CsvDatasetReader.read(MOONS, "label", LabelKind.AUTO)))
                .standardize(true).build().prepare();
        Trainer trainer = expected.trainer();
        List<JsonNode> epochs = run.lines().stream().map(TrainCommandTest::json)
                .filter(line -> line.has("epoch")).toList();
        assertThat(epochs).hasSize(3);
        for (JsonNode epoch : epochs) {
            assertThat(epoch.get("train_loss").asDouble()).isEqualTo(trainer.runEpoch().trainLoss());
        }

        Standardization fitted = expected.standardization().orElseThrow();
        Map<String, Object> extras = ModelFile.read(model).extras();
        assertThat(extras.get("standardization")).isEqualTo(Map.of("columns", List.of("x1", "x2"),
                "mean", List.of(fitted.mean(0), fitted.mean(1)),
                "sd", List.of(fitted.standardDeviation(0), fitted.standardDeviation(1))));
        assertThat(extras.get("training")).isInstanceOfSatisfying(Map.class,
                training -> assertThat(training).containsEntry("standardize", true));

        Run raw = run("train", "--data", MOONS.toString(), "--epochs", "3", "--json");
        assertThat(raw.out()).isNotEqualTo(run.out());
    }

    @Test
    void theHelpSaysWhatStandardizingDoes() {
        String help = run("train", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("--standardize", "of the training part only", "gets sd 1");
    }

    /** Three blobs of 20 points each, classes named so that their order (alphabetical) is not their file order. */
    private Path threeBlobs() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,kind\n");
        String[] names = {"zebra", "ant", "moth"};
        Rng rng = new Rng(8);
        for (int r = 0; r < 60; r++) {
            int k = r % 3;
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", 3 * k + rng.uniform(-2, 2),
                    rng.uniform(-1, 1) - k, names[k]));
        }
        Path file = dir.resolve("blobs.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static Trainer replay(Path csv, int epochs, double ratio) {
        Trainer trainer = TrainingPlan.builder()
                .data(new DataSource.Loaded(CsvDatasetReader.read(csv, "kind", LabelKind.AUTO)))
                .trainRatio(ratio).build().prepare().trainer();
        for (int e = 0; e < epochs; e++) {
            trainer.runEpoch();
        }
        return trainer;
    }

    @Test
    void textEndsWithTheConfusionMatricesAndTheirPerClassMeasures() throws Exception {
        Path csv = threeBlobs();
        Run run = run("train", "--data", csv.toString(), "--label", "kind", "--epochs", "4", "--every", "4");
        assertThat(run.exit()).as(run.err()).isZero();
        Trainer trainer = replay(csv, 4, 0.5);
        ConfusionMatrix train = trainer.confusion(false).orElseThrow();
        ConfusionMatrix test = trainer.confusion(true).orElseThrow();
        List<String> lines = run.lines();
        int at = lines.indexOf("confusion, training examples (30; rows true class, columns predicted)");
        assertThat(at).as(run.out()).isEqualTo(3);
        assertThat(lines.get(at + 1).trim().split(" +")).containsExactly("ant", "moth", "zebra");
        List<String> classes = List.of("ant", "moth", "zebra");
        for (int i = 0; i < 3; i++) {
            String[] row = lines.get(at + 2 + i).trim().split(" +");
            assertThat(row[0]).isEqualTo(classes.get(i));
            for (int j = 0; j < 3; j++) {
                assertThat(Integer.parseInt(row[1 + j])).isEqualTo(train.count(i, j));
            }
        }
        assertThat(lines.get(at + 6).trim().split(" +")).containsExactly("precision", "recall", "f1", "support");
        String[] ant = lines.get(at + 7).trim().split(" +");
        assertThat(ant).containsExactly("ant", String.format(Locale.ROOT, "%.3f", train.precision(0)),
                String.format(Locale.ROOT, "%.3f", train.recall(0)),
                String.format(Locale.ROOT, "%.3f", train.f1(0)), Integer.toString(train.support(0)));
        assertThat(lines.get(at + 10)).startsWith("macro avg").endsWith(" 30");
        assertThat(lines.get(at + 11)).startsWith("weighted avg").contains(String.format(Locale.ROOT,
                "%.3f", train.weightedF1()));
        assertThat(lines).contains("confusion, test examples (30; rows true class, columns predicted)");
        assertThat(lines.get(lines.size() - 1)).startsWith("weighted avg")
                .contains(String.format(Locale.ROOT, "%.3f", test.weightedPrecision()));
    }

    @Test
    void jsonEndsWithOneObjectOfConfusionMatricesAndMeasures() throws Exception {
        Path csv = threeBlobs();
        Run run = run("train", "--data", csv.toString(), "--label", "kind", "--epochs", "3", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> lines = run.lines().stream().map(TrainCommandTest::json).toList();
        assertThat(lines).hasSize(4);
        JsonNode last = lines.get(3);
        assertThat(last.has("epoch")).isFalse();
        Trainer trainer = replay(csv, 3, 0.5);
        ConfusionMatrix train = trainer.confusion(false).orElseThrow();
        ConfusionMatrix test = trainer.confusion(true).orElseThrow();
        assertThat(JSON.convertValue(last.at("/confusion/classes"), List.class)).containsExactly("ant", "moth",
                "zebra");
        assertThat(JSON.convertValue(last.at("/confusion/train"), int[][].class)).isDeepEqualTo(train.counts());
        assertThat(JSON.convertValue(last.at("/confusion/test"), int[][].class)).isDeepEqualTo(test.counts());
        for (int k = 0; k < 3; k++) {
            assertThat(last.at("/train/precision/" + k).asDouble()).isEqualTo(train.precision(k));
            assertThat(last.at("/train/recall/" + k).asDouble()).isEqualTo(train.recall(k));
            assertThat(last.at("/test/f1/" + k).asDouble()).isEqualTo(test.f1(k));
            assertThat(last.at("/test/support/" + k).asInt()).isEqualTo(test.support(k));
        }
        assertThat(last.at("/train/accuracy").asDouble()).isEqualTo(lines.get(2).get("train_accuracy").asDouble());
        assertThat(last.at("/test/macro/f1").asDouble()).isEqualTo(test.macroF1());
        assertThat(last.at("/train/macro/precision").asDouble()).isEqualTo(train.macroPrecision());
        assertThat(last.at("/train/weighted/recall").asDouble()).isEqualTo(train.weightedRecall());
    }

    @Test
    void withoutTestExamplesOnlyTheTrainingPartIsReported() throws Exception {
        Path csv = threeBlobs();
        Run text = run("train", "--data", csv.toString(), "--label", "kind", "--epochs", "1", "--ratio", "100");
        assertThat(text.out()).contains("confusion, training examples (60;").doesNotContain("test examples");
        Run json = run("train", "--data", csv.toString(), "--label", "kind", "--epochs", "1", "--ratio", "100",
                "--json");
        JsonNode last = json(json.lines().get(json.lines().size() - 1));
        assertThat(last.has("test")).isFalse();
        assertThat(last.get("confusion").has("test")).isFalse();
        assertThat(last.at("/confusion/train/0").size()).isEqualTo(3);
    }

    @Test
    void regressionHasNoConfusion() {
        Run text = run("train", "--dataset", "plane", "--epochs", "1");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).doesNotContain("confusion");
        Run json = run("train", "--dataset", "plane", "--epochs", "2", "--json");
        assertThat(json.lines()).hasSize(2).allMatch(line -> json(line).has("epoch"));
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
