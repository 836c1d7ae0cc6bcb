package io.neuralplayground.tune;

import io.neuralplayground.engine.Rng;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Optuna's kernels for a number: Gaussians truncated to the range, in log space for a log-scaled hyperparameter.
 *
 * <p>With a step s (an int's is at least 1) the range is widened by s/2 at each end, a value x stands for the mass
 * of [x − s/2, x + s/2], and a drawn value is rounded to the grid. Kernel i sits at observation μᵢ with bandwidth
 * <pre>
 *   σᵢ = max(μᵢ − μ₍ᵢ₋₁₎, μ₍ᵢ₊₁₎ − μᵢ)   neighbours in sorted order, the range's ends as outermost neighbours,
 * </pre>
 * except that the lowest and highest observation take the gap to their inner neighbour only (Optuna's default
 * {@code consider_endpoints=False}); then clipped to [(high − low)/min(100, 1 + k), high − low] with k the number of
 * kernels, the prior included (Optuna's "magic clip"). The prior kernel sits at the middle with σ = high − low.
 */
final class NumericalParzen implements ParzenEstimator {
    private final double[] mixture;
    private final double[] mus;
    private final double[] sigmas;
    /** The truncation interval in the transformed (log where log) scale. */
    private final double low;
    private final double high;
    /** The grid in the hyperparameter's own scale. */
    private final double gridLow;
    private final double gridHigh;
    private final double step;
    private final boolean log;
    /** log of each kernel's mass inside [low, high]. */
    private final double[] logNormalizers;

    NumericalParzen(Hyperparameter h, double[] observations, double[] mixture) {
        this.mixture = mixture;
        if (h instanceof IntRange r) {
            gridLow = r.min();
            gridHigh = r.top();
            step = r.step();
            log = r.log();
        } else {
            FloatRange r = (FloatRange) h;
            gridLow = r.min();
            gridHigh = r.hasStep() ? r.top() : r.max();
            step = r.step();
            log = r.log();
        }
        low = transform(gridLow - step / 2);
        high = transform(gridHigh + step / 2);
        int n = observations.length;
        mus = new double[n + 1];
        for (int i = 0; i < n; i++) {
            mus[i] = transform(observations[i]);
        }
        sigmas = new double[n + 1];
        bandwidths(n);
        mus[n] = 0.5 * (low + high);
        sigmas[n] = high - low;
        logNormalizers = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            logNormalizers[j] = GaussianTails.logMass((low - mus[j]) / sigmas[j], (high - mus[j]) / sigmas[j]);
        }
    }

    private double transform(double x) {
        return log ? Math.log(x) : x;
    }

    private void bandwidths(int n) {
        if (n == 0) {
            return;
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> mus[i]));
        double[] withEnds = new double[n + 2];
        withEnds[0] = low;
        for (int i = 0; i < n; i++) {
            withEnds[i + 1] = mus[order[i]];
        }
        withEnds[n + 1] = high;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = Math.max(withEnds[i + 1] - withEnds[i], withEnds[i + 2] - withEnds[i + 1]);
        }
        if (n >= 2) {
            sorted[0] = withEnds[2] - withEnds[1];
            sorted[n - 1] = withEnds[n] - withEnds[n - 1];
        }
        double max = high - low;
        double min = (high - low) / Math.min(100.0, 1.0 + (n + 1));
        for (int i = 0; i < n; i++) {
            sigmas[order[i]] = Math.max(min, Math.min(max, sorted[i]));
        }
    }

    /**
     * A kernel by weight, then a draw from its Gaussian truncated to [low, high], by rejection: every kernel's
     * centre lies in the interval and its σ is at most the interval's width, so at least a third of the draws land
     * inside (Φ(1) − Φ(0) ≈ 0.34).
     */
    @Override
    public double sample(Rng rng) {
        int j = ParzenEstimator.pick(mixture, rng);
        double x;
        do {
            x = mus[j] + sigmas[j] * rng.nextGaussian();
        } while (x < low || x > high);
        if (log) {
            x = Math.exp(x);
        }
        if (step > 0) {
            x = gridLow + Math.rint((x - gridLow) / step) * step;
        }
        return Math.max(gridLow, Math.min(gridHigh, x));
    }

    @Override
    public double logPdf(double x) {
        double[] terms = new double[mixture.length];
        for (int j = 0; j < mixture.length; j++) {
            double logKernel;
            if (step > 0) {
                double left = (transform(x - step / 2) - mus[j]) / sigmas[j];
                double right = (transform(x + step / 2) - mus[j]) / sigmas[j];
                logKernel = GaussianTails.logMass(left, right) - logNormalizers[j];
            } else {
                double z = (transform(x) - mus[j]) / sigmas[j];
                logKernel = GaussianTails.logDensity(z) - Math.log(sigmas[j]) - logNormalizers[j];
            }
            terms[j] = Math.log(mixture[j]) + logKernel;
        }
        return ParzenEstimator.logSumExp(terms);
    }
}
