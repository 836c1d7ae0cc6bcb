package io.neuralplayground.tune.cluster;

import io.neuralplayground.tune.Evaluation;
import io.neuralplayground.tune.Objective;
import io.neuralplayground.tune.Parameters;
import io.neuralplayground.tune.RemoteObjective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A synthetic objective whose trials take {@code minMillis} to {@code maxMillis} (by their seed, so alike on every
 * machine), report a noise-free "val_loss" each epoch and the process id of the JVM that ran them as "pid".
 */
record SleepyObjective(int minMillis, int maxMillis) implements RemoteObjective {
    static final String PID = "pid";

    @Override
    public Objective create() {
        return (trial, context) -> {
            Parameters p = trial.parameters();
            double u = Math.log10(p.getDouble("learning_rate")) + 1.5;
            double v = u * u + 0.1 * p.getInt("layers") + (p.getString("activation").equals("tanh") ? 0 : 0.3);
            long total = minMillis + Math.floorMod(trial.seed(), maxMillis - minMillis + 1);
            int epochs = trial.epochs() - trial.initialEpoch();
            List<Map<String, Double>> history = new ArrayList<>();
            for (int e = trial.initialEpoch() + 1; e <= trial.epochs(); e++) {
                context.throwIfCancelled();
                Thread.sleep(total / epochs);
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put("val_loss", v + 1.0 / e);
                metrics.put(PID, (double) ProcessHandle.current().pid());
                history.add(metrics);
                context.epochEnded(e, metrics);
            }
            return Evaluation.of(v + 1.0 / trial.epochs(), history);
        };
    }
}
