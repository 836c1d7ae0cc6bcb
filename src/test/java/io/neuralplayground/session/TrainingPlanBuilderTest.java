package io.neuralplayground.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.LeftoverExamples;
import io.neuralplayground.engine.Network;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan keeps the choices it was built with; {@link TrainingPlan#toBuilder()} hands out a copy of them. */
class TrainingPlanBuilderTest {

    @Test
    void aPlanIsNotChangedByItsBuilderAfterwards() {
        List<String> features = new ArrayList<>(List.of("x1", "x2"));
        TrainingPlan.Builder builder = TrainingPlan.builder().features(features).hidden(3);
        TrainingPlan plan = builder.build();
        builder.batchSize(3).hidden(5, 5);
        features.add("sinx1");
        PreparedRun run = plan.prepare();
        assertThat(run.trainer().config().batchSize()).isEqualTo(10);
        assertThat(run.network().describe()).isEqualTo("2-3-1");
    }

    @Test
    void toBuilderStartsFromEveryChoiceOfThePlanAndLeavesThePlanAlone() {
        TrainingPlan plan = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR).withBatchSize(7)
                .withSeed(3).withNewWeights().toPlan();
        TrainingPlan again = plan.toBuilder().build();
        Network first = plan.prepare().network();
        assertThat(again.prepare().network().sameParameters(first)).isTrue();
        assertThat(again.prepare().trainer().config()).isEqualTo(plan.prepare().trainer().config());

        TrainingPlan keras = plan.toBuilder().leftover(LeftoverExamples.SMALLER_LAST_BATCH).build();
        assertThat(keras.prepare().trainer().config().leftover()).isEqualTo(LeftoverExamples.SMALLER_LAST_BATCH);
        assertThat(plan.prepare().trainer().config().leftover()).isEqualTo(LeftoverExamples.CARRY_OVER);
    }

    @Test
    void theInitialNetworkIsCopiedWhenThePlanIsBuilt() {
        TrainingPlan plan = PlaygroundSettings.defaults().toPlan();
        Network start = plan.prepare().network();
        TrainingPlan from = plan.withInitialNetwork(start);
        double before = start.layer(0).weight(0, 0);
        start.layer(0).setWeight(0, 0, before + 1);
        assertThat(from.prepare().network().layer(0).weight(0, 0)).isEqualTo(before);
    }
}
