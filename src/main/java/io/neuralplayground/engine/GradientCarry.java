package io.neuralplayground.engine;

import java.util.Arrays;

/**
 * The trainer's memory of gradients not yet applied ({@link LeftoverExamples#CARRY_OVER}): per parameter the sum
 * S = Σ ∂ℓᵢ/∂θ over the c examples carried so far, allocated once for the network's shape.
 *
 * <p>{@link Backprop} leaves mean gradients ḡ over a minibatch of m, so carrying m examples adds m·ḡ to S, and
 * merging into the next minibatch of m replaces its mean by {@code (S + m·ḡ) / (c + m)}: the mean over all c + m
 * examples, which is what TF Playground's {@code accErrorDer / numAccumulatedDers} is.
 */
final class GradientCarry {
    private final double[][] sums;
    private int examples;

    GradientCarry(Network network) {
        sums = new double[2 * network.depth()][];
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            sums[2 * l] = new double[layer.inputs() * layer.units()];
            sums[2 * l + 1] = new double[layer.units()];
        }
    }

    int examples() {
        return examples;
    }

    /** Keeps the mean gradients of the last pass over {@code m} examples, to be applied later. */
    void add(Backprop pass, int m) {
        for (int l = 0; l < sums.length / 2; l++) {
            addScaled(sums[2 * l], pass.gradKernel(l), m);
            addScaled(sums[2 * l + 1], pass.gradBias(l), m);
        }
        examples += m;
    }

    /**
     * Turns the mean gradients of the last pass over {@code m} examples into the mean over those and the carried
     * ones, and forgets the carried ones. Nothing happens when nothing is carried, so a run without leftovers keeps
     * its numbers to the bit.
     */
    void mergeInto(Backprop pass, int m) {
        if (examples == 0) {
            return;
        }
        double total = examples + m;
        for (int l = 0; l < sums.length / 2; l++) {
            merge(sums[2 * l], pass.gradKernel(l), m, total);
            merge(sums[2 * l + 1], pass.gradBias(l), m, total);
        }
        clear();
    }

    void clear() {
        for (double[] s : sums) {
            Arrays.fill(s, 0);
        }
        examples = 0;
    }

    /** A copy, for saving. */
    CarriedGradient value() {
        return examples == 0 ? CarriedGradient.NONE : new CarriedGradient(examples, sums);
    }

    /**
     * Takes back a saved value.
     *
     * @throws IllegalArgumentException if its arrays do not fit this network
     */
    void restore(CarriedGradient saved) {
        if (saved.isEmpty()) {
            clear();
            return;
        }
        double[][] values = saved.sums();
        if (values.length != sums.length) {
            throw new IllegalArgumentException("the carried gradient has " + values.length
                    + " parameter arrays, the network " + sums.length);
        }
        for (int k = 0; k < sums.length; k++) {
            if (values[k].length != sums[k].length) {
                throw new IllegalArgumentException("the carried gradient does not fit the network");
            }
        }
        for (int k = 0; k < sums.length; k++) {
            System.arraycopy(values[k], 0, sums[k], 0, sums[k].length);
        }
        examples = saved.examples();
    }

    /** Copies everything into {@code target}, made for the same network (the trainer's backup). */
    void copyInto(GradientCarry target) {
        for (int k = 0; k < sums.length; k++) {
            System.arraycopy(sums[k], 0, target.sums[k], 0, sums[k].length);
        }
        target.examples = examples;
    }

    private static void addScaled(double[] sum, double[] mean, int m) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += m * mean[i];
        }
    }

    private static void merge(double[] sum, double[] mean, int m, double total) {
        for (int i = 0; i < sum.length; i++) {
            mean[i] = (sum[i] + m * mean[i]) / total;
        }
    }
}
