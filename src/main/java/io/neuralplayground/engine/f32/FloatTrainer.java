package io.neuralplayground.engine.f32;

import io.neuralplayground.engine.Optimizer;

/**
 * Minibatch training of a {@link FloatNetwork} with sparse categorical cross-entropy on its softmax output:
 * for a batch of n examples with classes t and output probabilities P,
 * <pre>
 *   L = −(1/n) Σᵣ log P[r, tᵣ]
 *   ∂L/∂Z_out = (P − T) / n                          (T one-hot; the softmax Jacobian and the loss together)
 *   ∂L/∂Z_l   = (∂L/∂Z_{l+1} · K_{l+1}ᵀ) ⊙ act′_l    going down
 *   ∂L/∂K_l   = A_{l−1}ᵀ · ∂L/∂Z_l,   ∂L/∂b_l = Σᵣ ∂L/∂Z_l[r, ·]     (A₀ the inputs)
 * </pre>
 * The gradient of the inputs themselves is never computed. With plain SGD the update is folded into the product,
 * {@code K ← K − lr·A_{l−1}ᵀ·∂L/∂Z_l} in one {@link Gemm} call; other optimizers get the gradient first.
 * Each layer's ∂L/∂Z is passed down before its kernel changes.
 *
 * <p>All buffers are made once, for the batch size, so training allocates nothing per batch. Not thread-safe: one
 * thread trains (a session's), others read {@link FloatNetwork#copy() copies}.
 */
public final class FloatTrainer {
    /** Rows evaluated at once by {@link #evaluate}. */
    static final int EVALUATION_ROWS = 256;

    private final FloatNetwork network;
    private final Gemm gemm;
    private final int batchSize;
    private Optimizer optimizer;
    private double learningRate;
    private long steps;

    private final float[] inputs;
    private final int[] labels;
    private final float[][] activations;
    private final float[][] deltas;
    private float[][] kernelGradients;
    private float[][] biasGradients;
    private float[][][] kernelMemory;
    private float[][][] biasMemory;
    private int lastCorrect;

