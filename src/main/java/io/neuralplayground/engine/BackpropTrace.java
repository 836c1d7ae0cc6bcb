package io.neuralplayground.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Every number of one forward and backward pass, recorded for teaching: the backprop stepper shows exactly these
 * values and the {@code trace} command prints them.
 *
 * <p>For m examples X (m × inputs, rows are examples) and their targets:
 * <pre>
 *   forward, per layer k:  A(k) = H(k−1)·K(k) + b(k),   H(k) = φ(A(k)),   H(0) = X
 *   the loss:              L = (1/m) Σ_r L(y_r, t_r)
 *   backward, per layer k from the last:
 *                          G_in   = ∂L_r/∂H(k)      (for the last layer ∇_y L)
 *                          G_a    = G_in ⊙ φ'(A(k))  (softmax: Jᵀg per row; a fused loss: y − t)
 *                          ∇b(k)  = (1/m) Σ_rows G_a
 *                          ∇K(k)  = (1/m) H(k−1)ᵀ·G_a   (Keras' kernel layout; the textbook ∇W is its transpose)
 *                          G_out  = G_a·K(k)ᵀ          (∂L_r/∂H(k−1), the g handed to the layer below)
 * </pre>
 * The per-example gradients (G_in, G_a, G_out) are those of each example's own loss; the parameter gradients are
 * their mean, which is what an optimizer step uses. With one example (m = 1) all of them are the textbook vectors.
 *
 * <p>The numbers come from the same {@link Backprop} code the trainer runs, so a trace and a training step agree
 * to the last digit.
 */
public final class BackpropTrace {

    /** Layer {@code layer}'s forward values: A and H = φ(A), m × units. */
    public record LayerForward(int layer, Activation activation, DMatrixRMaj a, DMatrixRMaj h) {
    }

    /**
     * Layer {@code layer}'s backward values: the g entering (m × units), g ⊙ φ'(a) (m × units), ∇b (1 × units),
     * ∇K (inputs × units) and the g leaving (m × inputs). {@code fused} says the loss and this output activation
     * were differentiated together (g ⊙ φ'(a) then equals y − t).
     */
    public record LayerBackward(int layer, DMatrixRMaj gIn, DMatrixRMaj gA, DMatrixRMaj gradBias,
            DMatrixRMaj gradKernel, DMatrixRMaj gOut, boolean fused) {
    }

    private final Loss loss;
    private final DMatrixRMaj input;
    private final DMatrixRMaj target;
    private final double meanLoss;
    private final double[] exampleLosses;
    private final List<LayerForward> forward;
    private final List<LayerBackward> backward;

    private BackpropTrace(Loss loss, DMatrixRMaj input, DMatrixRMaj target, double meanLoss, double[] exampleLosses,
            List<LayerForward> forward, List<LayerBackward> backward) {
        this.loss = loss;
        this.input = input;
        this.target = target;
        this.meanLoss = meanLoss;
        this.exampleLosses = exampleLosses;
        this.forward = forward;
        this.backward = backward;
    }

    /** The trace of one example. */
    public static BackpropTrace of(Network network, Loss loss, double[] input, double[] target) {
        return of(network, loss, new double[][] {input}, new double[][] {target});
    }

    /**
     * The trace of a minibatch: {@code inputs[r]} and {@code targets[r]} are example r's input and target (one
     * value per output, or the class index for the sparse loss). The network is not changed.
     */
    public static BackpropTrace of(Network network, Loss loss, double[][] inputs, double[][] targets) {
        int m = inputs.length;
        if (m == 0 || targets.length != m) {
            throw new IllegalArgumentException("a trace needs at least one example and one target per example");
        }
        int targetColumns = loss.targetColumns(network.outputs());
        for (int r = 0; r < m; r++) {
            if (inputs[r].length != network.inputs()) {
                throw new IllegalArgumentException("the input has " + inputs[r].length
                        + " values but the network takes " + network.inputs());
            }
            if (targets[r].length != targetColumns) {
                throw new IllegalArgumentException("the target has " + targets[r].length + " values but "
                        + loss + " on " + network.outputs() + " outputs needs " + targetColumns);
            }
        }
        Samples examples = Samples.ofRows(inputs, targets);
        double[][] x = examples.inputColumns();
        double[][] t = examples.targetColumnsArray();
        Backprop pass = new Backprop(network, m);
        pass.forward(x, m);
        int last = network.depth() - 1;
        double sum = pass.lossSum(loss, t, m);
        double[] exampleLosses = exampleLosses(network, loss, pass, t, m);
        pass.backward(loss, x, t, m, true);

        List<LayerForward> forward = new ArrayList<>();
        for (int l = 0; l <= last; l++) {
            DenseLayer layer = network.layer(l);
            forward.add(new LayerForward(l, layer.activation(), rows(pass.preActivation(l), layer.units(), m),
                    rows(pass.activation(l), layer.units(), m)));
        }
        List<LayerBackward> backward = new ArrayList<>();
        for (int l = last; l >= 0; l--) {
            DenseLayer layer = network.layer(l);
            DMatrixRMaj gradBias = new DMatrixRMaj(1, layer.units(), true, pass.gradBias(l));
            DMatrixRMaj gradKernel = new DMatrixRMaj(layer.inputs(), layer.units(), true, pass.gradKernel(l));
            boolean fused = l == last && loss.fusesWith(layer.activation());
            backward.add(new LayerBackward(l, rows(pass.gradientEntering(l), layer.units(), m),
                    rows(pass.gradientPreActivation(l), layer.units(), m), gradBias, gradKernel,
                    rows(pass.gradientLeaving(l), layer.inputs(), m), fused));
        }
        return new BackpropTrace(loss, new DMatrixRMaj(inputs), new DMatrixRMaj(targets), sum / m, exampleLosses,
                Collections.unmodifiableList(forward), Collections.unmodifiableList(backward));
    }

    private static double[] exampleLosses(Network network, Loss loss, Backprop pass, double[][] t, int m) {
        int last = network.depth() - 1;
        DenseLayer out = network.layer(last);
        double[][] a = pass.preActivation(last);
        double[][] y = pass.activation(last);
        double[] losses = new double[m];
        for (int r = 0; r < m; r++) {
            losses[r] = loss.sum(out.activation(), column(a, r), column(y, r), column(t, r), out.units(), 1);
        }
        return losses;
    }

    /** Column r of a unit-major block as a one-example block. */
    private static double[][] column(double[][] block, int r) {
        double[][] c = new double[block.length][1];
        for (int j = 0; j < block.length; j++) {
            c[j][0] = block[j][r];
        }
        return c;
    }

    /** A unit-major block (units × m) as an m × units matrix whose rows are examples. */
    private static DMatrixRMaj rows(double[][] block, int units, int m) {
        DMatrixRMaj matrix = new DMatrixRMaj(m, units);
        for (int j = 0; j < units; j++) {
            for (int r = 0; r < m; r++) {
                matrix.unsafe_set(r, j, block[j][r]);
            }
        }
        return matrix;
    }

    public Loss loss() {
        return loss;
    }

    /** X: m × inputs. */
    public DMatrixRMaj input() {
        return input;
    }

    /** The targets: m × target columns. */
    public DMatrixRMaj target() {
        return target;
    }

    /** Number of examples m. */
    public int examples() {
        return input.numRows;
    }

    /** L averaged over the examples. */
    public double meanLoss() {
        return meanLoss;
    }

    /** L of each example. */
    public double[] exampleLosses() {
        return exampleLosses.clone();
    }

    /** The network's output H(L): m × outputs. */
    public DMatrixRMaj output() {
        return forward.get(forward.size() - 1).h();
    }

    /** Per layer, first layer first. */
    public List<LayerForward> forward() {
        return forward;
    }

    /** Per layer, last layer first: the order of the backward pass. */
    public List<LayerBackward> backward() {
        return backward;
    }
}
