package io.neuralplayground.tune.cluster;

import io.neuralplayground.tune.Algorithm;
import io.neuralplayground.tune.LocalTrialExecutor;
import io.neuralplayground.tune.Search;
import io.neuralplayground.tune.TrialExecutor;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Not a test: measures what docs/cluster.md reports. The time the lite member takes to join, and the time per trial
 * of trials that do nothing on one worker with one slot (so every trial is a full round trip: send, run, answer,
 * replay) against the same search on one local thread.
 *
 * <pre>
 *   java -cp target/classes:target/test-classes:$(cat cp.txt) io.neuralplayground.tune.cluster.OverheadMeasurement
 * </pre>
 */
public final class OverheadMeasurement {
    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        SleepyObjective nothing = new SleepyObjective(0, 0);
        Algorithm algorithm = Algorithm.random(trials, 1);
        String cluster = "np-measure-" + UUID.randomUUID();
        try (Workers workers = new Workers(cluster)) {
            long w0 = System.nanoTime();
            List<Workers.Worker> ws = workers.start(1, 1);
            System.out.printf("worker JVM start to joined: %d ms%n", (System.nanoTime() - w0) / 1_000_000);
            long j0 = System.nanoTime();
            try (ClusterTrialExecutor executor = new ClusterTrialExecutor(new ClusterSettings(cluster,
                    List.of(ws.get(0).address()), "127.0.0.1", 0, Duration.ofSeconds(5)), nothing)) {
                System.out.printf("application (lite member) joined in %d ms%n", (System.nanoTime() - j0) / 1_000_000);
                run("cluster, warm-up", executor, algorithm, nothing, trials);
                run("cluster", executor, algorithm, nothing, trials);
            }
            try (LocalTrialExecutor local = new LocalTrialExecutor(1)) {
                run("local, warm-up", local, algorithm, nothing, trials);
                run("local", local, algorithm, nothing, trials);
            }
        }
    }

    private static void run(String what, TrialExecutor executor, Algorithm algorithm, SleepyObjective objective,
            int trials) {
        long t0 = System.nanoTime();
        Search.builder(ClusterTrialExecutorTest.PROBLEM, algorithm, objective.create()).seed(1).executor(executor)
                .build().run();
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("%s: %d trials in %.0f ms, %.2f ms per trial%n", what, trials, ms, ms / trials);
    }
}
