package io.neuralplayground.tune.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.app.PlaygroundObjective;
import io.neuralplayground.app.PlaygroundProblem;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.tune.Algorithm;
import io.neuralplayground.tune.Goal;
import io.neuralplayground.tune.LocalTrialExecutor;
import io.neuralplayground.tune.Search;
import io.neuralplayground.tune.SearchOutcome;
import io.neuralplayground.tune.SearchProblem;
import io.neuralplayground.tune.SearchSpaceFile;
import io.neuralplayground.tune.TrialExecutor;
import io.neuralplayground.tune.TrialResult;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The playground's own objective on worker JVMs: its problem travels as plain values, each worker rebuilds data and
 * objective, and the trials come back as a local search has them, to the bit.
 */
class PlaygroundOnClusterTest {
    private final String cluster = "np-playground-" + UUID.randomUUID();
    private final Workers workers = new Workers(cluster);

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    @Test
    void aPlaygroundSearchOnTwoWorkersGivesTheLocalResults() throws Exception {
        PlaygroundSettings base = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR)
                .withValidationShare(0.2);
        PlaygroundObjective objective = new PlaygroundObjective(base, Goal.of("val_loss"),
                new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0, 5, true, 0));
        SearchProblem problem = SearchSpaceFile.parse("""
                { "objective": "val_loss", "hyperparameters": [
                  {"name": "units", "type": "int", "min": 2, "max": 8},
                  {"name": "activation", "type": "choice", "values": ["relu", "tanh"]},
                  {"name": "learning_rate", "type": "float", "min": 0.01, "max": 1, "log": true} ] }
                """, false, "space.json");
        PlaygroundProblem remote = PlaygroundProblem.of(objective);
        assertThat(remote.create().base()).as("the problem travels whole").isEqualTo(base);

        List<Workers.Worker> ws = workers.start(2, 2);
        SearchOutcome onCluster;
        try (ClusterTrialExecutor executor = new ClusterTrialExecutor(new ClusterSettings(cluster,
                ws.stream().map(Workers.Worker::address).toList(), "127.0.0.1", 0, Duration.ofSeconds(5)), remote,
                Duration.ofSeconds(30))) {
            onCluster = search(problem, objective, executor);
        }
        SearchOutcome local;
        try (LocalTrialExecutor threads = new LocalTrialExecutor(2)) {
            local = search(problem, objective, threads);
        }
        assertThat(onCluster.trials()).hasSize(8).allMatch(TrialResult::isCompleted);
        for (int i = 0; i < local.trials().size(); i++) {
            assertThat(onCluster.trials().get(i).sameOutcome(local.trials().get(i))).as("trial %d", i).isTrue();
        }
    }

    private static SearchOutcome search(SearchProblem problem, PlaygroundObjective objective,
            TrialExecutor executor) {
        return Search.builder(problem, Algorithm.random(8, 40), objective).seed(7).executor(executor).build().run();
    }
}
