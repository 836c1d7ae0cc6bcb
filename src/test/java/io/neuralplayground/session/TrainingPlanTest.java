package io.neuralplayground.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.data.Standardization;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.LeftoverExamples;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.TargetEncoding;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingPlanTest {

    private static Dataset threeClasses() {
        double[][] rows = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {2, 2}, {2, 0}};
        return Dataset.classification("three", List.of("a", "b"), rows, new int[] {0, 1, 2, 0, 1, 2},
                List.of("red", "green", "blue"));
    }

    @Test
    void defaultsAreTfPlaygroundsButTheLossIsTheLectures() {
        PreparedRun run = TrainingPlan.builder().build().prepare();
        assertThat(run.dataset().size()).isEqualTo(500);
        assertThat(run.split().train().size()).isEqualTo(250);
        assertThat(run.features().names()).containsExactly("x1", "x2");
        assertThat(run.network().describe()).isEqualTo("2-4-2-1");
        assertThat(run.network().layer(0).activation()).isEqualTo(Activation.TANH);
        assertThat(run.network().outputLayer().activation()).isEqualTo(Activation.SIGMOID);
        assertThat(run.network().layer(0).bias(0)).isEqualTo(0.1);
        assertThat(run.trainer().config().loss()).isEqualTo(Loss.BINARY_CROSSENTROPY);
        assertThat(run.trainer().config().learningRate()).isEqualTo(0.03);
        assertThat(run.trainer().config().batchSize()).isEqualTo(10);
        assertThat(run.trainer().config().encoding()).isEqualTo(TargetEncoding.UNIT);
    }

    @Test
    void thePlanCutsASmallerLastBatchUnlessToldTheSettingsCarryOverAsPlaygroundDoes() {
        assertThat(TrainingPlan.builder().build().prepare().trainer().config().leftover())
                .isEqualTo(LeftoverExamples.SMALLER_LAST_BATCH);
        assertThat(TrainingPlan.builder().leftover(LeftoverExamples.CARRY_OVER).build().prepare().trainer().config()
                .leftover()).isEqualTo(LeftoverExamples.CARRY_OVER);
        PlaygroundSettings settings = PlaygroundSettings.defaults();
        assertThat(settings.leftover()).isEqualTo(LeftoverExamples.CARRY_OVER);
        assertThat(settings.toPlan().prepare().trainer().config().leftover()).isEqualTo(LeftoverExamples.CARRY_OVER);
        PlaygroundSettings keras = settings.withLeftover(LeftoverExamples.SMALLER_LAST_BATCH);
        assertThat(keras.toPlan().prepare().trainer().config().leftover())
                .isEqualTo(LeftoverExamples.SMALLER_LAST_BATCH);
        assertThat(settings.needsRebuild(keras)).isTrue();
        Network start = settings.toPlan().prepare().network();
        assertThat(settings.toPlan().withInitialNetwork(start).prepare().trainer().config().leftover())
                .isEqualTo(LeftoverExamples.CARRY_OVER);
    }

    @Test
    void standardizingFitsTheTrainingPartAndAppliesItToBoth() {
        TrainingPlan.Builder plan = TrainingPlan.builder().data(DataSource.Generated.of(PlaygroundDataset.GAUSS, 0.2))
                .seed(4);
        PreparedRun raw = plan.build().prepare();
        assertThat(raw.standardization()).isEmpty();
        PreparedRun run = plan.standardize(true).build().prepare();
        Standardization fitted = run.standardization().orElseThrow();
        assertThat(fitted.columnNames()).containsExactly("x1", "x2");
        Dataset rawTrain = raw.split().train();
        Dataset train = run.split().train();
        assertThat(train.size()).isEqualTo(rawTrain.size());
        for (int c = 0; c < 2; c++) {
            double sum = 0;
            for (int r = 0; r < rawTrain.size(); r++) {
                sum += rawTrain.value(r, c);
            }
            assertThat(fitted.mean(c)).isCloseTo(sum / rawTrain.size(), within(1e-12));
            double mean = 0;
            for (int r = 0; r < train.size(); r++) {
                mean += train.value(r, c) / train.size();
            }
            assertThat(mean).isCloseTo(0, within(1e-12));
        }
        Dataset rawTest = raw.split().test();
        assertThat(run.split().test().row(0)).containsExactly(fitted.standardize(rawTest.row(0)));
        assertThat(run.dataset().row(0)).as("the dataset stays raw").containsExactly(raw.dataset().row(0));
        assertThat(run.trainer().trainSamples().input(0, 1)).isEqualTo(train.value(0, 1));
    }

    @Test
    void moreThanTwoClassesGetSoftmaxAndCategoricalCrossEntropy() {
        PreparedRun run = TrainingPlan.builder().data(new DataSource.Loaded(threeClasses())).trainRatio(1).build()
                .prepare();
        assertThat(run.network().outputs()).isEqualTo(3);
        assertThat(run.network().outputLayer().activation()).isEqualTo(Activation.SOFTMAX);
        assertThat(run.trainer().config().loss()).isEqualTo(Loss.CATEGORICAL_CROSSENTROPY);
        assertThat(run.trainer().config().encoding()).isEqualTo(TargetEncoding.ONE_HOT);
    }

    @Test
    void binaryCrossEntropyGetsASigmoidAndZeroOneTargets() {
        PreparedRun run = TrainingPlan.builder().loss(Loss.BINARY_CROSSENTROPY).build().prepare();
        assertThat(run.network().outputs()).isEqualTo(1);
        assertThat(run.network().outputLayer().activation()).isEqualTo(Activation.SIGMOID);
        assertThat(run.trainer().config().encoding()).isEqualTo(TargetEncoding.UNIT);
    }

    @Test
    void regressionGetsALinearOutputAndRefusesCrossEntropy() {
        TrainingPlan.Builder plane = TrainingPlan.builder()
                .data(DataSource.Generated.of(PlaygroundDataset.PLANE, 0.1));
        PreparedRun run = plane.build().prepare();
        assertThat(run.network().outputLayer().activation()).isEqualTo(Activation.LINEAR);
        assertThat(run.trainer().config().encoding()).isEqualTo(TargetEncoding.VALUE);
        assertThatThrownBy(() -> plane.loss(Loss.BINARY_CROSSENTROPY).build().prepare())
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("regression");
    }

    @Test
    void aStartingNetworkMustFitTheFeatures() {
        Network threeInputs = Network.of(3, new int[] {2}, Activation.TANH, 1, Activation.TANH);
        assertThatThrownBy(() -> TrainingPlan.builder().initialNetwork(threeInputs).build().prepare())
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("takes 3 inputs but 2 features");
    }

    @Test
    void samePlanSameNetwork() {
        Network a = TrainingPlan.builder().seed(5).build().prepare().network();
        Network b = TrainingPlan.builder().seed(5).build().prepare().network();
        Network c = TrainingPlan.builder().seed(6).build().prepare().network();
        assertThat(a.layer(0).kernelCopy()).isDeepEqualTo(b.layer(0).kernelCopy());
        assertThat(a.layer(0).kernelCopy()).isNotEqualTo(c.layer(0).kernelCopy());
    }
}
