package io.neuralplayground.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The session file's own layout, and the model inside it read and written as a model file is. */
class SessionFileTest {
    private static final Model MODEL = new Model(List.of("x1", "x2"), new Network(2, List.of(
            new DenseLayer(new double[][] {{0.5, -1.25}, {0.1, 3.0}}, new double[] {0.0, -0.5}, Activation.TANH),
            new DenseLayer(new double[][] {{1.0}, {-2.0}}, new double[] {0.25}, Activation.TANH))));

    private static SessionDocument document() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("dataset", "xor");
        settings.put("hidden_layers", List.of(2));
        settings.put("learning_rate", 0.03);
        SessionDocument.Progress progress = new SessionDocument.Progress(2, new int[] {2, 0, 1}, 0x1234L, "sgd", 4,
                new double[0][][], 0, new double[0][]);
        SessionDocument.History history = new SessionDocument.History(new int[] {0, 1, 2},
                new double[] {0.5, 0.25, Double.NaN}, new double[] {0.75, 0.5, 0.375}, new double[] {0.5, 0.75, 1.0},
                new double[] {Double.NaN, 0.625, 0.875}, new double[] {0.8, 0.6, 0.55}, new double[] {0.5, 0.5, 0.75});
        return new SessionDocument(settings, MODEL, List.of(List.of(), List.of(new int[] {1, 0})), progress,
                history, SessionDocument.View.DEFAULT);
    }

    @Test
    void theModelInsideASessionIsLaidOutExactlyAsAModelFile() {
        String session = SessionFile.toJson(document());
        String modelFile = ModelFile.toJson(MODEL).stripTrailing();
        // The model file's text, indented one level, follows "model": in the session.
        String indented = modelFile.lines().map(line -> "  " + line).collect(Collectors.joining("\n"));
        assertThat(session).contains("\"model\": " + indented.substring(2));
        assertThat(session).contains("\"hidden_layers\": [2]", "\"order\": [2, 0, 1]",
                "\"train_loss\": [0.5, 0.25, null]", "\"frozen\": [\n    [],\n    [\n      [1, 0]\n    ]\n  ]");
    }

    @Test
    void aSessionReadsBackToTheSameText() {
        String text = SessionFile.toJson(document());
        SessionDocument back = SessionFile.fromJson(text, "s.json");
        assertThat(back.model().network().layer(0).weight(1, 1)).isEqualTo(3.0);
        assertThat(back.settings()).containsEntry("dataset", "xor");
        assertThat(SessionFile.toJson(back)).isEqualTo(text);
    }

    @Test
    void theHistoryKeepsTheAccuraciesBesideTheLosses() {
        String text = SessionFile.toJson(document());
        assertThat(text).contains("\"train_accuracy\": [0.5, 0.75, 1.0]", "\"test_accuracy\": [null, 0.625, 0.875]");
        SessionDocument.History back = SessionFile.fromJson(text, "s.json").history();
        assertThat(back.trainAccuracy()).containsExactly(0.5, 0.75, 1.0);
        assertThat(back.testAccuracy()).containsExactly(Double.NaN, 0.625, 0.875);
    }

    @Test
    void aFileWrittenBeforeAccuraciesWereKeptOpensWithoutThem() {
        String text = withoutAccuracies(SessionFile.toJson(document()));
        assertThat(text).doesNotContain("accuracy");
        SessionDocument.History back = SessionFile.fromJson(text, "old.json").history();
        assertThat(back.trainLoss()).containsExactly(0.5, 0.25, Double.NaN);
        assertThat(back.trainAccuracy()).hasSize(3).containsOnly(Double.NaN);
        assertThat(back.testAccuracy()).hasSize(3).containsOnly(Double.NaN);
    }

    @Test
    void anAccuracyColumnThatDoesNotFitIsNamed() {
        String text = SessionFile.toJson(document());
        assertThatThrownBy(() -> SessionFile.fromJson(text.replace("[0.5, 0.75, 1.0]", "[0.5, 1.5, 1.0]"), "s.json"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("s.json: history.train_accuracy[1]: must be a fraction from 0 to 1");
        assertThatThrownBy(() -> SessionFile.fromJson(text.replace("[0.5, 0.75, 1.0]", "[0.5, 0.75]"), "s.json"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("train_accuracy and test_accuracy must have as many entries as epoch (3)");
        String onlyTrain = text.replaceAll(",\\s*\"test_accuracy\": \\[[^\\]]*\\]", "");
        assertThatThrownBy(() -> SessionFile.fromJson(onlyTrain, "s.json"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("s.json: history.test_accuracy: missing (it comes with history.train_accuracy)");
    }

    /** The text as version 1 wrote it before the history had accuracies. */
    /** A file as written before accuracies (and validation data, which came later) were kept. */
    private static String withoutAccuracies(String text) {
        return text.replaceAll(",\\s*\"(train_accuracy|test_accuracy|validation_loss|validation_accuracy)\": \\[[^\\]]*\\]",
                "");
    }

    @Test
    void theHistoryKeepsTheValidationColumnsAndAFileWithoutThemReadsAsNone() {
        String text = SessionFile.toJson(document());
        assertThat(text).contains("\"validation_loss\": [0.8, 0.6, 0.55]", "\"validation_accuracy\": [0.5, 0.5, 0.75]");
        SessionDocument.History back = SessionFile.fromJson(text, "s.json").history();
        assertThat(back.validationLoss()).containsExactly(0.8, 0.6, 0.55);
        assertThat(back.validationAccuracy()).containsExactly(0.5, 0.5, 0.75);
        String old = text.replaceAll(",\\s*\"validation_(loss|accuracy)\": \\[[^\\]]*\\]", "");
        assertThat(SessionFile.fromJson(old, "old.json").history().validationLoss()).containsOnly(Double.NaN);
        assertThatThrownBy(() -> SessionFile.fromJson(text.replace("[0.5, 0.5, 0.75]", "[0.5]"), "s.json"))
                .hasMessageContaining("validation_loss and validation_accuracy must have as many entries as epoch (3)");
    }

    @Test
    void aBadWeightInTheSessionsModelIsNamedByItsPathWithoutAMadeUpLine() {
        String text = SessionFile.toJson(document()).replace("[0.5, -1.25]", "[0.5, \"x\"]");
        assertThatThrownBy(() -> SessionFile.fromJson(text, "s.json"))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("s.json (model)")
                .hasMessageContaining("layers[0].kernel[0][1] must be a number")
                .hasMessageNotContaining("line ");
    }
}
