package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    private static final double EXACT = 1e-15;

    /**
     * Ten examples of four classes, worked out by hand: class 3 neither occurs nor is predicted.
     * <pre>
     *            predicted 0  1  2  3   row total
     * true 0               2  1  1  0   4
     * true 1               0  2  0  0   2
     * true 2               1  1  2  0   4
     * true 3               0  0  0  0   0
     * column total         3  4  3  0   10
     * </pre>
     */
    private static ConfusionMatrix handExample() {
        int[] truth = {0, 0, 0, 0, 1, 1, 2, 2, 2, 2};
        int[] predicted = {0, 0, 1, 2, 1, 1, 2, 2, 0, 1};
        return ConfusionMatrix.of(truth, predicted, 4);
    }

    @Test
    void countsRowsTrueColumnsPredicted() {
        ConfusionMatrix c = handExample();
        assertThat(c.classes()).isEqualTo(4);
        assertThat(c.counts()).isDeepEqualTo(new int[][] {{2, 1, 1, 0}, {0, 2, 0, 0}, {1, 1, 2, 0}, {0, 0, 0, 0}});
        assertThat(c.count(2, 0)).isEqualTo(1);
        assertThat(c.total()).isEqualTo(10);
        assertThat(c.correct()).isEqualTo(6);
        assertThat(new int[] {c.rowTotal(0), c.rowTotal(1), c.rowTotal(2), c.rowTotal(3)})
                .containsExactly(4, 2, 4, 0);
        assertThat(new int[] {c.columnTotal(0), c.columnTotal(1), c.columnTotal(2), c.columnTotal(3)})
                .containsExactly(3, 4, 3, 0);
        assertThat(c.support(1)).isEqualTo(2);
        assertThat(c.accuracy()).isCloseTo(0.6, within(EXACT));
    }

    @Test
    void rowSharesAreNaNOnlyForAClassWithoutExamples() {
        ConfusionMatrix c = handExample();
        assertThat(c.rowShare(0, 1)).isEqualTo(0.25);
        assertThat(c.rowShare(1, 1)).isEqualTo(1.0);
        assertThat(c.rowShare(2, 3)).isEqualTo(0.0);
        assertThat(c.rowShare(3, 3)).isNaN();
    }

    @Test
    void perClassMeasuresByHandWithZeroDivisionZero() {
        ConfusionMatrix c = handExample();
        assertThat(c.precision(0)).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(c.precision(1)).isCloseTo(0.5, within(EXACT));
        assertThat(c.precision(2)).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(c.precision(3)).as("never predicted").isZero();
        assertThat(c.recall(0)).isCloseTo(0.5, within(EXACT));
        assertThat(c.recall(1)).isCloseTo(1.0, within(EXACT));
        assertThat(c.recall(2)).isCloseTo(0.5, within(EXACT));
        assertThat(c.recall(3)).as("no examples").isZero();
        assertThat(c.f1(0)).isCloseTo(4.0 / 7, within(EXACT));
        assertThat(c.f1(1)).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(c.f1(2)).isCloseTo(4.0 / 7, within(EXACT));
        assertThat(c.f1(3)).isZero();
    }

    @Test
    void averagesByHand() {
        ConfusionMatrix c = handExample();
        assertThat(c.macroPrecision()).isCloseTo(11.0 / 24, within(EXACT));
        assertThat(c.macroRecall()).isCloseTo(0.5, within(EXACT));
        assertThat(c.macroF1()).isCloseTo(19.0 / 42, within(EXACT));
        assertThat(c.weightedPrecision()).isCloseTo(19.0 / 30, within(EXACT));
        assertThat(c.weightedRecall()).isCloseTo(0.6, within(EXACT));
        assertThat(c.weightedF1()).isCloseTo(62.0 / 105, within(EXACT));
    }

    @Test
    void noExamplesGiveZerosAndNaNAccuracy() {
        ConfusionMatrix c = ConfusionMatrix.of(new int[0], new int[0], 3);
        assertThat(c.total()).isZero();
        assertThat(c.accuracy()).isNaN();
        assertThat(c.macroF1()).isZero();
        assertThat(c.weightedPrecision()).isZero();
    }

    @Test
    void refusesWhatDoesNotFit() {
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {0}, 2))
                .hasMessageContaining("2 true classes but 1 predicted");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 2}, new int[] {0, 1}, 2))
                .hasMessageContaining("true class 2 of example 1");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0}, new int[] {-1}, 2))
                .hasMessageContaining("predicted class -1");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[0], new int[0], 0)).hasMessageContaining("one class");
    }

    @Test
    void isImmutable() {
        int[] truth = {0, 1};
        int[] predicted = {0, 1};
        ConfusionMatrix c = ConfusionMatrix.of(truth, predicted, 2);
        truth[0] = 1;
        c.counts()[0][0] = 99;
        assertThat(c.count(0, 0)).isEqualTo(1);
    }

    /** The trainer's matrices agree with the accuracy it reports, for every way of encoding classes. */
    @Test
    void trainerMatricesHaveTheAccuracyItMeasures() {
        for (TargetEncoding encoding : new TargetEncoding[] {TargetEncoding.SIGNED, TargetEncoding.UNIT,
                TargetEncoding.ONE_HOT, TargetEncoding.CLASS_INDEX}) {
            int classes = encoding == TargetEncoding.SIGNED || encoding == TargetEncoding.UNIT ? 2 : 3;
            int outputs = classes == 2 ? 1 : classes;
            Activation output = switch (encoding) {
                case SIGNED -> Activation.TANH;
                case UNIT -> Activation.SIGMOID;
                default -> Activation.SOFTMAX;
            };
            Loss loss = switch (encoding) {
                case SIGNED -> Loss.HALF_SQUARED_ERROR;
                case UNIT -> Loss.BINARY_CROSSENTROPY;
                case ONE_HOT -> Loss.CATEGORICAL_CROSSENTROPY;
                default -> Loss.SPARSE_CATEGORICAL_CROSSENTROPY;
            };
            Rng rng = new Rng(5);
            Samples train = randomSamples(rng, 60, classes, encoding, outputs);
            Samples test = randomSamples(rng, 40, classes, encoding, outputs);
            Network network = Network.of(2, new int[] {5}, Activation.TANH, outputs, output);
            Initializer.GLOROT_UNIFORM.initialize(network, new Rng(3));
            TrainingConfig config = new TrainingConfig(loss, Optimizer.sgd(), 0.1, 10, Regularization.NONE, true,
                    encoding);
            Trainer trainer = new Trainer(network, train, test, config, new Rng(1));
            EpochResult result = trainer.runEpoch();
            ConfusionMatrix onTrain = trainer.confusion(false).orElseThrow();
            ConfusionMatrix onTest = trainer.confusion(true).orElseThrow();
            assertThat(onTrain.classes()).as("%s", encoding).isEqualTo(classes);
            assertThat(onTrain.total()).isEqualTo(60);
            assertThat(onTest.total()).isEqualTo(40);
            assertThat(onTrain.accuracy()).as("%s", encoding).isEqualTo(result.trainAccuracy());
            assertThat(onTest.accuracy()).as("%s", encoding).isEqualTo(result.testAccuracy());
        }
    }

    @Test
    void regressionHasNoMatrixAndAnEmptyTestPartAMatrixOfZeros() {
        Samples values = Samples.ofRows(new double[][] {{0}, {1}}, new double[][] {{0.5}, {1.5}});
        Network linear = Network.of(1, new int[0], Activation.TANH, 1, Activation.LINEAR);
        Trainer regression = new Trainer(linear, values, Samples.empty(1, 1), TrainingConfig.playground()
                .withLoss(Loss.MEAN_SQUARED_ERROR, TargetEncoding.VALUE), new Rng(1));
        assertThat(regression.confusion(false)).isEmpty();

        Samples twoClasses = Samples.ofRows(new double[][] {{0}, {1}}, new double[][] {{-1}, {1}});
        Trainer classifier = new Trainer(Network.of(1, new int[0], Activation.TANH, 1, Activation.TANH), twoClasses,
                Samples.empty(1, 1), TrainingConfig.playground(), new Rng(1));
        ConfusionMatrix none = classifier.confusion(true).orElseThrow();
        assertThat(none.classes()).isEqualTo(2);
        assertThat(none.total()).isZero();
        assertThat(none.accuracy()).isNaN();
    }

    /** More examples than one forward pass takes: the chunks' predictions line up with one-by-one predictions. */
    @Test
    void predictedClassesOfManyExamplesMatchPredictingOneAtATime() {
        Rng rng = new Rng(11);
        Samples samples = randomSamples(rng, 2500, 4, TargetEncoding.ONE_HOT, 4);
        Network network = Network.of(2, new int[] {6}, Activation.RELU, 4, Activation.SOFTMAX);
        Initializer.GLOROT_UNIFORM.initialize(network, new Rng(2));
        int[] predicted = TargetEncoding.ONE_HOT.predictedClasses(network, samples);
        int[] truth = TargetEncoding.ONE_HOT.trueClasses(samples);
        for (int r = 0; r < samples.count(); r++) {
            double[] y = network.predict(samples.inputRow(r));
            int best = 0;
            for (int j = 1; j < y.length; j++) {
                best = y[j] > y[best] ? j : best;
            }
            assertThat(predicted[r]).as("example %d", r).isEqualTo(best);
            double[] t = samples.targetRow(r);
            assertThat(t[truth[r]]).isEqualTo(1.0);
        }
    }

    private static Samples randomSamples(Rng rng, int n, int classes, TargetEncoding encoding, int outputs) {
        double[][] x = new double[n][2];
        double[][] t = new double[n][];
        for (int r = 0; r < n; r++) {
            int k = rng.nextInt(classes);
            x[r][0] = k + rng.uniform(-1, 1);
            x[r][1] = rng.uniform(-1, 1);
            t[r] = encoding.encode(k, outputs);
        }
        return Samples.ofRows(x, t);
    }
}
