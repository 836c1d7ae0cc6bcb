package io.neuralplayground.cli;

import static io.neuralplayground.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralplayground.cli.CliTest.Run;
import io.neuralplayground.data.CsvDatasetReader;
import io.neuralplayground.data.LabelKind;
import io.neuralplayground.data.Standardization;
import io.neuralplayground.engine.Trainer;
import io.neuralplayground.io.json.ModelFile;
import io.neuralplayground.session.DataSource;
import io.neuralplayground.session.PreparedRun;
import io.neuralplayground.session.TrainingPlan;
import java.nio.file.Path;
import java.util.List;
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

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
