package io.neuralplayground.engine.f32;

import io.neuralplayground.engine.Optimizer;

/**
 * The update rules of {@link Optimizer} (Keras' formulas, written there) on float arrays, in float arithmetic
 * as Keras and PyTorch do on float32 weights.
 */
final class FloatUpdate {
    private FloatUpdate() {
    }

    /** Whether {@code optimizer} is plain SGD, whose step the trainer folds into the gradient's product. */
    static boolean isPlainSgd(Optimizer optimizer) {
        return optimizer instanceof Optimizer.Sgd sgd && sgd.momentum() == 0;
    }

    /**
     * One step of {@code optimizer} on {@code w} from its mean gradient {@code g} (the first {@code n} entries).
     *
     * @param memory   the array's {@link Optimizer#slotCount()} memory arrays, updated in place
     * @param stepSize {@link Optimizer#stepSize} for this step
     */
    static void apply(Optimizer optimizer, float[] w, float[] g, float[][] memory, double stepSize, int n) {
        float lr = (float) stepSize;
        if (optimizer instanceof Optimizer.Sgd sgd) {
            if (sgd.momentum() == 0) {
                for (int i = 0; i < n; i++) {
                    w[i] -= lr * g[i];
                }
                return;
            }
            float mu = (float) sgd.momentum();
            float[] v = memory[0];
            for (int i = 0; i < n; i++) {
                v[i] = mu * v[i] - lr * g[i];
                w[i] += sgd.nesterov() ? mu * v[i] - lr * g[i] : v[i];
            }
        } else if (optimizer instanceof Optimizer.RmsProp rms) {
            float rho = (float) rms.rho();
            float eps = (float) rms.epsilon();
            float[] v = memory[0];
            for (int i = 0; i < n; i++) {
                v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                w[i] -= lr * g[i] / (float) Math.sqrt(v[i] + eps);
            }
        } else if (optimizer instanceof Optimizer.Adam adam) {
            float b1 = (float) (1 - adam.beta1());
            float b2 = (float) (1 - adam.beta2());
            float eps = (float) adam.epsilon();
            float[] m = memory[0];
            float[] v = memory[1];
            for (int i = 0; i < n; i++) {
                m[i] += (g[i] - m[i]) * b1;
                v[i] += (g[i] * g[i] - v[i]) * b2;
                w[i] -= lr * m[i] / ((float) Math.sqrt(v[i]) + eps);
            }
        } else {
            throw new IllegalArgumentException("no float32 update for " + optimizer.name());
        }
    }
}
