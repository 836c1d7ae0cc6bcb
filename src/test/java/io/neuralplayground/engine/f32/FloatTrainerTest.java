package io.neuralplayground.engine.f32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Backprop;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Initializer;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Rng;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The float32 engine against the double engine, which is checked by finite differences and by hand elsewhere:
 * the same network and batch give the same loss, gradients and steps, to float precision.
 */
class FloatTrainerTest {
    private static final int INPUTS = 6;
    private static final int CLASSES = 4;

    /** Examples with inputs in [0, 1] from a seeded generator, classes from the sign pattern of two sums. */
    record Toy(float[][] x, int[] t) implements ExampleSource {
        static Toy of(int n, long seed) {
            Rng rng = new Rng(seed);
            float[][] x = new float[n][INPUTS];
            int[] t = new int[n];
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < INPUTS; i++) {
                    x[r][i] = (float) rng.nextDouble();
                }
                t[r] = (x[r][0] + x[r][1] > 1 ? 2 : 0) + (x[r][2] > x[r][3] ? 1 : 0);
            }
            return new Toy(x, t);
        }

        @Override
        public int size() {
            return t.length;
        }

        @Override
        public int features() {
            return INPUTS;
        }

        @Override
        public int label(int example) {
            return t[example];
        }

        @Override
        public void copyInputs(int example, float[] into, int offset) {
            System.arraycopy(x[example], 0, into, offset, INPUTS);
        }
    }

    /** A 6-5-4-4 network, its weights Glorot-drawn and rounded to floats (so both engines start equal). */
    private static Network network(Activation hidden, long seed) {
        return network(new int[] {5, 4}, hidden, seed);
    }

    private static Network network(int[] widths, Activation hidden, long seed) {
        Network n = Network.of(INPUTS, widths, hidden, CLASSES, Activation.SOFTMAX);
        Initializer.GLOROT_UNIFORM.initialize(n, new Rng(seed));
        return FloatNetwork.of(n).toNetwork();
    }

    private static double[][] columns(Toy toy, int from, int rows) {
        double[][] x = new double[INPUTS][rows];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < INPUTS; i++) {
                x[i][r] = toy.x()[from + r][i];
            }
        }
        return x;
    }

    private static double[][] targets(Toy toy, int from, int rows) {
        double[][] t = new double[1][rows];
        for (int r = 0; r < rows; r++) {
            t[0][r] = toy.t()[from + r];
        }
        return t;
    }

    @ParameterizedTest(name = "hidden {0}")
    @ValueSource(strings = {"relu", "tanh", "sigmoid", "linear"})
    void oneSgdStepIsTheDoubleEnginesGradientStep(String activation) {
        Network start = network(Activation.byName(activation), 3);
        Toy toy = Toy.of(7, 11);
        double lr = 0.1;

        Backprop backprop = new Backprop(start.copy(), 7);
        double[][] x = columns(toy, 0, 7);
        double[][] t = targets(toy, 0, 7);
        backprop.forward(x, 7);
        double loss = backprop.lossSum(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, t, 7);
        backprop.backward(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, x, t, 7, false);

        for (Gemm gemm : new Gemm[] {new JavaGemm("test"), GemmTest.nativeKernel()}) {
            FloatNetwork net = FloatNetwork.of(start);
            FloatTrainer trainer = new FloatTrainer(net, gemm, Optimizer.sgd(), lr, 8);
            double floatLoss = trainer.trainBatch(toy, null, 0, 7);
            assertThat(floatLoss).as("loss sum").isCloseTo(loss, within(1e-5 * 7));
            for (int l = 0; l < start.depth(); l++) {
                DenseLayer before = start.layer(l);
                FloatLayer after = net.layer(l);
                double[] g = backprop.gradKernel(l);
                for (int i = 0; i < before.inputs(); i++) {
                    for (int j = 0; j < before.units(); j++) {
                        double step = (before.weight(i, j) - after.weight(i, j)) / lr;
                        assertThat(step).as("%s ∂L/∂K%d[%d][%d]", gemm.description(), l, i, j)
                                .isCloseTo(g[i * before.units() + j], within(2e-6 / lr + 1e-5));
                    }
                }
                for (int j = 0; j < before.units(); j++) {
                    double step = (before.bias(j) - after.bias(j)) / lr;
                    assertThat(step).as("∂L/∂b%d[%d]", l, j).isCloseTo(backprop.gradBias(l)[j],
                            within(2e-6 / lr + 1e-5));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"momentum", "nesterov", "rmsprop", "adam"})
    void otherOptimizersTakeTheDoubleEnginesStepsToo(String name) {
        Optimizer optimizer = Optimizer.byName(name);
        Network start = network(Activation.RELU, 5);
        Toy toy = Toy.of(24, 13);
        double lr = 0.01;
        // The double engine: three steps of the optimizer on the same three batches of 8.
        Network reference = start.copy();
        Backprop backprop = new Backprop(reference, 8);
        double[][][][] memory = new double[start.depth()][2][optimizer.slotCount()][];
        for (int l = 0; l < start.depth(); l++) {
            for (int s = 0; s < optimizer.slotCount(); s++) {
                memory[l][0][s] = new double[start.layer(l).inputs() * start.layer(l).units()];
                memory[l][1][s] = new double[start.layer(l).units()];
            }
        }
        FloatNetwork net = FloatNetwork.of(start);
        FloatTrainer trainer = new FloatTrainer(net, GemmTest.nativeKernel(), optimizer, lr, 8);
        for (int step = 0; step < 3; step++) {
            double[][] x = columns(toy, step * 8, 8);
            double[][] t = targets(toy, step * 8, 8);
            backprop.forward(x, 8);
            backprop.backward(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, x, t, 8, false);
            double stepSize = optimizer.stepSize(lr, step + 1);
            for (int l = 0; l < reference.depth(); l++) {
                DenseLayer layer = reference.layer(l);
                double[] w = flat(layer.kernelCopy());
                double[] b = layer.biasCopy();
                optimizer.update(w, backprop.gradKernel(l), memory[l][0], stepSize);
                optimizer.update(b, backprop.gradBias(l), memory[l][1], stepSize);
                for (int i = 0; i < layer.inputs(); i++) {
                    for (int j = 0; j < layer.units(); j++) {
                        layer.setWeight(i, j, w[i * layer.units() + j]);
                    }
                }
                for (int j = 0; j < layer.units(); j++) {
                    layer.setBias(j, b[j]);
                }
            }
            trainer.trainBatch(toy, null, step * 8, 8);
        }
        for (int l = 0; l < start.depth(); l++) {
            for (int i = 0; i < start.layer(l).inputs(); i++) {
                for (int j = 0; j < start.layer(l).units(); j++) {
                    assertThat((double) net.layer(l).weight(i, j)).as("%s K%d[%d][%d]", name, l, i, j)
                            .isCloseTo(reference.layer(l).weight(i, j), within(2e-5));
                }
            }
        }
        assertThat(trainer.steps()).isEqualTo(3);
    }

    private static double[] flat(double[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    @Test
    void anEpochLearnsAndTheSameSeedGivesTheSameWeightsBitForBit() {
        Toy train = Toy.of(2000, 1);
        Toy test = Toy.of(500, 2);
        float[][] kernels = new float[2][];
        for (int run = 0; run < 2; run++) {
            FloatNetwork net = FloatNetwork.of(network(new int[] {32}, Activation.RELU, 9));
            FloatTrainer trainer = new FloatTrainer(net, GemmTest.nativeKernel(), Optimizer.adam(), 0.01, 32);
            Rng shuffle = new Rng(42);
            int[] order = java.util.stream.IntStream.range(0, train.size()).toArray();
            FloatTrainer.EpochTotals last = null;
            for (int epoch = 0; epoch < 30; epoch++) {
                shuffle.shuffle(order);
                last = trainer.trainEpoch(train, order, null);
            }
            assertThat(last.examples()).isEqualTo(2000);
            FloatTrainer.Evaluation seen = trainer.evaluate(test, null, null);
            assertThat(seen.accuracy()).as("test accuracy after 30 epochs").isGreaterThan(0.9);
            assertThat(last.accuracy()).isGreaterThan(0.85);
            kernels[run] = net.layer(0).kernelCopy();
        }
        assertThat(kernels[1]).isEqualTo(kernels[0]);
    }

    @Test
    void aListenerCanStopAnEpochAndEvaluationFillsProbabilities() {
        Toy train = Toy.of(100, 4);
        FloatTrainer trainer = new FloatTrainer(FloatNetwork.of(network(Activation.TANH, 1)), new JavaGemm("test"),
                Optimizer.sgd(), 0.1, 10);
        FloatTrainer.EpochTotals part = trainer.trainEpoch(train, null, (done, loss, correct) -> done < 30);
        assertThat(part.examples()).isEqualTo(30);
        float[] p = new float[100 * CLASSES];
        int[] predicted = new int[100];
        FloatTrainer.Evaluation e = trainer.evaluate(train, p, predicted);
        for (int r = 0; r < 100; r++) {
            float sum = 0;
            int best = 0;
            for (int j = 0; j < CLASSES; j++) {
                sum += p[r * CLASSES + j];
                best = p[r * CLASSES + j] > p[r * CLASSES + best] ? j : best;
            }
            assertThat((double) sum).isCloseTo(1, within(1e-5));
            assertThat(predicted[r]).isEqualTo(best);
        }
        long right = java.util.stream.IntStream.range(0, 100).filter(r -> predicted[r] == train.t()[r]).count();
        assertThat(e.accuracy()).isEqualTo(right / 100.0);
    }

    @Test
    void shapesTheEngineCannotTrainAreRefused() {
        assertThatThrownBy(() -> new FloatLayer(3, 2, Activation.ELU)).hasMessageContaining("no elu");
        assertThatThrownBy(() -> new FloatNetwork(3, List.of(new FloatLayer(3, 2, Activation.RELU))))
                .hasMessageContaining("output is a softmax");
        assertThatThrownBy(() -> new FloatNetwork(3, List.of(new FloatLayer(3, 4, Activation.SOFTMAX),
                new FloatLayer(4, 2, Activation.SOFTMAX)))).hasMessageContaining("only for the output");
        FloatTrainer trainer = new FloatTrainer(FloatNetwork.of(network(Activation.RELU, 1)), new JavaGemm("t"),
                Optimizer.sgd(), 0.1, 4);
        assertThatThrownBy(() -> trainer.trainBatch(Toy.of(10, 1), null, 0, 5)).hasMessageContaining("1 to 4");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sgd", "adam"})
    void trainingAllocatesNothingPerBatch(String name) {
        Toy train = Toy.of(3200, 8);
        FloatTrainer trainer = new FloatTrainer(FloatNetwork.of(network(new int[] {32}, Activation.RELU, 2)),
                GemmTest.nativeKernel(), Optimizer.byName(name), 0.01, 32);
        int[] order = java.util.stream.IntStream.range(0, train.size()).toArray();
        // Warm up: the JIT compiles, the kernel loads.
        trainer.trainEpoch(train, order, null);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int from = 0; from < train.size(); from += 32) {
            trainer.trainBatch(train, order, from, 32);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        // 100 batches: a byte per batch would already be 100; allow a little for the measurement itself.
        assertThat(allocated).as("bytes allocated by 100 batches").isLessThan(2_000);
    }
}
