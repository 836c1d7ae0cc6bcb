package io.neuralplayground.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.engine.EpochResult;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.PreparedRun;
import io.neuralplayground.tune.Evaluation;
import io.neuralplayground.tune.Goal;
import io.neuralplayground.tune.Parameters;
import io.neuralplayground.tune.Trial;
import io.neuralplayground.tune.TrialContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a trial's run gives back is what it was scored on: the weights and measurement of the goal's best epoch, not
 * of its last one, with or without early stopping putting weights back.
 */
class PlaygroundObjectiveTest {
    private static final PlaygroundSettings BASE = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR)
            .withValidationShare(0.2);
    // A learning rate this high makes val_loss wobble, so its best epoch is well before the last.
    private static final Trial WOBBLY = Trial.of(0, new Parameters(Map.of("units", 4, "activation", "tanh",
            "learning_rate", 3.0)), 11, 60);

    @Test
    void theTrainedNetworkIsTheBestEpochsNotTheLastOnes() {
        PlaygroundObjective objective = new PlaygroundObjective(BASE, Goal.of("val_loss"), null);
        Evaluation scored = objective.evaluate(WOBBLY, TrialContext.detached());
        int bestEpoch = bestEpoch(scored.history(), "val_loss", true);
        assertThat(bestEpoch).as("the setting must make the best epoch an early one").isLessThan(scored.epochsRun());

        PlaygroundObjective.TrainedTrial trained = objective.train(WOBBLY, (e, m) -> { });

        assertThat(trained.epochs()).as("the epochs run").isEqualTo(60);
        assertThat(trained.best().epoch()).isEqualTo(bestEpoch);
        assertThat(Double.doubleToRawLongBits(trained.best().validationLoss()))
                .isEqualTo(Double.doubleToRawLongBits(scored.value()));
        assertThat(Double.doubleToRawLongBits(measure(trained, WOBBLY).validationLoss()))
                .as("the network returned, measured on the validation data again")
                .isEqualTo(Double.doubleToRawLongBits(scored.value()));
    }

    @Test
    void earlyStoppingThatRestoresAnotherEpochsWeightsStillGivesTheGoalsBestEpoch() {
        // Early stopping watches the training loss and puts back its best epoch; the goal is val_loss.
        EarlyStopping rule = new EarlyStopping(EarlyStopping.Monitor.LOSS, 0, 100, true, 0);
        PlaygroundObjective objective = new PlaygroundObjective(BASE, Goal.of("val_loss"), rule);
        Evaluation scored = objective.evaluate(WOBBLY, TrialContext.detached());
        int bestEpoch = bestEpoch(scored.history(), "val_loss", true);
        assertThat(bestEpoch).as("the goal and early stopping pick different epochs")
                .isNotEqualTo(bestEpoch(scored.history(), "loss", true));

        PlaygroundObjective.TrainedTrial trained = objective.train(WOBBLY, (e, m) -> { });

        assertThat(trained.best().epoch()).isEqualTo(bestEpoch);
        assertThat(Double.doubleToRawLongBits(trained.best().validationLoss()))
                .isEqualTo(Double.doubleToRawLongBits(scored.value()));
        assertThat(Double.doubleToRawLongBits(measure(trained, WOBBLY).validationLoss()))
                .isEqualTo(Double.doubleToRawLongBits(scored.value()));
    }

    @Test
    void anAccuracyGoalTakesTheEarliestOfEqualEpochs() {
        PlaygroundObjective objective = new PlaygroundObjective(BASE, Goal.of("val_accuracy"), null);
        Trial trial = Trial.of(1, new Parameters(Map.of("units", 4, "activation", "tanh", "learning_rate", 0.3)),
                5, 40);
        Evaluation scored = objective.evaluate(trial, TrialContext.detached());
        int first = bestEpoch(scored.history(), "val_accuracy", false);

        PlaygroundObjective.TrainedTrial trained = objective.train(trial, (e, m) -> { });

        assertThat(scored.history().stream().filter(m -> m.get("val_accuracy") == scored.value()).count())
                .as("accuracies tie, being counts").isGreaterThan(1);
        assertThat(trained.best().epoch()).isEqualTo(first);
        assertThat(trained.best().validationAccuracy()).isEqualTo(scored.value());
        assertThat(measure(trained, trial).validationAccuracy()).isEqualTo(scored.value());
    }

    /** The first epoch (from 1) with the best value of {@code metric}. */
    private static int bestEpoch(List<Map<String, Double>> history, String metric, boolean lowerIsBetter) {
        int best = 0;
        for (int e = 1; e < history.size(); e++) {
            double v = history.get(e).get(metric);
            double b = history.get(best).get(metric);
            if (lowerIsBetter ? v < b : v > b) {
                best = e;
            }
        }
        return best + 1;
    }

    /** The trained network measured afresh on the trial's data (the same split: the base settings' seed). */
    private static EpochResult measure(PlaygroundObjective.TrainedTrial trained, Trial trial) {
        PreparedRun run = trained.settings().toPlan().toBuilder().trainingSeed(trial.seed()).build().prepare();
        run.network().setParametersFrom(trained.network());
        return run.trainer().evaluate();
    }
}
