package io.neuralplayground.tune;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A search algorithm with its settings; it makes the {@link Oracle} that proposes the trials. Its
 * {@link #settings()} are written to the results folder, and a search resumes only with the same ones.
 */
public sealed interface Algorithm {
    /** The name in files and on the command line: grid, random, tpe, hyperband. */
    String name();

    /** Every setting that decides which trials are proposed, by name, in a fixed order. */
    Map<String, Object> settings();

    /** A fresh oracle for {@code problem}, seeded with {@code seed}. */
    Oracle oracle(SearchProblem problem, long seed);

    /** Every combination of values, each trained {@code epochs} epochs; {@code maxTrials} the first ones, 0 all. */
    static Grid grid(int epochs) {
        return new Grid(epochs, 0);
    }

    /** {@code trials} independent random draws, each trained {@code epochs} epochs. */
    static RandomSearch random(int trials, int epochs) {
        return new RandomSearch(trials, epochs);
    }

    /** TPE with Optuna's defaults (10 random trials first, 24 candidates, prior weight 1) and a lag of 4. */
    static Tpe tpe(int trials, int epochs) {
        return new Tpe(trials, epochs, 10, 24, 1.0, 4);
    }

    /** Hyperband with KerasTuner's {@code max_epochs} and {@code factor}, one pass ({@code hyperband_iterations}). */
    static Hyperband hyperband(int maxEpochs, int factor) {
        return new Hyperband(maxEpochs, factor, 1);
    }

    private static void requirePositive(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, not " + value);
        }
    }

    /** Grid search ({@link GridOracle}). */
    record Grid(int epochs, int maxTrials) implements Algorithm {
        public Grid {
            requirePositive(epochs, "epochs");
            if (maxTrials < 0) {
                throw new IllegalArgumentException("max trials cannot be negative (0 for the whole grid)");
            }
        }

        public Grid withMaxTrials(int max) {
            return new Grid(epochs, max);
        }

        @Override
        public String name() {
            return "grid";
        }

        @Override
        public Map<String, Object> settings() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("epochs", epochs);
            s.put("max_trials", maxTrials);
            return s;
        }

        @Override
        public Oracle oracle(SearchProblem problem, long seed) {
            return new GridOracle(problem.space(), seed, epochs, maxTrials);
        }
    }

    /** Random search ({@link RandomOracle}). */
    record RandomSearch(int trials, int epochs) implements Algorithm {
        public RandomSearch {
            requirePositive(trials, "trials");
            requirePositive(epochs, "epochs");
        }

        @Override
        public String name() {
            return "random";
        }

        @Override
        public Map<String, Object> settings() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("trials", trials);
            s.put("epochs", epochs);
            return s;
        }

        @Override
        public Oracle oracle(SearchProblem problem, long seed) {
            return new RandomOracle(problem.space(), seed, trials, epochs);
        }
    }

    /**
     * TPE ({@link TpeOracle}).
     *
     * @param startupTrials random trials before the estimators take over (Optuna's {@code n_startup_trials})
     * @param eiCandidates values drawn from l(x) per hyperparameter (Optuna's {@code n_ei_candidates})
     * @param priorWeight the prior kernel's weight (Optuna's {@code prior_weight})
     * @param lag L: trial k sees the results of trials 0 … k−1−L only, so that up to L + 1 trials can run at once
     *     and the trials are the same whatever the number of threads; 0 for a strictly sequential TPE
     */
    record Tpe(int trials, int epochs, int startupTrials, int eiCandidates, double priorWeight, int lag)
            implements Algorithm {
        public Tpe {
            requirePositive(trials, "trials");
            requirePositive(epochs, "epochs");
            requirePositive(eiCandidates, "EI candidates");
            if (startupTrials < 0 || lag < 0 || !(priorWeight > 0) || Double.isInfinite(priorWeight)) {
                throw new IllegalArgumentException("TPE needs startup trials ≥ 0, lag ≥ 0 and a positive prior "
                        + "weight, not " + startupTrials + ", " + lag + " and " + priorWeight);
            }
        }

        public Tpe withLag(int newLag) {
            return new Tpe(trials, epochs, startupTrials, eiCandidates, priorWeight, newLag);
        }

        public Tpe withStartupTrials(int n) {
            return new Tpe(trials, epochs, n, eiCandidates, priorWeight, lag);
        }

        @Override
        public String name() {
            return "tpe";
        }

        @Override
        public Map<String, Object> settings() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("trials", trials);
            s.put("epochs", epochs);
            s.put("startup_trials", startupTrials);
            s.put("ei_candidates", eiCandidates);
            s.put("prior_weight", priorWeight);
            s.put("lag", lag);
            return s;
        }

        @Override
        public Oracle oracle(SearchProblem problem, long seed) {
            return new TpeOracle(problem, seed, this);
        }
    }

    /**
     * Hyperband ({@link HyperbandOracle}).
     *
     * @param maxEpochs R, the most epochs one trial trains (KerasTuner's {@code max_epochs})
     * @param factor η, the reduction factor between rounds (KerasTuner's {@code factor}, default 3)
     * @param iterations passes through all brackets (KerasTuner's {@code hyperband_iterations})
     */
    record Hyperband(int maxEpochs, int factor, int iterations) implements Algorithm {
        public Hyperband {
            requirePositive(maxEpochs, "max epochs");
            requirePositive(iterations, "Hyperband iterations");
            if (factor < 2) {
                throw new IllegalArgumentException("the Hyperband factor must be at least 2, not " + factor);
            }
        }

        public Hyperband withIterations(int n) {
            return new Hyperband(maxEpochs, factor, n);
        }

        @Override
        public String name() {
            return "hyperband";
        }

        @Override
        public Map<String, Object> settings() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("max_epochs", maxEpochs);
            s.put("factor", factor);
            s.put("iterations", iterations);
            return s;
        }

        @Override
        public Oracle oracle(SearchProblem problem, long seed) {
            return new HyperbandOracle(problem, seed, this);
        }
    }
}
