package io.neuralplayground.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.Feature;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.data.Point;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.LeftoverExamples;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Regularization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShareStringAndCodecTest {
    private static final PlaygroundSettings SETTINGS = PlaygroundSettings.defaults()
            .withDataset(PlaygroundDataset.XOR).withNoise(0.15).withTrainRatio(0.7).withBatchSize(7)
            .withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2))
            .withHidden(List.of(6, 3), List.of(Activation.RELU, Activation.ELU))
            .withOutputActivation(Activation.SIGMOID).withLearningRate(0.003).withOptimizer(Optimizer.rmsprop())
            .withRegularization(Regularization.l2(0.001)).withSeed(42).withNewWeights().withNewWeights();

    @Test
    void theShareStringIsShortReadableAndRoundTrips() {
        String text = ShareString.of(SETTINGS);
        assertThat(text).isEqualTo("dataset=xor&classes=2&noise=15&ratio=70&batch=7&leftover=carry-over&seed=42&draw=2"
                + "&features=x1,x2,x1x2&layers=6,3&activations=relu,elu&output=sigmoid&loss=binary_crossentropy"
                + "&lr=0.003&optimizer=rmsprop&reg=l2&regRate=0.001");
        assertThat(ShareString.parse(text)).isEqualTo(SETTINGS);
        assertThat(ShareString.parse("https://example.org/play?" + text)).isEqualTo(SETTINGS);
    }

    @Test
    void bothWaysWithLeftoverExamplesTravelInShareStringsAndSessionSettings() {
        for (LeftoverExamples mode : LeftoverExamples.values()) {
            PlaygroundSettings settings = SETTINGS.withLeftover(mode);
            assertThat(ShareString.of(settings)).contains("&leftover=" + mode.id() + "&");
            assertThat(ShareString.parse(ShareString.of(settings))).isEqualTo(settings);
            assertThat(SettingsCodec.toMap(settings)).containsEntry("leftover_examples", mode.id());
            assertThat(SettingsCodec.fromMap(SettingsCodec.toMap(settings), "settings")).isEqualTo(settings);
        }
    }

    @Test
    void settingsFromBeforeTheLeftoverChoiceReadAsTheSmallerLastBatchTheyWereTrainedWith() {
        String old = ShareString.of(SETTINGS).replace("&leftover=carry-over", "");
        assertThat(ShareString.parse(old)).isEqualTo(SETTINGS.withLeftover(LeftoverExamples.SMALLER_LAST_BATCH));
        Map<String, Object> m = new LinkedHashMap<>(SettingsCodec.toMap(SETTINGS));
        m.remove("leftover_examples");
        assertThat(SettingsCodec.fromMap(m, "settings").leftover()).isEqualTo(LeftoverExamples.SMALLER_LAST_BATCH);
    }

    @Test
    void settingsFromBeforeClassesAndLossesReadAsPlaygroundsLossWithTheDatasetsClasses() {
        PlaygroundSettings playground = SETTINGS.withLoss(LossChoice.PLAYGROUND);
        String old = ShareString.of(playground).replace("&classes=2", "").replace("&loss=half_squared_error", "");
        assertThat(ShareString.parse(old)).isEqualTo(playground);
        Map<String, Object> m = new LinkedHashMap<>(SettingsCodec.toMap(playground));
        m.remove("classes");
        m.remove("loss");
        assertThat(SettingsCodec.fromMap(m, "settings")).isEqualTo(playground);
    }

    @Test
    void manyClassSettingsRoundTrip() {
        PlaygroundSettings rings = SETTINGS.withDataset(PlaygroundDataset.RINGS).withClasses(5)
                .withLoss(LossChoice.CATEGORICAL_CROSSENTROPY);
        assertThat(ShareString.of(rings)).contains("dataset=rings&classes=5&").contains("&loss=categorical_crossentropy&");
        assertThat(ShareString.parse(ShareString.of(rings))).isEqualTo(rings);
        assertThat(SettingsCodec.fromMap(SettingsCodec.toMap(rings), "settings")).isEqualTo(rings);
    }

    @Test
    void badShareStringsSayWhatIsWrong() {
        String good = ShareString.of(SETTINGS);
        assertThatThrownBy(() -> ShareString.parse("")).isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> ShareString.parse(good.replace("dataset=xor", "dataset=lunes")))
                .hasMessageContaining("lunes");
        assertThatThrownBy(() -> ShareString.parse(good.replace("loss=binary_crossentropy", "loss=mean_squared_error")))
                .hasMessageContaining("loss: mean_squared_error does not fit the dataset xor");
        assertThatThrownBy(() -> ShareString.parse(good.replace("output=sigmoid", "output=tanh")))
                .hasMessageContaining("a tanh output does not fit the loss binary_crossentropy");
        assertThatThrownBy(() -> ShareString.parse(good.replace("dataset=xor&classes=2", "dataset=blobs&classes=8")))
                .hasMessageContaining("classes");
        assertThatThrownBy(() -> ShareString.parse(good.replace("layers=6,3", "layers=6,x")))
                .hasMessageStartingWith("Share string");
        assertThatThrownBy(() -> ShareString.parse(good.replace("layers=6,3", "layers=6,30")))
                .hasMessageContaining("hidden_layers");
        assertThatThrownBy(() -> ShareString.parse(good.replace("layers=6,3", "layers=6")))
                .hasMessageContaining("'activations' names 2 activation(s) but 'layers' has 1 hidden layer(s)");
        assertThatThrownBy(() -> ShareString.parse(good.replace("features=x1,x2,x1x2", "features=")))
                .isInstanceOf(PlaygroundException.class).hasMessageStartingWith("Share string: ");
        assertThatThrownBy(() -> ShareString.parse(good + "&colour=blue")).hasMessageContaining("unknown key 'colour'");
        assertThatThrownBy(() -> ShareString.parse(good.replace("&lr=0.003", ""))).hasMessageContaining("'lr' is missing");
        assertThatThrownBy(() -> ShareString.parse(good.replace("leftover=carry-over", "leftover=drop")))
                .hasMessageStartingWith("Share string").hasMessageContaining("known: smaller-batch, carry-over");
    }

    @Test
    void theSettingsMapRoundTripsPaintedPointsToo() {
        PlaygroundSettings painted = SETTINGS.withPaintedPoints(List.of(new Point(1.5, -2, 1), new Point(0, 0, -1)));
        assertThat(SettingsCodec.fromMap(SettingsCodec.toMap(painted), "settings")).isEqualTo(painted);
    }

    @Test
    void aBadSettingsMapNamesTheField() {
        Map<String, Object> m = new LinkedHashMap<>(SettingsCodec.toMap(SETTINGS));
        m.put("noise", 3.0);
        assertThatThrownBy(() -> SettingsCodec.fromMap(m, "s.json: settings"))
                .hasMessageStartingWith("s.json: settings.noise: must be a number from 0.0 to 0.5");
        m.put("noise", 0.1);
        m.put("hidden_activations", List.of("relu"));
        assertThatThrownBy(() -> SettingsCodec.fromMap(m, "settings")).hasMessageContaining("hidden_activations");
        m.put("hidden_activations", List.of("relu", "elu"));
        m.remove("optimizer");
        assertThatThrownBy(() -> SettingsCodec.fromMap(m, "settings")).hasMessageContaining("missing");
        m.put("optimizer", "rmsprop");
        m.put("leftover_examples", "keras");
        assertThatThrownBy(() -> SettingsCodec.fromMap(m, "s.json: settings"))
                .hasMessageStartingWith("s.json: settings.leftover_examples: unknown way with leftover examples");
    }
}