    public FloatTrainer(FloatNetwork network, Gemm gemm, Optimizer optimizer, double learningRate, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, not " + batchSize);
        }
        this.network = network;
        this.gemm = gemm;
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        int rows = Math.max(batchSize, EVALUATION_ROWS);
        inputs = new float[rows * network.inputs()];
        labels = new int[rows];
        activations = new float[network.depth()][];
        deltas = new float[network.depth()][];
        for (int l = 0; l < network.depth(); l++) {
            activations[l] = new float[rows * network.layer(l).units()];
            deltas[l] = new float[batchSize * network.layer(l).units()];
        }
        setOptimizer(optimizer);
    }

    /** Changes the optimizer, its memory starting again from 0. */
    public void setOptimizer(Optimizer optimizer) {
        this.optimizer = optimizer;
        steps = 0;
        int depth = network.depth();
        boolean needsGradients = !FloatUpdate.isPlainSgd(optimizer);
        kernelGradients = needsGradients ? new float[depth][] : null;
        biasGradients = needsGradients ? new float[depth][] : null;
        kernelMemory = new float[depth][optimizer.slotCount()][];
        biasMemory = new float[depth][optimizer.slotCount()][];
        for (int l = 0; l < depth; l++) {
            FloatLayer layer = network.layer(l);
            if (needsGradients) {
                kernelGradients[l] = new float[layer.kernel.length];
                biasGradients[l] = new float[layer.units()];
            }
            for (int s = 0; s < optimizer.slotCount(); s++) {
                kernelMemory[l][s] = new float[layer.kernel.length];
                biasMemory[l][s] = new float[layer.units()];
            }
        }
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public void setLearningRate(double learningRate) {
        this.learningRate = learningRate;
    }

    public double learningRate() {
        return learningRate;
    }

    public int batchSize() {
        return batchSize;
    }

    public FloatNetwork network() {
        return network;
    }

    public Gemm gemm() {
        return gemm;
    }

    /** Steps taken since the optimizer was set. */
    public long steps() {
        return steps;
    }

    /**
     * One step on the examples {@code order[from]} … {@code order[from + rows − 1]} of {@code data}.
     *
     * @return the sum over the batch of each example's loss before the step (−log of its class's probability);
     *     {@link #lastCorrect()} then says how many the network classified right before the step
     */
    public double trainBatch(ExampleSource data, int[] order, int from, int rows) {
        if (rows < 1 || rows > batchSize) {
            throw new IllegalArgumentException("a batch has 1 to " + batchSize + " rows, not " + rows);
        }
        gather(data, order, from, rows);
        forward(rows);
        int depth = network.depth();
        int out = depth - 1;
        int k = network.outputs();
        float[] p = activations[out];
        float[] delta = deltas[out];
        double loss = 0;
        int correct = 0;
        float inverseRows = 1f / rows;
        for (int r = 0; r < rows; r++) {
            int o = r * k;
            int t = labels[r];
            loss -= Math.log(Math.max(p[o + t], Float.MIN_NORMAL));
            if (argmax(p, o, k) == t) {
                correct++;
            }
            for (int j = 0; j < k; j++) {
                delta[o + j] = p[o + j] * inverseRows;
            }
            delta[o + t] -= inverseRows;
        }
        lastCorrect = correct;
        steps++;
        double stepSize = optimizer.stepSize(learningRate, steps);
        for (int l = out; l >= 0; l--) {
            FloatLayer layer = network.layer(l);
            if (l > 0) {
                FloatLayer below = network.layer(l - 1);
                gemm.gemm(false, true, rows, below.units(), layer.units(), 1, deltas[l], layer.units(), layer.kernel,
                        layer.units(), 0, deltas[l - 1], below.units());
                below.multiplyByDerivative(deltas[l - 1], activations[l - 1], rows * below.units());
            }
            update(l, rows, stepSize);
        }
        return loss;
    }

    /**
     * One epoch: every example of {@code data} once, in {@code order} (a permutation of its indices, shuffled by
     * the caller, or null for 0, 1, 2, …), in batches of {@link #batchSize()} and a smaller last one.
     *
     * @param listener told after each batch; returning false stops the epoch there (cancel, pause)
     * @return the examples trained on, their summed loss and how many were classified right, each before its step
     */
    public EpochTotals trainEpoch(ExampleSource data, int[] order, BatchListener listener) {
        int size = data.size();
        if (order != null && order.length != size) {
            throw new IllegalArgumentException("the order has " + order.length + " indices for " + size
                    + " examples");
        }
        double loss = 0;
        long correct = 0;
        int done = 0;
        while (done < size) {
            int rows = Math.min(batchSize, size - done);
            loss += trainBatch(data, order, done, rows);
            correct += lastCorrect;
            done += rows;
            if (listener != null && !listener.afterBatch(done, loss, correct) && done < size) {
                break;
            }
        }
        return new EpochTotals(done, loss, correct);
    }

    /** Told after each batch of {@link #trainEpoch}, on the training thread. */
    @FunctionalInterface
    public interface BatchListener {
        /**
         * @param done    examples trained on so far this epoch
         * @param loss    their summed loss, each before its step
         * @param correct how many of them were classified right before their step
         * @return whether to go on
         */
        boolean afterBatch(int done, double loss, long correct);
    }

    /** What an epoch (or the part of it that ran) trained on. */
    public record EpochTotals(int examples, double lossSum, long correct) {
        public double meanLoss() {
            return examples == 0 ? Double.NaN : lossSum / examples;
        }

        public double accuracy() {
            return examples == 0 ? Double.NaN : (double) correct / examples;
        }
    }

    /** How many examples of the last batch were classified right before its step. */
    public int lastCorrect() {
        return lastCorrect;
    }

    private void update(int l, int rows, double stepSize) {
        FloatLayer layer = network.layer(l);
        float[] below = l == 0 ? inputs : activations[l - 1];
        int units = layer.units();
        float[] delta = deltas[l];
        if (kernelGradients == null) {
            float lr = (float) stepSize;
            gemm.gemm(true, false, layer.inputs(), units, rows, -lr, below, layer.inputs(), delta, units, 1,
                    layer.kernel, units);
            for (int r = 0; r < rows; r++) {
                int o = r * units;
                for (int j = 0; j < units; j++) {
                    layer.bias[j] -= lr * delta[o + j];
                }
            }
            return;
        }
        float[] g = kernelGradients[l];
        gemm.gemm(true, false, layer.inputs(), units, rows, 1, below, layer.inputs(), delta, units, 0, g, units);
        float[] gb = biasGradients[l];
        java.util.Arrays.fill(gb, 0);
        for (int r = 0; r < rows; r++) {
            int o = r * units;
            for (int j = 0; j < units; j++) {
                gb[j] += delta[o + j];
            }
        }
        FloatUpdate.apply(optimizer, layer.kernel, g, kernelMemory[l], stepSize, g.length);
        FloatUpdate.apply(optimizer, layer.bias, gb, biasMemory[l], stepSize, units);
    }

    private void gather(ExampleSource data, int[] order, int from, int rows) {
        int n = network.inputs();
        for (int r = 0; r < rows; r++) {
            int example = order == null ? from + r : order[from + r];
            data.copyInputs(example, inputs, r * n);
            labels[r] = data.label(example);
        }
    }

    private void forward(int rows) {
        float[] h = inputs;
        for (int l = 0; l < network.depth(); l++) {
            network.layer(l).forward(gemm, h, rows, activations[l]);
            h = activations[l];
        }
    }

    /**
     * The mean loss and the accuracy on every example of {@code data}, without training; with
     * {@code probabilities} (size × classes, or null) each example's output too, and with {@code predicted} (or
     * null) each example's most probable class.
     */
    public Evaluation evaluate(ExampleSource data, float[] probabilities, int[] predicted) {
        int k = network.outputs();
        double loss = 0;
        int correct = 0;
        int size = data.size();
        for (int from = 0; from < size; from += EVALUATION_ROWS) {
            int rows = Math.min(EVALUATION_ROWS, size - from);
            gather(data, null, from, rows);
            forward(rows);
            float[] p = activations[network.depth() - 1];
            for (int r = 0; r < rows; r++) {
                int o = r * k;
                int best = argmax(p, o, k);
                loss -= Math.log(Math.max(p[o + labels[r]], Float.MIN_NORMAL));
                if (best == labels[r]) {
                    correct++;
                }
                if (predicted != null) {
                    predicted[from + r] = best;
                }
            }
            if (probabilities != null) {
                System.arraycopy(p, 0, probabilities, from * k, rows * k);
            }
        }
        return new Evaluation(size == 0 ? Double.NaN : loss / size, size == 0 ? Double.NaN : (double) correct / size,
                size);
    }

    private static int argmax(float[] p, int offset, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (p[offset + j] > p[offset + best]) {
                best = j;
            }
        }
        return best;
    }

    /** A mean loss and an accuracy over {@code examples} examples. */
    public record Evaluation(double loss, double accuracy, int examples) {
    }
}
