package io.neuralplayground.tune.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.tune.Algorithm;
import io.neuralplayground.tune.Goal;
import io.neuralplayground.tune.Hyperparameter;
import io.neuralplayground.tune.LocalTrialExecutor;
import io.neuralplayground.tune.Search;
import io.neuralplayground.tune.SearchListener;
import io.neuralplayground.tune.SearchOutcome;
import io.neuralplayground.tune.SearchProblem;
import io.neuralplayground.tune.SearchSpace;
import io.neuralplayground.tune.Trial;
import io.neuralplayground.tune.TrialExecutor;
import io.neuralplayground.tune.TrialResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Searches on worker JVMs of this machine give exactly the results of a search on local threads, also when a worker
 * is killed while it runs a trial.
 */
class ClusterTrialExecutorTest {
    static final SearchProblem PROBLEM = new SearchProblem(Goal.of("val_loss"), SearchSpace.of(
            Hyperparameter.intRange("layers", 1, 3),
            Hyperparameter.choice("activation", "relu", "tanh", "sigmoid"),
            Hyperparameter.floatRange("learning_rate", 0.001, 1).withLog()));
    static final SleepyObjective OBJECTIVE = new SleepyObjective(150, 400);
    static final Algorithm ALGORITHM = Algorithm.random(12, 3);
    static final long SEED = 2024;

    private final String cluster = "np-test-" + UUID.randomUUID();
    private final Workers workers = new Workers(cluster);

    @AfterEach
    void stopWorkers() {
        workers.close();
    }

    static SearchOutcome search(TrialExecutor executor, SearchListener listener) {
        return Search.builder(PROBLEM, ALGORITHM, OBJECTIVE.create()).seed(SEED).executor(executor)
                .listener(listener).build().run();
    }

    static SearchOutcome localSearch() {
        try (LocalTrialExecutor local = new LocalTrialExecutor(4)) {
            return search(local, new SearchListener() {
            });
        }
    }

    ClusterTrialExecutor executor(List<Workers.Worker> ws) {
        List<String> members = ws.stream().map(Workers.Worker::address).toList();
        return new ClusterTrialExecutor(new ClusterSettings(cluster, members, "127.0.0.1", 0, Duration.ofSeconds(5)),
                OBJECTIVE, Duration.ofSeconds(30));
    }

    /** The result without the process that ran it (and without its timing, which sameOutcome ignores anyway). */
    static TrialResult withoutPid(TrialResult r) {
        List<Map<String, Double>> history = r.history().stream().map(m -> {
            Map<String, Double> copy = new LinkedHashMap<>(m);
            copy.remove(SleepyObjective.PID);
            return copy;
        }).toList();
        return new TrialResult(r.trial(), r.status(), r.value(), history, r.epochsRun(), r.error(), 0);
    }

    static void assertSameOutcomes(SearchOutcome cluster, SearchOutcome local) {
        assertThat(cluster.cancelled()).isFalse();
        assertThat(cluster.trials()).hasSize(12).allMatch(TrialResult::isCompleted);
        assertThat(cluster.trials()).hasSameSizeAs(local.trials());
        for (int i = 0; i < local.trials().size(); i++) {
            TrialResult c = withoutPid(cluster.trials().get(i));
            TrialResult l = withoutPid(local.trials().get(i));
            assertThat(c.sameOutcome(l)).as("trial %d: %s vs %s", i, c, l).isTrue();
        }
    }

    static Set<Long> pids(SearchOutcome o) {
        return o.trials().stream().flatMap(r -> r.history().stream())
                .map(m -> m.get(SleepyObjective.PID).longValue()).collect(Collectors.toSet());
    }

