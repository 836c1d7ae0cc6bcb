package io.neuralplayground.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.Feature;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.data.Point;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.engine.LeftoverExamples;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Regularization;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The settings' builder, and the promise that a setting added to the record reaches everything that carries it:
 * the tests walk the record's components, so a new component without a line in {@link #CHANGES} fails here first.
 */
class PlaygroundSettingsTest {
    private static final PlaygroundSettings DEFAULTS = PlaygroundSettings.defaults();

    /** For every component, a builder step that changes it (alone) to another value the window could have. */
    private static final Map<String, UnaryOperator<PlaygroundSettings.Builder>> CHANGES = new LinkedHashMap<>();

    static {
        CHANGES.put("dataset", b -> b.dataset(PlaygroundDataset.SPIRAL));
        CHANGES.put("classes", b -> b.classes(4));
        CHANGES.put("noise", b -> b.noise(0.25));
        CHANGES.put("trainRatio", b -> b.trainRatio(0.7));
        CHANGES.put("batchSize", b -> b.batchSize(7));
        CHANGES.put("leftover", b -> b.leftover(LeftoverExamples.SMALLER_LAST_BATCH));
        CHANGES.put("seed", b -> b.seed(2));
        CHANGES.put("weightDraw", b -> b.weightDraw(1));
        CHANGES.put("features", b -> b.features(List.of(Feature.X1, Feature.X2, Feature.SIN_X1)));
        CHANGES.put("hiddenLayers", b -> b.hiddenLayers(List.of(3, 5)));
        CHANGES.put("hiddenActivations", b -> b.hiddenActivations(List.of(Activation.RELU, Activation.TANH)));
        CHANGES.put("outputActivation", b -> b.outputActivation(Activation.SIGMOID));
        CHANGES.put("loss", b -> b.loss(LossChoice.CATEGORICAL_CROSSENTROPY));
        CHANGES.put("learningRate", b -> b.learningRate(0.1));
        CHANGES.put("optimizer", b -> b.optimizer(Optimizer.adam()));
        CHANGES.put("regularization", b -> b.regularization(Regularization.l2(0.001)));
        CHANGES.put("paintedPoints", b -> b.paintedPoints(List.of(new Point(0.5, 0.5, 1))));
        CHANGES.put("data", b -> b.data(DataFile.example("two-moons.csv", "label")));
        CHANGES.put("validationShare", b -> b.validationShare(0.2));
        CHANGES.put("earlyStopping", b -> b.earlyStopping(EarlyStopping.defaults()));
    }

    /**
     * Where each change starts from: the defaults, except for the components that only some problems let change
     * alone (the classes of a many-class dataset, a loss with the same output, an output the loss allows).
     */
    private static final Map<String, PlaygroundSettings> BASES = Map.of(
            "classes", DEFAULTS.withDataset(PlaygroundDataset.BLOBS),
            "loss", DEFAULTS.withDataset(PlaygroundDataset.BLOBS),
            "outputActivation", PlaygroundSettings.playgroundDefaults());

    private static PlaygroundSettings base(String component) {
        return BASES.getOrDefault(component, DEFAULTS);
    }

    /** The components that change while training goes on; every other one rebuilds the network. */
    private static final List<String> LIVE = List.of("learningRate", "optimizer", "paintedPoints", "earlyStopping");

    /** The components the session applies itself, between epochs, rather than the training plan. */
    private static final List<String> SESSION_ONLY = List.of("earlyStopping");

    private static PlaygroundSettings changed(String component) {
        return CHANGES.get(component).apply(base(component).toBuilder()).build();
    }

