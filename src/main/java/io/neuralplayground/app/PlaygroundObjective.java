package io.neuralplayground.app;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.Feature;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.EarlyStopper;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.engine.EpochResult;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Regularization;
import io.neuralplayground.engine.Trainer;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.PreparedRun;
import io.neuralplayground.tune.Evaluation;
import io.neuralplayground.tune.Goal;
import io.neuralplayground.tune.Hyperparameter;
import io.neuralplayground.tune.Objective;
import io.neuralplayground.tune.Parameters;
import io.neuralplayground.tune.SearchSpace;
import io.neuralplayground.tune.Trial;
import io.neuralplayground.tune.TrialContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A hyperparameter search's objective on the playground's data: each trial is the playground's network with the
 * trial's hyperparameters, trained for the trial's epochs on the same examples (the base settings' seed decides the
 * data and its split) from initial weights and an order of its own (the trial's seed). After every epoch it reports
 * {@code loss}, {@code accuracy}, {@code val_loss} and {@code val_accuracy} (accuracies for classification) —
 * never the test figures, which the search must not see. Its value is the goal's metric at its best epoch, as
 * KerasTuner scores a trial by the best value its objective took.
 *
 * <p>The hyperparameters it knows, by name (any other is refused before the search starts):
 * <ul>
 *   <li>{@code layers}: the number of hidden layers, 0 to 6;</li>
 *   <li>{@code units}: the width of every hidden layer; {@code units_1} … {@code units_6} one layer's (overriding
 *       {@code units});</li>
 *   <li>{@code activation}: every hidden layer's ({@code relu}, {@code tanh}, …);</li>
 *   <li>{@code learning_rate}, {@code batch_size}, {@code optimizer} ({@code sgd}, {@code momentum},
 *       {@code rmsprop}, {@code adam});</li>
 *   <li>{@code regularization} ({@code none}, {@code l1}, {@code l2}) and {@code regularization_rate};</li>
 *   <li>{@code features}: the inputs of generated data, a comma list such as {@code "x1,x2,sinx1"} or
 *       {@code "all"}.</li>
 * </ul>
 * Hyperband trials that continue another train again from scratch for their epochs: the same seed trains the same
 * first epochs, so the result is that of resuming (at most about 1.5 times the epochs for η = 3).
 */
public final class PlaygroundObjective implements Objective {
    /** Names a search space may use. */
    public static final Set<String> KNOWN = Set.of("layers", "units", "units_1", "units_2", "units_3", "units_4",
            "units_5", "units_6", "activation", "learning_rate", "batch_size", "optimizer", "regularization",
            "regularization_rate", "features");

    private final PlaygroundSettings base;
    private final Goal goal;
    private final EarlyStopping earlyStopping;

    /**
     * @param base          the data, its split and everything the trials do not vary
     * @param goal          what the search optimizes: {@code val_loss}, {@code val_accuracy}, {@code loss} or
     *                      {@code accuracy}
     * @param earlyStopping Keras' early stopping within each trial, or null
     * @throws PlaygroundException if the goal needs validation data the settings do not set aside, or names a
     *     metric the trials do not report
     */
    public PlaygroundObjective(PlaygroundSettings base, Goal goal, EarlyStopping earlyStopping) {
        this.base = Objects.requireNonNull(base);
        this.goal = Objects.requireNonNull(goal);
        this.earlyStopping = earlyStopping;
        List<String> metrics = base.isClassification() ? List.of("val_loss", "val_accuracy", "loss", "accuracy")
                : List.of("val_loss", "loss");
        if (!metrics.contains(goal.metric())) {
            throw new PlaygroundException("The search's objective " + goal.metric() + " is not a metric of these "
                    + "trials: choose " + String.join(", ", metrics) + " (test figures are never searched on)");
        }
        if (goal.metric().startsWith("val_") && base.validationShare() == 0) {
            throw new PlaygroundException("The objective " + goal.metric() + " needs validation data: set a share of"
                    + " the training data aside for validation");
        }
    }

    public PlaygroundSettings base() {
        return base;
    }

    public Goal goal() {
        return goal;
    }

    /** Early stopping within each trial, or null. */
    public EarlyStopping earlyStopping() {
        return earlyStopping;
    }

