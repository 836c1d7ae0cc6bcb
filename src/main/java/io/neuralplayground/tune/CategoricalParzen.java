package io.neuralplayground.tune;

import io.neuralplayground.engine.Rng;

/**
 * Optuna's categorical kernels: the kernel of an observed choice c puts {@code 1 + w/(n+1)} on c and {@code w/(n+1)}
 * on every other choice (w the prior weight, n the observations), normalized; the prior kernel is uniform.
 */
final class CategoricalParzen implements ParzenEstimator {
    private final double[] mixture;
    /** Row j: kernel j's probability of each choice. */
    private final double[][] kernels;

    CategoricalParzen(int choices, double[] observations, double[] mixture, double priorWeight) {
        this.mixture = mixture;
        int n = observations.length;
        kernels = new double[mixture.length][choices];
        double spread = n == 0 ? 1.0 / choices : priorWeight / (n + 1);
        for (int j = 0; j < kernels.length; j++) {
            java.util.Arrays.fill(kernels[j], spread);
            if (j < n) {
                kernels[j][(int) observations[j]] += 1;
            }
            double sum = 0;
            for (double p : kernels[j]) {
                sum += p;
            }
            for (int c = 0; c < choices; c++) {
                kernels[j][c] = sum == 0 ? 1.0 / choices : kernels[j][c] / sum;
            }
        }
    }

    @Override
    public double sample(Rng rng) {
        int kernel = ParzenEstimator.pick(mixture, rng);
        return ParzenEstimator.pick(kernels[kernel], rng);
    }

    @Override
    public double logPdf(double x) {
        int c = (int) x;
        double[] terms = new double[mixture.length];
        for (int j = 0; j < mixture.length; j++) {
            terms[j] = Math.log(mixture[j]) + Math.log(kernels[j][c]);
        }
        return ParzenEstimator.logSumExp(terms);
    }
}