    private static Object value(PlaygroundSettings s, RecordComponent c) {
        try {
            return c.getAccessor().invoke(s);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> componentNames() {
        return Arrays.stream(PlaygroundSettings.class.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @Test
    void everyComponentHasAChangeInTheseTests() {
        assertThat(CHANGES.keySet()).containsExactlyElementsOf(componentNames());
    }

    @Test
    void theBuilderGivesBackTheSameSettings() {
        assertThat(DEFAULTS.toBuilder().build()).isEqualTo(DEFAULTS);
        PlaygroundSettings.Builder all = DEFAULTS.withDataset(PlaygroundDataset.BLOBS).toBuilder();
        CHANGES.forEach((name, change) -> {
            // The generator's components and the file's exclude each other: this one changes the generator's.
            if (!name.equals("outputActivation") && !name.equals("dataset") && !name.equals("data")) {
                change.apply(all);
            }
        });
        PlaygroundSettings everythingChanged = all.build();
        assertThat(everythingChanged.toBuilder().build()).isEqualTo(everythingChanged);
    }

    @Test
    void eachSetterChangesItsComponentAndNoOther() {
        for (String name : CHANGES.keySet()) {
            PlaygroundSettings next = changed(name);
            PlaygroundSettings from = base(name);
            for (RecordComponent c : PlaygroundSettings.class.getRecordComponents()) {
                if (c.getName().equals(name)) {
                    assertThat(value(next, c)).as(name).isNotEqualTo(value(from, c));
                } else {
                    assertThat(value(next, c)).as(name + " leaves " + c.getName()).isEqualTo(value(from, c));
                }
            }
        }
    }

    @Test
    void theBuilderChecksAsTheConstructorDoes() {
        assertThatThrownBy(() -> DEFAULTS.toBuilder().hiddenActivations(List.of(Activation.RELU)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("2 hidden layers but 1 activations");
        assertThatThrownBy(() -> DEFAULTS.toBuilder().dataset(null).build())
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DEFAULTS.toBuilder().leftover(null).build())
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> DEFAULTS.toBuilder().features(null).build())
                .isInstanceOf(NullPointerException.class);
        // Only build() checks: a step through an inconsistent state is allowed.
        assertThat(DEFAULTS.toBuilder().hiddenLayers(List.of(3)).hiddenActivations(List.of(Activation.RELU)).build()
                .hiddenLayers()).containsExactly(3);
    }

    @Test
    void theSettingsKeepTheirOwnCopyOfTheListsGiven() {
        List<Feature> features = new ArrayList<>(List.of(Feature.X1));
        PlaygroundSettings s = DEFAULTS.toBuilder().features(features).build();
        features.add(Feature.X2);
        assertThat(s.features()).containsExactly(Feature.X1);
    }

    @Test
    void theWithersKeepTheirRules() {
        PlaygroundSettings drawn = DEFAULTS.withNewWeights().withNewWeights();
        assertThat(drawn.weightDraw()).isEqualTo(2);
        assertThat(drawn.withSeed(7)).isEqualTo(DEFAULTS.toBuilder().seed(7).build());
        assertThat(DEFAULTS.withFeatures(List.of(Feature.SIN_X1, Feature.X1)).features())
                .containsExactly(Feature.X1, Feature.SIN_X1);
        PlaygroundSettings painted = DEFAULTS.withPaintedPoints(List.of(new Point(0, 0, 1)));
        assertThat(painted.withDataset(PlaygroundDataset.SPIRAL)).isEqualTo(changed("dataset").withPaintedPoints(
                painted.paintedPoints()));
        PlaygroundSettings regression = painted.withDataset(PlaygroundDataset.PLANE);
        assertThat(regression.outputActivation()).isEqualTo(Activation.LINEAR);
        assertThat(regression.loss()).isEqualTo(LossChoice.MEAN_SQUARED_ERROR);
        assertThat(regression.paintedPoints()).isEmpty();
        assertThat(regression.withDataset(PlaygroundDataset.XOR).outputActivation()).isEqualTo(Activation.SIGMOID);
        assertThat(regression.withDataset(PlaygroundDataset.XOR).loss()).isEqualTo(LossChoice.BINARY_CROSSENTROPY);
        // Playground's loss fits regression too, and stays; its output becomes linear there and tanh again after.
        PlaygroundSettings playground = PlaygroundSettings.playgroundDefaults();
        assertThat(playground.withDataset(PlaygroundDataset.PLANE).loss()).isEqualTo(LossChoice.PLAYGROUND);
        assertThat(playground.withDataset(PlaygroundDataset.PLANE).outputActivation()).isEqualTo(Activation.LINEAR);
        assertThat(playground.withDataset(PlaygroundDataset.PLANE).withDataset(PlaygroundDataset.XOR)
                .outputActivation()).isEqualTo(Activation.TANH);
    }

    @Test
    void theUsersDataReplacesTheGeneratedUntilADatasetIsChosenAgain() {
        DataFile iris = DataFile.example("iris.csv", "species");
        PlaygroundSettings s = DEFAULTS.withPaintedPoints(List.of(new Point(0, 0, 1))).withData(iris);
        assertThat(s.problemClasses()).isEqualTo(3);
        assertThat(s.loss()).as("species are named, not numbered").isEqualTo(LossChoice.CATEGORICAL_CROSSENTROPY);
        assertThat(s.outputActivation()).isEqualTo(Activation.SOFTMAX);
        assertThat(s.paintedPoints()).isEmpty();
        PreparedRun run = s.toPlan().prepare();
        assertThat(run.features().names()).containsExactly("sepal_length", "sepal_width", "petal_length",
                "petal_width");
        assertThat(run.network().outputs()).isEqualTo(3);
        assertThat(run.standardization()).isPresent();
        PreparedRun two = s.withData(iris.withColumns(List.of("petal_width", "petal_length"))).toPlan().prepare();
        assertThat(two.features().names()).containsExactly("petal_length", "petal_width");
        PlaygroundSettings back = s.withDataset(PlaygroundDataset.XOR);
        assertThat(back.data()).isNull();
        assertThat(back.loss()).isEqualTo(LossChoice.BINARY_CROSSENTROPY);
        assertThatThrownBy(() -> s.toBuilder().paintedPoints(List.of(new Point(0, 0, 1))).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("generated data only");
    }

    @Test
    void manyClassDatasetsKeepTheirClassesAndTakeTheLecturesLoss() {
        PlaygroundSettings blobs = DEFAULTS.withPaintedPoints(List.of(new Point(0, 0, 1)))
                .withDataset(PlaygroundDataset.BLOBS);
        assertThat(blobs.classes()).isEqualTo(3);
        assertThat(blobs.loss()).isEqualTo(LossChoice.SPARSE_CATEGORICAL_CROSSENTROPY);
        assertThat(blobs.outputActivation()).isEqualTo(Activation.SOFTMAX);
        assertThat(blobs.paintedPoints()).as("a point of −1/+1 is no class of three").isEmpty();
        PlaygroundSettings five = blobs.withClasses(5).withDataset(PlaygroundDataset.RINGS);
        assertThat(five.classes()).isEqualTo(5);
        assertThat(five.withClasses(9).classes()).isEqualTo(6);
        assertThat(five.toPlan().prepare().network().outputs()).isEqualTo(5);
        PlaygroundSettings back = five.withDataset(PlaygroundDataset.CIRCLE);
        assertThat(back.classes()).isEqualTo(2);
        assertThat(back.loss()).as("across kinds of problem, the lecture's default").isEqualTo(
                LossChoice.BINARY_CROSSENTROPY);
        assertThat(back.toPlan().prepare().network().outputs()).isEqualTo(1);
        PlaygroundSettings softmaxOnTwo = back.withLoss(LossChoice.CATEGORICAL_CROSSENTROPY);
        assertThat(softmaxOnTwo.toPlan().prepare().network().outputs()).isEqualTo(2);
        assertThat(softmaxOnTwo.withDataset(PlaygroundDataset.XOR).loss())
                .isEqualTo(LossChoice.CATEGORICAL_CROSSENTROPY);
        assertThatThrownBy(() -> DEFAULTS.toBuilder().outputActivation(Activation.TANH).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a tanh output does not fit Binary cross-entropy");
        assertThatThrownBy(() -> DEFAULTS.toBuilder().loss(LossChoice.MEAN_SQUARED_ERROR).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Mean squared error does not fit 2 classes");
    }

    @Test
    void everyComponentReachesThePlan() {
        String defaults = fingerprint(DEFAULTS.toPlan().prepare());
        assertThat(fingerprint(DEFAULTS.toPlan().prepare())).as("the same settings, the same run").isEqualTo(defaults);
        for (String name : CHANGES.keySet()) {
            if (SESSION_ONLY.contains(name)) {
                assertThat(fingerprint(changed(name).toPlan().prepare())).as(name)
                        .isEqualTo(fingerprint(base(name).toPlan().prepare()));
                continue;
            }
            assertThat(fingerprint(changed(name).toPlan().prepare())).as(name)
                    .isNotEqualTo(fingerprint(base(name).toPlan().prepare()));
        }
    }

    @Test
    void everyComponentButTheLiveOnesRebuildsTheNetwork() {
        assertThat(componentNames()).containsAll(LIVE);
        for (String name : CHANGES.keySet()) {
            assertThat(base(name).needsRebuild(changed(name))).as(name).isEqualTo(!LIVE.contains(name));
        }
    }

    @Test
    void everyComponentTravelsInSessionFilesAndAllButThePaintInShareStrings() {
        for (String name : CHANGES.keySet()) {
            PlaygroundSettings next = changed(name);
            assertThat(SettingsCodec.fromMap(SettingsCodec.toMap(next), "settings")).as(name).isEqualTo(next);
            PlaygroundSettings shared = ShareString.parse(ShareString.of(next));
            assertThat(shared).as(name).isEqualTo(name.equals("paintedPoints") ? base(name) : next);
        }
    }

    /** What a prepared run is made of, as text: the data and its split, the features, the network, the config. */
    private static String fingerprint(PreparedRun run) {
        StringBuilder text = new StringBuilder(run.dataset().name()).append('\n');
        appendRows(text, run.split().train());
        text.append('|');
        appendRows(text, run.split().validation());
        text.append('|');
        appendRows(text, run.split().test());
        text.append('\n').append(run.features().names()).append('\n');
        run.network().layers().forEach(layer -> text.append(layer.activation()).append(' ')
                .append(Arrays.deepToString(layer.kernelCopy())).append(' ')
                .append(Arrays.toString(layer.biasCopy())).append('\n'));
        return text.append(run.trainer().config()).toString();
    }

    private static void appendRows(StringBuilder text, Dataset data) {
        for (int r = 0; r < data.size(); r++) {
            text.append(Arrays.toString(data.row(r))).append(data.label(r)).append(';');
        }
    }
}