    /**
     * What every trial of a search over {@code space} trains on, for a results folder to keep
     * ({@code Search.Builder.trainedOn}): the settings the trials start from, as a session file writes them, less
     * those the space sets in every trial, and the trials' early-stopping rule. A search resumed on other data,
     * another split or another rule would mix in scores measured on something else; one resumed after Apply best
     * changed only what the space searches goes on.
     */
    public java.util.Map<String, Object> description(SearchSpace space) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>(
                io.neuralplayground.session.SettingsCodec.toMap(base));
        java.util.Set<String> searched = new java.util.HashSet<>();
        space.hyperparameters().forEach(h -> searched.add(h.name()));
        for (String direct : List.of("learning_rate", "batch_size", "optimizer", "regularization",
                "regularization_rate", "features")) {
            if (searched.contains(direct)) {
                m.remove(direct);
            }
        }
        // The widths are all the space's only when it sets the depth and every layer's units.
        if (searched.contains("layers") && searched.contains("units")) {
            m.remove("hidden_layers");
        }
        if (searched.contains("layers") && searched.contains("activation")) {
            m.remove("hidden_activations");
        }
        m.put("trial_early_stopping", earlyStopping == null ? "none"
                : io.neuralplayground.session.EarlyStoppingCodec.toMap(earlyStopping));
        return m;
    }

    /**
     * Refuses a space with a hyperparameter this objective does not know, naming it and the known ones.
     *
     * @throws PlaygroundException naming the unknown hyperparameter
     */
    public void check(SearchSpace space) {
        for (Hyperparameter h : space.hyperparameters()) {
            if (!KNOWN.contains(h.name())) {
                throw new PlaygroundException("The search space's hyperparameter \"" + h.name() + "\" is not one the"
                        + " playground knows: " + String.join(", ", KNOWN.stream().sorted().toList()));
            }
        }
    }

    /**
     * The playground's settings with {@code p}'s hyperparameters: what "Apply best" gives the window.
     *
     * @throws PlaygroundException if a value does not fit (an unknown activation, a width below 1)
     */
    public PlaygroundSettings settingsFor(Parameters p) {
        PlaygroundSettings s = base;
        try {
            int depth = p.has("layers") ? p.getInt("layers") : s.hiddenLayers().size();
            if (depth < 0 || depth > PlaygroundSettings.MAX_LAYERS) {
                throw new PlaygroundException("layers must be 0 to " + PlaygroundSettings.MAX_LAYERS + ", got "
                        + depth);
            }
            List<Integer> widths = new ArrayList<>();
            for (int l = 0; l < depth; l++) {
                int width = l < s.hiddenLayers().size() ? s.hiddenLayers().get(l) : 4;
                if (p.has("units")) {
                    width = p.getInt("units");
                }
                if (p.has("units_" + (l + 1))) {
                    width = p.getInt("units_" + (l + 1));
                }
                if (width < 1) {
                    throw new PlaygroundException("a hidden layer needs at least 1 unit, got " + width);
                }
                widths.add(width);
            }
            Activation hidden = p.has("activation") ? Activation.byName(p.getString("activation"))
                    : s.hiddenActivations().isEmpty() ? Activation.TANH : s.hiddenActivations().get(0);
            s = s.withHidden(widths, Collections.nCopies(depth, hidden));
            if (p.has("learning_rate")) {
                s = s.withLearningRate(p.getDouble("learning_rate"));
            }
            if (p.has("batch_size")) {
                s = s.withBatchSize(p.getInt("batch_size"));
            }
            if (p.has("optimizer")) {
                s = s.withOptimizer(Optimizer.byName(p.getString("optimizer")));
            }
            if (p.has("regularization") || p.has("regularization_rate")) {
                Regularization.Kind kind = p.has("regularization")
                        ? Regularization.Kind.byName(p.getString("regularization")) : s.regularization().kind();
                double rate = p.has("regularization_rate") ? p.getDouble("regularization_rate")
                        : s.regularization().rate();
                s = s.withRegularization(Regularization.of(kind, rate));
            }
            if (p.has("features")) {
                if (s.hasDataFile()) {
                    throw new PlaygroundException("features choose among generated data's inputs; a file's columns "
                            + "are chosen in the window or with --features");
                }
                s = s.withFeatures(Feature.parseList(p.getString("features")));
            }
            return s.withEarlyStopping(null);
        } catch (IllegalArgumentException e) {
            throw new PlaygroundException(e.getMessage());
        }
    }

    @Override
    public Evaluation evaluate(Trial trial, TrialContext context) {
        List<Map<String, Double>> history = new ArrayList<>();
        TrainedTrial trained = train(trial, (epoch, metrics) -> {
            history.add(metrics);
            context.epochEnded(epoch, metrics);
            context.throwIfCancelled();
        });
        double best = Double.NaN;
        for (Map<String, Double> epoch : history) {
            double v = epoch.getOrDefault(goal.metric(), Double.NaN);
            if (beats(v, best)) {
                best = v;
            }
        }
        return new Evaluation(best, history, trained.epochs());
    }

    /** What {@link #train} says after each epoch. */
    @FunctionalInterface
    public interface EpochListener {
        void epochEnded(int epoch, Map<String, Double> metrics);
    }

    /**
     * A trial's run, as a search made it and as "Apply best" makes it again: the settings, the network with the
     * weights of its best epoch (the one its score was taken at), the epochs run and that best epoch's measurement
     * (its test figures are for the end of a search only). {@code best.epoch()} says which epoch it was.
     */
    public record TrainedTrial(PlaygroundSettings settings, Network network, int epochs, EpochResult best) {
    }

    /**
     * Trains {@code trial} here: deterministic from the base settings and the trial's seed, so the same trial gives
     * the same network anywhere, any number of times. The network returned has the weights of the epoch whose goal
     * value is the trial's score (the earliest of equal ones), whatever early stopping put back at the end: what
     * "Apply best" and the test figures after a search use is what was scored.
     *
     * @throws io.neuralplayground.engine.TrainingDivergedException when the loss stops being a number (the trial
     *     fails with its advice)
     */
    public TrainedTrial train(Trial trial, EpochListener listener) {
        PlaygroundSettings settings = settingsFor(trial.parameters());
        PreparedRun run = settings.toPlan().toBuilder().trainingSeed(trial.seed()).build().prepare();
        Trainer trainer = run.trainer();
        EarlyStopper stopper = earlyStopping == null ? null
                : new EarlyStopper(earlyStopping, EarlyStopper.of(trainer.network()));
        // The goal's best epoch is kept as early stopping keeps its own: one copy, filled in place on improvement.
        EarlyStopper.KeptWeights bestWeights = EarlyStopper.of(trainer.network());
        EpochResult best = null;
        double bestValue = Double.NaN;
        for (int e = 1; e <= trial.epochs(); e++) {
            EpochResult last = trainer.runEpoch();
            Map<String, Double> measured = metrics(last);
            double value = measured.getOrDefault(goal.metric(), Double.NaN);
            if (beats(value, bestValue)) {
                bestValue = value;
                best = last;
                bestWeights.keep();
            }
            listener.epochEnded(e, measured);
            if (stopper != null && stopper.observe(last)) {
                break;
            }
        }
        if (best == null) {
            // No epoch measured the goal (a trial runs at least one, which always does): the weights as they are.
            return new TrainedTrial(settings, trainer.network().copy(), trainer.epoch(), trainer.evaluate());
        }
        // Over whatever early stopping restored: its monitor and min_delta may pick another epoch than the goal.
        bestWeights.restore();
        return new TrainedTrial(settings, trainer.network().copy(), trainer.epoch(), best);
    }

    /** Whether {@code value} is a new best over {@code best} (NaN: none yet); a NaN value never is, a tie is not. */
    private boolean beats(double value, double best) {
        return !Double.isNaN(value) && (Double.isNaN(best) || goal.isBetter(value, best));
    }

    /** Keras' names for an epoch's figures, test left out. */
    static Map<String, Double> metrics(EpochResult r) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("loss", r.trainLoss());
        if (r.hasAccuracy()) {
            m.put("accuracy", r.trainAccuracy());
        }
        if (r.hasValidation()) {
            m.put("val_loss", r.validationLoss());
            if (r.hasAccuracy()) {
                m.put("val_accuracy", r.validationAccuracy());
            }
        }
        return m;
    }
}
