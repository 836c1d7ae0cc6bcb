package io.neuralplayground.tune;

import io.neuralplayground.engine.Rng;

/**
 * A univariate Parzen estimator over one hyperparameter, as Optuna's TPE builds it: one kernel per observed value,
 * weighted, plus a prior kernel of weight {@code priorWeight} spread over the whole range. Values are in the
 * sampler's internal form: a choice's index, an int or a float as it is (log taken inside, where it is on a log
 * scale).
 */
interface ParzenEstimator {
    /** One value drawn from the mixture: a kernel by weight, then a value from that kernel. */
    double sample(Rng rng);

    /** The log density (a probability mass for discrete values) of the mixture at {@code x}. */
    double logPdf(double x);

    /**
     * The estimator for {@code h} over {@code observations} (oldest trial first) with their {@code weights} (see
     * {@link TpeOracle#weights}).
     */
    static ParzenEstimator of(Hyperparameter h, double[] observations, double[] weights, double priorWeight) {
        double[] mixture = mixtureWeights(weights, priorWeight);
        if (h instanceof Choice c) {
            return new CategoricalParzen(c.values().size(), observations, mixture, priorWeight);
        }
        return new NumericalParzen(h, observations, mixture);
    }

    /**
     * The observations' weights followed by the prior's, normalized to sum 1; the prior alone when nothing was
     * observed.
     */
    private static double[] mixtureWeights(double[] weights, double priorWeight) {
        if (weights.length == 0) {
            return new double[] {1};
        }
        double[] w = java.util.Arrays.copyOf(weights, weights.length + 1);
        w[weights.length] = priorWeight;
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** An index drawn with probabilities {@code p} (summing to 1). */
    static int pick(double[] p, Rng rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < p.length - 1; i++) {
            cumulative += p[i];
            if (u < cumulative) {
                return i;
            }
        }
        return p.length - 1;
    }

    /** log Σ exp(terms), without overflow, −∞ when every term is. */
    static double logSumExp(double[] terms) {
        double max = Double.NEGATIVE_INFINITY;
        for (double t : terms) {
            max = Math.max(max, t);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }
}
