package io.neuralplayground.cli;

import static io.neuralplayground.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralplayground.cli.CliTest.Run;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.json.ModelFile;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.Snapshot;
import io.neuralplayground.session.Speed;
import io.neuralplayground.session.TrainingSession;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --early-stopping}: Keras' rule on the command line, and the same stop as in the window. */
class TrainEarlyStoppingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCommandLineStopsWhereTheWindowStopsWithTheSameWeights() throws Exception {
        Path model = dir.resolve("stopped.json");
        // The window's loop: Playground's fixed order and carry-over; XOR, a validation fifth, lr 0.3.
        Run run = run("train", "--dataset", "xor", "--lr", "0.3", "--no-shuffle", "--leftover", "carry-over",
                "--validation-split", "0.2", "--early-stopping", "--patience", "4", "--min-delta", "0.002",
                "--restore-best", "--epochs", "1000", "--json", "--out", model.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<JsonNode> lines = run.lines().stream().map(TrainEarlyStoppingTest::json).toList();
        JsonNode stop = lines.stream().filter(l -> l.has("early_stopping")).findFirst().orElseThrow()
                .get("early_stopping");

        EarlyStopping rule = new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0.002, 4, true, 0);
        PlaygroundSettings settings = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR)
                .withValidationShare(0.2).withLearningRate(0.3).withEarlyStopping(rule);
        try (TrainingSession window = new TrainingSession(settings)) {
            window.setSpeed(Speed.FLAT_OUT);
            window.play();
            Snapshot stopped = await().atMost(Duration.ofSeconds(20))
                    .until(window::latest, s -> s.stoppedEpoch() > 0);

            assertThat(stop.get("stopped_epoch").asInt()).isEqualTo(stopped.stoppedEpoch());
            assertThat(stop.get("best_epoch").asInt()).isEqualTo(stopped.bestEpoch());
            assertThat(stop.get("message").asText()).isEqualTo(stopped.message());
            JsonNode last = lines.stream().filter(l -> l.has("epoch")).reduce((a, b) -> b).orElseThrow();
            assertThat(last.get("epoch").asInt()).isEqualTo(stopped.stoppedEpoch());
            Network written = ModelFile.read(model).network();
            assertThat(written.sameParameters(stopped.network())).as("the restored weights").isTrue();
        }
    }

    @Test
    void earlyStoppingWithoutAValidationSplitSetsAFifthAsideAndARunThatEndsFirstGetsTheBestWeights() {
        Run run = run("train", "--epochs", "6", "--early-stopping", "--patience", "100", "--restore-best");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("validation: 50 of the training part's examples (0.2, the default with "
                + "--early-stopping)", " val loss ");
        assertThat(run.out()).containsPattern("Not stopped early; restored the weights of epoch \\d, the best "
                + "val_loss");
    }

    @Test
    void badEarlyStoppingOptionsSayWhatIsWrong() {
        Run monitor = run("train", "--epochs", "1", "--early-stopping", "--monitor", "val_acc");
        assertThat(monitor.exit()).isNotZero();
        assertThat(monitor.err()).contains("unknown monitor \"val_acc\": choose val_loss, val_accuracy, loss or accuracy");
        Run split = run("train", "--epochs", "1", "--validation-split", "1.5");
        assertThat(split.exit()).isNotZero();
        assertThat(split.err()).contains("--validation-split must be a fraction from 0 to below 1");
        Run patience = run("train", "--epochs", "1", "--early-stopping", "--patience", "-3");
        assertThat(patience.err()).contains("patience must be ≥ 0");
    }
}
