package io.neuralplayground.tune;

import io.neuralplayground.engine.Rng;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Tree-structured Parzen Estimator (Bergstra, Bardenet, Bengio, Kégl, "Algorithms for Hyper-Parameter
 * Optimization", NIPS 2011) with the defaults of Optuna's {@code TPESampler}, univariate.
 *
 * <p>For trial k, with the completed trials among 0 … k−1−L visible (L the {@linkplain Algorithm.Tpe#lag() lag};
 * failed trials are not observations):
 * <ol>
 *   <li>fewer than {@code startupTrials} visible: a random draw;</li>
 *   <li>else the n visible trials are split by value, best first (ties by trial number): the best
 *       γ(n) = min(⌈0.1·n⌉, 25) are "below", the rest "above";</li>
 *   <li>each active hyperparameter in order gets two Parzen estimators ({@link ParzenEstimator}), l(x) over the
 *       below trials' values and g(x) over the above ones' (only trials where it was active), each observation
 *       weighted by {@link #weights} in trial order, plus the prior;</li>
 *   <li>{@code eiCandidates} values are drawn from l and the one maximizing log l(x) − log g(x) (the expected
 *       improvement's monotone proxy) is taken, the first of equals.</li>
 * </ol>
 * The draws for trial k come from their own stream of the seed, so the trial is a pure function of the seed and the
 * visible results: the same whatever other trials are running or in which order results arrived.
 */
final class TpeOracle implements Oracle {
    /** Optuna's default: from 25 observations on, older ones are weighted down. */
    private static final int FLAT_WEIGHTS = 25;

    private final SearchProblem problem;
    private final long seed;
    private final Algorithm.Tpe settings;
    private final Map<Integer, TrialResult> results = new LinkedHashMap<>();
    private int proposed;

    TpeOracle(SearchProblem problem, long seed, Algorithm.Tpe settings) {
        this.problem = problem;
        this.seed = seed;
        this.settings = settings;
    }

    @Override
    public Proposal next() {
        if (proposed == settings.trials()) {
            return Proposal.DONE;
        }
        int k = proposed;
        int visibleEnd = k - settings.lag();
        for (int j = 0; j < visibleEnd; j++) {
            if (!results.containsKey(j)) {
                return Proposal.WAIT;
            }
        }
        List<TrialResult> visible = new ArrayList<>();
        for (int j = 0; j < visibleEnd; j++) {
            if (results.get(j).isCompleted()) {
                visible.add(results.get(j));
            }
        }
        proposed++;
        return Proposal.run(Trial.of(k, propose(k, visible), seed, settings.epochs()));
    }

    /** Trial k's hyperparameters from the visible completed trials (in trial order); public to tests as a function. */
    Parameters propose(int k, List<TrialResult> visible) {
        Rng rng = Rng.stream(seed, "tpe trial " + k);
        if (visible.size() < settings.startupTrials()) {
            return RandomDraws.draw(problem.space(), rng);
        }
        List<TrialResult> ranked = new ArrayList<>(visible);
        ranked.sort(Ranking.bestFirst(problem.goal()));
        int nBelow = Math.min(gamma(visible.size()), ranked.size());
        List<TrialResult> below = new ArrayList<>(ranked.subList(0, nBelow));
        List<TrialResult> above = new ArrayList<>(ranked.subList(nBelow, ranked.size()));
        below.sort(Comparator.comparingInt(TrialResult::number));
        above.sort(Comparator.comparingInt(TrialResult::number));

        Map<String, Object> assigned = new LinkedHashMap<>();
        for (Hyperparameter h : problem.space().hyperparameters()) {
            if (h.condition().holdsFor(assigned)) {
                assigned.put(h.name(), sample(h, below, above, rng));
            }
        }
        return new Parameters(assigned);
    }

    private Object sample(Hyperparameter h, List<TrialResult> below, List<TrialResult> above, Rng rng) {
        if (h instanceof Fixed f) {
            return f.value();
        }
        if (h.size() == 1 || h instanceof FloatRange r && r.min() == r.max()) {
            return RandomDraws.draw(h, rng);
        }
        double[] b = observations(h, below);
        double[] a = observations(h, above);
        ParzenEstimator l = ParzenEstimator.of(h, b, weights(b.length), settings.priorWeight());
        ParzenEstimator g = ParzenEstimator.of(h, a, weights(a.length), settings.priorWeight());
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < settings.eiCandidates(); c++) {
            double x = l.sample(rng);
            double score = l.logPdf(x) - g.logPdf(x);
            if (Double.isNaN(best) || score > bestScore) {
                best = x;
                bestScore = score;
            }
        }
        return external(h, best);
    }

    /** The internal values (a choice's index, else the number) of {@code h} in the trials where it was active. */
    private static double[] observations(Hyperparameter h, List<TrialResult> trials) {
        return trials.stream().map(r -> r.trial().parameters().asMap().get(h.name()))
                .filter(v -> v != null)
                .mapToDouble(v -> h instanceof Choice c ? c.indexOf(v) : ((Number) v).doubleValue())
                .toArray();
    }

    private static Object external(Hyperparameter h, double x) {
        if (h instanceof Choice c) {
            return c.values().get((int) x);
        }
        if (h instanceof IntRange) {
            return (int) Math.rint(x);
        }
        return x;
    }

    /**
     * Optuna's γ(n) = min(⌈0.1·n⌉, 25), with 0.1·n computed in floating point as Optuna does (so γ(30) = 4, as
     * there: 0.1·30 is a hair above 3).
     */
    static int gamma(int n) {
        return (int) Math.min(Math.ceil(0.1 * n), 25);
    }

    /**
     * Optuna's default weights of n observations, oldest first: all 1 below 25; from 25 on, the newest 25 weigh 1
     * and the n − 25 before them ramp linearly from 1/n up to 1 (numpy's {@code linspace(1/n, 1, n − 25)}).
     */
    static double[] weights(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        if (n >= FLAT_WEIGHTS) {
            int ramp = n - FLAT_WEIGHTS;
            double start = 1.0 / n;
            for (int i = 0; i < ramp; i++) {
                w[i] = ramp == 1 ? start : i == ramp - 1 ? 1.0 : start + i * ((1.0 - start) / (ramp - 1));
            }
        }
        return w;
    }

    @Override
    public void report(TrialResult result) {
        results.put(result.number(), result);
    }

    @Override
    public int plannedTrials() {
        return settings.trials();
    }
}
