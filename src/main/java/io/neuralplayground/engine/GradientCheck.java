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
 *
 * <p>Each parameter costs {@value #EVALUATIONS_PER_PARAMETER} forward passes over the examples, so a large network
 * is checked on a {@link ParameterSample}; {@link #meanLoss()} is one such pass, for an estimate of the time.
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

    /** The loss is evaluated this many times per parameter: the four points of the central difference. */
    public static final int EVALUATIONS_PER_PARAMETER = 4;

    /** Told after each parameter how many of how many are checked; called on the checking thread. */
    @FunctionalInterface
    public interface Progress {
        /** No one listens. */
        Progress NONE = (done, of) -> {
        };

        void checked(int done, int of);
    }

    private final BackpropTrace trace;
    /** A copy of the network whose parameters are moved one at a time and put back. */
    private final Network probe;
    private final MeanLoss meanLoss;

    private GradientCheck(Network network, Loss loss, double[][] inputs, double[][] targets) {
        this.trace = BackpropTrace.of(network, loss, inputs, targets);
        this.probe = network.copy();
        this.meanLoss = new MeanLoss(probe, loss, inputs, targets);
    }

    /**
     * A check of {@code network} (which is not changed) on the examples {@code inputs} with {@code targets}:
     * backprop's gradients are computed here, the finite differences by {@link #run(ParameterSample, Progress)}.
     */
    public static GradientCheck of(Network network, Loss loss, double[][] inputs, double[][] targets) {
        return new GradientCheck(network, loss, inputs, targets);
    }

    /**
     * Compares backprop with finite differences for every parameter of {@code network} (which is not changed) on
     * the examples {@code inputs} with {@code targets}.
     */
    public static Result run(Network network, Loss loss, double[][] inputs, double[][] targets) {
        GradientCheck check = of(network, loss, inputs, targets);
        return check.run(ParameterSample.all(check.parameterCount()), Progress.NONE);
    }

    /** How many parameters the network has. */
    public int parameterCount() {
        return probe.parameterCount();
    }

    /**
     * The mean loss on the examples with the network's own parameters: one forward pass and the loss, what the
     * check evaluates {@value #EVALUATIONS_PER_PARAMETER} times per parameter, so timing it estimates the check.
     */
    public double meanLoss() {
        return meanLoss.value();
    }

    /**
     * Compares backprop with finite differences for the parameters of {@code sample}, telling {@code progress}
     * after each.
     *
     * @return the entries of the checked parameters in flat-index order, and their largest relative error
     */
    public Result run(ParameterSample sample, Progress progress) {
        if (sample.total() != parameterCount()) {
            throw new IllegalArgumentException("a sample of " + sample.total() + " parameters for a network of "
                    + parameterCount());
        }
        List<Entry> entries = new ArrayList<>(sample.size());
        double max = 0;
        int l = 0;
        // The flat index of layer l's first parameter.
        int first = 0;
        for (int i = 0; i < sample.size(); i++) {
            int p = sample.index(i);
            while (p >= first + layerSize(probe.layer(l))) {
                first += layerSize(probe.layer(l));
                l++;
            }
            DenseLayer layer = probe.layer(l);
            BackpropTrace.LayerBackward grads = trace.backward().get(probe.depth() - 1 - l);
            int local = p - first;
            int kernelSize = layer.inputs() * layer.units();
            Entry e;
            if (local < kernelSize) {
                e = entry(l, false, local / layer.units(), local % layer.units(), grads.gradKernel().data[local],
                        numeric(layer.kernel().data, local, meanLoss));
            } else {
                int j = local - kernelSize;
                e = entry(l, true, 0, j, grads.gradBias().data[j], numeric(layer.biasArray(), j, meanLoss));
            }
            entries.add(e);
            max = Math.max(max, e.relativeError());
            progress.checked(i + 1, sample.size());
        }
        return new Result(Collections.unmodifiableList(entries), max);
    }

    private static int layerSize(DenseLayer layer) {
        return layer.inputs() * layer.units() + layer.units();
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
