package io.neuralplayground.engine;

/**
 * The memory of an {@link Optimizer} for one network: {@link Optimizer#slotCount} slots per parameter array
 * (velocity; or first and second moments) and the number of steps taken. Parameter arrays are numbered 2k for
 * layer k's kernel (row-major) and 2k + 1 for its bias. The update rules are the optimizer's own; this class
 * only keeps the memory and hands each array its part.
 */
public final class OptimizerState {
    private final Optimizer optimizer;
    /** {@code [parameter array][slot]}: one array's memory together, as {@link Optimizer#update} takes it. */
    private final double[][][] memory;
    private long steps;

    OptimizerState(Optimizer optimizer, Network network) {
        this.optimizer = optimizer;
        int slotCount = optimizer.slotCount();
        memory = new double[2 * network.depth()][slotCount][];
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            for (int s = 0; s < slotCount; s++) {
                memory[2 * l][s] = new double[layer.inputs() * layer.units()];
                memory[2 * l + 1][s] = new double[layer.units()];
            }
        }
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** Steps taken so far (Keras' {@code iterations}). */
    public long steps() {
        return steps;
    }

    /** Slot {@code s} of parameter array {@code index}: the optimizer's memory, for saving and tests. */
    public double[] slot(int s, int index) {
        return memory[index][s];
    }

    public int slotCount() {
        return optimizer.slotCount();
    }

    /** Restores a saved step count, for {@link Trainer#restoreProgress}. */
    void setSteps(long steps) {
        this.steps = steps;
    }

    /** One update of every parameter of {@code network} from the mean gradients in {@code pass}. */
    void step(Network network, Backprop pass, double learningRate) {
        double stepSize = optimizer.stepSize(learningRate, steps + 1);
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            optimizer.update(layer.kernel().data, pass.gradKernel(l), memory[2 * l], stepSize);
            optimizer.update(layer.biasArray(), pass.gradBias(l), memory[2 * l + 1], stepSize);
        }
        steps++;
    }

    /** Copies slots and step count into {@code target}, which must belong to the same optimizer and shape. */
    void copyInto(OptimizerState target) {
        for (int k = 0; k < memory.length; k++) {
            for (int s = 0; s < memory[k].length; s++) {
                System.arraycopy(memory[k][s], 0, target.memory[k][s], 0, memory[k][s].length);
            }
        }
        target.steps = steps;
    }
}
