package io.neuralplayground.engine;

/**
 * The memory of an {@link Optimizer} for one network: up to two slots per parameter (velocity; or first and
 * second moments) and the number of steps taken. Parameter arrays are numbered 2k for layer k's kernel
 * (row-major) and 2k + 1 for its bias.
 */
public final class OptimizerState {
    private final Optimizer optimizer;
    private final double[][][] slots;
    private long steps;

    OptimizerState(Optimizer optimizer, Network network, int slotsPerParameter) {
        this.optimizer = optimizer;
        int arrays = 2 * network.depth();
        slots = new double[slotsPerParameter][arrays][];
        for (int s = 0; s < slotsPerParameter; s++) {
            for (int l = 0; l < network.depth(); l++) {
                DenseLayer layer = network.layer(l);
                slots[s][2 * l] = new double[layer.inputs() * layer.units()];
                slots[s][2 * l + 1] = new double[layer.units()];
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
        return slots[s][index];
    }

    public int slotCount() {
        return slots.length;
    }

    /** Restores a saved step count, for {@link Trainer#restoreProgress}. */
    void setSteps(long steps) {
        this.steps = steps;
    }

    /** One update of every parameter of {@code network} from the mean gradients in {@code pass}. */
    void step(Network network, Backprop pass, double learningRate) {
        double alpha = adamStepSize(learningRate);
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            update(2 * l, layer.kernel().data, pass.gradKernel(l), learningRate, alpha);
            update(2 * l + 1, layer.biasArray(), pass.gradBias(l), learningRate, alpha);
        }
        steps++;
    }

    /** Adam's α for the coming step t = steps + 1; the learning rate for the other optimizers. */
    private double adamStepSize(double learningRate) {
        if (optimizer instanceof Optimizer.Adam adam) {
            double t = steps + 1;
            return learningRate * Math.sqrt(1 - Math.pow(adam.beta2(), t)) / (1 - Math.pow(adam.beta1(), t));
        }
        return learningRate;
    }

    private void update(int index, double[] w, double[] g, double lr, double alpha) {
        int n = w.length;
        if (optimizer instanceof Optimizer.Sgd sgd) {
            if (sgd.momentum() == 0) {
                for (int i = 0; i < n; i++) {
                    w[i] -= lr * g[i];
                }
                return;
            }
            double mu = sgd.momentum();
            double[] v = slots[0][index];
            for (int i = 0; i < n; i++) {
                v[i] = mu * v[i] - lr * g[i];
                w[i] += sgd.nesterov() ? mu * v[i] - lr * g[i] : v[i];
            }
        } else if (optimizer instanceof Optimizer.RmsProp rms) {
            double[] v = slots[0][index];
            double rho = rms.rho();
            for (int i = 0; i < n; i++) {
                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                w[i] -= lr * g[i] / Math.sqrt(v[i] + rms.epsilon());
            }
        } else if (optimizer instanceof Optimizer.Adam adam) {
            double[] m = slots[0][index];
            double[] v = slots[1][index];
            double b1 = 1 - adam.beta1();
            double b2 = 1 - adam.beta2();
            for (int i = 0; i < n; i++) {
                m[i] += (g[i] - m[i]) * b1;
                v[i] += (g[i] * g[i] - v[i]) * b2;
                w[i] -= alpha * m[i] / (Math.sqrt(v[i]) + adam.epsilon());
            }
        }
    }

    /** Copies slots and step count into {@code target}, which must belong to the same optimizer and shape. */
    void copyInto(OptimizerState target) {
        for (int s = 0; s < slots.length; s++) {
            for (int k = 0; k < slots[s].length; k++) {
                System.arraycopy(slots[s][k], 0, target.slots[s][k], 0, slots[s][k].length);
            }
        }
        target.steps = steps;
    }
}