    @Test
    void aSearchOnTwoWorkersGivesTheResultsOfALocalSearchAndRunsOnBoth() throws Exception {
        List<Workers.Worker> ws = workers.start(2, 2);
        Map<Integer, List<Integer>> epochsSeen = new ConcurrentHashMap<>();
        SearchOutcome onCluster;
        try (ClusterTrialExecutor executor = executor(ws)) {
            assertThat(executor.slots()).isEqualTo(4);
            onCluster = search(executor, new SearchListener() {
                @Override
                public void epochEnded(Trial trial, int epoch, Map<String, Double> metrics) {
                    epochsSeen.computeIfAbsent(trial.number(), n -> new ArrayList<>()).add(epoch);
                }
            });
            assertThat(executor.retriedTrials()).isZero();
        }

        assertSameOutcomes(onCluster, localSearch());
        assertThat(pids(onCluster)).containsExactlyInAnyOrder(ws.get(0).pid(), ws.get(1).pid());
        assertThat(epochsSeen).hasSize(12).allSatisfy((n, epochs) -> assertThat(epochs).containsExactly(1, 2, 3));
    }

    @Test
    void aWorkerKilledWhileItRunsATrialChangesNoResult() throws Exception {
        List<Workers.Worker> ws = workers.start(3, 1);
        Workers.Worker victim = ws.get(1);
        AtomicInteger finished = new AtomicInteger();
        SearchOutcome onCluster;
        int retried;
        try (ClusterTrialExecutor executor = executor(ws)) {
            assertThat(executor.slots()).isEqualTo(3);
            onCluster = search(executor, new SearchListener() {
                @Override
                public void trialFinished(TrialResult result) {
                    // With twelve trials on three slots, every worker runs one now: the victim dies in a trial.
                    if (finished.incrementAndGet() == 2) {
                        victim.process().destroyForcibly();
                    }
                }
            });
            retried = executor.retriedTrials();
            assertThat(executor.workers()).hasSize(2);
        }

        assertThat(victim.process().isAlive()).isFalse();
        assertThat(retried).as("trials sent again after the kill").isGreaterThanOrEqualTo(1);
        assertSameOutcomes(onCluster, localSearch());
        assertThat(pids(onCluster)).contains(ws.get(0).pid(), ws.get(2).pid())
                .isSubsetOf(ws.stream().map(Workers.Worker::pid).toList());
    }

    @Test
    void aCancelledSearchReturnsWithoutWaitingForItsRemoteTrials() throws Exception {
        List<Workers.Worker> ws = workers.start(1, 2);
        SleepyObjective slow = new SleepyObjective(3000, 3000);
        try (ClusterTrialExecutor executor = new ClusterTrialExecutor(new ClusterSettings(cluster,
                List.of(ws.get(0).address()), "127.0.0.1", 0, Duration.ofSeconds(5)), slow, Duration.ofSeconds(30))) {
            AtomicInteger started = new AtomicInteger();
            Search[] search = new Search[1];
            search[0] = Search.builder(PROBLEM, ALGORITHM, slow.create()).seed(SEED).executor(executor)
                    .listener(new SearchListener() {
                        @Override
                        public void trialStarted(Trial trial) {
                            if (started.incrementAndGet() == 2) {
                                search[0].cancel();
                            }
                        }
                    }).build();
            long start = System.nanoTime();
            SearchOutcome outcome = search[0].run();
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(outcome.cancelled()).isTrue();
            assertThat(outcome.trials()).isEmpty();
            assertThat(millis).as("ms until the cancelled search returned").isLessThan(2000);
        }
    }

    /** A description that holds its data (here: a thread) is refused before it joins, not at every trial. */
    @Test
    void aDescriptionThatCannotTravelIsRefusedAtOnce() {
        record HoldsAThread(Thread data) implements io.neuralplayground.tune.RemoteObjective {
            @Override
            public io.neuralplayground.tune.Objective create() {
                return OBJECTIVE.create();
            }
        }
        assertThatThrownBy(() -> new ClusterTrialExecutor(List.of("127.0.0.1:5701"), cluster,
                new HoldsAThread(Thread.currentThread()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be sent to workers").hasMessageContaining("java.lang.Thread");
    }

    @Test
    void withNoWorkerTheSearchSaysHowToStartOne() {
        try (ClusterTrialExecutor executor = new ClusterTrialExecutor(
                new ClusterSettings(cluster, List.of(), "127.0.0.1", 0, Duration.ofSeconds(5)), OBJECTIVE,
                Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> search(executor, new SearchListener() {
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("No worker joined cluster \"" + cluster)
                    .hasMessageContaining("neural-playground worker --cluster 127.0.0.1:");
        }
    }
}
