package io.neuralplayground.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Checks backpropagation against finite differences, parameter by parameter.
 *
 * <p>For each weight or bias θ, with L the mean loss over the given examples (without regularization) and the
 * other parameters fixed, the fourth-order central difference of {@link CentralDifference} with a fixed step
 * <pre>
 *   ∂L/∂θ ≈ (L(θ − 2h) − 8·L(θ − h) + 8·L(θ + h) − L(θ + 2h)) / 12h,    h = {@value #STEP}
 * </pre>
 * whose truncation error is O(h⁴), so that what remains is rounding (about ε·L/h ≈ 10⁻¹²·L). Backprop's value
 * b and the difference n are compared by the relative error
 * <pre>
 *   |b − n| / max(|b|, |n|, {@value #FLOOR})
 * </pre>
 * The floor keeps gradients that are 0 up to rounding from reporting a large relative error.
 * Near a kink (relu at 0, an absolute error at 0) a difference across the kink is not a derivative; such
 * parameters show large errors that are not bugs.
 */
public final class GradientCheck {
    /** The finite-difference step h. */
    public static final double STEP = 1e-4;
    /** Below this size gradients are compared absolutely. */
    public static final double FLOOR = 1e-5;

    /** One parameter: layer, bias or kernel entry (row = input, col = unit; row 0 for a bias), both gradients. */
    public record Entry(int layer, boolean bias, int row, int col, double backprop, double numeric,
            double relativeError) {
    }

    /** All entries in layer order (kernel row-major, then bias) and the largest relative error. */
    public record Result(List<Entry> entries, double maxRelativeError) {
        public Entry worst() {
            Entry worst = null;
            for (Entry e : entries) {
                if (worst == null || e.relativeError() > worst.relativeError()) {
                    worst = e;
                }
            }
            return worst;
        }
    }

    private GradientCheck() {
    }

    /**
     * Compares backprop with finite differences for every parameter of {@code network} (which is not changed) on
     * the examples {@code inputs} with {@code targets}.
     */
    public static Result run(Network network, Loss loss, double[][] inputs, double[][] targets) {
        BackpropTrace trace = BackpropTrace.of(network, loss, inputs, targets);
        Network probe = network.copy();
        MeanLoss meanLoss = new MeanLoss(probe, loss, inputs, targets);
        List<Entry> entries = new ArrayList<>();
        double max = 0;
        for (int l = 0; l < probe.depth(); l++) {
            DenseLayer layer = probe.layer(l);
            BackpropTrace.LayerBackward grads = trace.backward().get(probe.depth() - 1 - l);
            double[] kernel = layer.kernel().data;
            for (int index = 0; index < kernel.length; index++) {
                Entry e = entry(l, false, index / layer.units(), index % layer.units(),
                        grads.gradKernel().data[index], numeric(kernel, index, meanLoss));
                entries.add(e);
                max = Math.max(max, e.relativeError());
            }
            double[] bias = layer.biasArray();
            for (int j = 0; j < bias.length; j++) {
                Entry e = entry(l, true, 0, j, grads.gradBias().data[j], numeric(bias, j, meanLoss));
                entries.add(e);
                max = Math.max(max, e.relativeError());
            }
        }
        return new Result(Collections.unmodifiableList(entries), max);
    }

    private static Entry entry(int layer, boolean bias, int row, int col, double backprop, double numeric) {
        return new Entry(layer, bias, row, col, backprop, numeric, relativeError(backprop, numeric));
    }

    /** |b − n| / max(|b|, |n|, FLOOR). */
    public static double relativeError(double b, double n) {
        return Math.abs(b - n) / Math.max(Math.max(Math.abs(b), Math.abs(n)), FLOOR);
    }

    private static double numeric(double[] parameters, int index, MeanLoss meanLoss) {
        double theta = parameters[index];
        double derivative = CentralDifference.derivative(value -> {
            parameters[index] = value;
            return meanLoss.value();
        }, theta, STEP);
        parameters[index] = theta;
        return derivative;
    }

    /** The mean loss of a network on fixed examples, re-evaluated after each change of a parameter. */
    private static final class MeanLoss {
        private final Backprop pass;
        private final Loss loss;
        private final double[][] x;
        private final double[][] t;
        private final int m;

        MeanLoss(Network network, Loss loss, double[][] inputs, double[][] targets) {
            this.m = inputs.length;
            this.pass = new Backprop(network, m);
            this.loss = loss;
            Samples examples = Samples.ofRows(inputs, targets);
            this.x = examples.inputColumns();
            this.t = examples.targetColumnsArray();
        }

        double value() {
            pass.forward(x, m);
            return pass.lossSum(loss, t, m) / m;
        }
    }
}
