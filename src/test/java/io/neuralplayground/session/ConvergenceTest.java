package io.neuralplayground.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.EpochResult;
import io.neuralplayground.engine.Trainer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The engine learns TF Playground's classic problems with Playground's settings. */
class ConvergenceTest {

    private static EpochResult train(TrainingPlan plan, int epochs) {
        Trainer trainer = plan.prepare().trainer();
        EpochResult result = null;
        for (int e = 0; e < epochs; e++) {
            result = trainer.runEpoch();
        }
        return result;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void xorWithTwoInputsAndLayersFourTwo(long seed) {
        EpochResult result = train(TrainingPlan.builder()
                .data(DataSource.Generated.of(PlaygroundDataset.XOR, 0)).seed(seed).build(), 300);
        assertThat(result.testAccuracy()).isGreaterThanOrEqualTo(0.97);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void circleWithPlaygroundDefaults(long seed) {
        EpochResult result = train(TrainingPlan.builder().seed(seed).build(), 300);
        assertThat(result.testAccuracy()).isGreaterThanOrEqualTo(0.97);
        assertThat(result.trainLoss()).isLessThan(0.02);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void spiralWithAllFeaturesAndThreeLayersOfEight(long seed) {
        EpochResult result = train(TrainingPlan.builder()
                .data(DataSource.Generated.of(PlaygroundDataset.SPIRAL, 0)).seed(seed)
                .features(List.of("all")).hidden(8, 8, 8).build(), 600);
        assertThat(result.testAccuracy()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void planeRegressionFitsALinearSurface() {
        EpochResult result = train(TrainingPlan.builder()
                .data(DataSource.Generated.of(PlaygroundDataset.PLANE, 0)).hidden(4)
                .hiddenActivation(Activation.LINEAR).build(), 50);
        assertThat(result.hasAccuracy()).isFalse();
        assertThat(result.testLoss()).isLessThan(1e-4);
    }
}
