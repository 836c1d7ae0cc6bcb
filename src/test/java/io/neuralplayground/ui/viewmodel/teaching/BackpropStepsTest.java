package io.neuralplayground.ui.viewmodel.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralplayground.cli.Cli;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.BackpropTrace;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Regularization;
import io.neuralplayground.engine.Rng;
import io.neuralplayground.engine.Samples;
import io.neuralplayground.engine.TargetEncoding;
import io.neuralplayground.engine.Trainer;
import io.neuralplayground.engine.TrainingConfig;
import io.neuralplayground.ui.viewmodel.teaching.BackpropStep.Kind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The stepper's steps: every number from the trace, the textbook's hand computation, softmax, layouts, minibatches. */
class BackpropStepsTest {

    // ---- networks ----

    /** Mazur's 2-2-2 sigmoid network, written out here as the textbook gives it (w1 … w8, b1, b2). */
    static Network mazur() {
        DenseLayer hidden = new DenseLayer(new double[][] {{0.15, 0.25}, {0.20, 0.30}}, new double[] {0.35, 0.35},
                Activation.SIGMOID);
        DenseLayer output = new DenseLayer(new double[][] {{0.40, 0.50}, {0.45, 0.55}}, new double[] {0.60, 0.60},
                Activation.SIGMOID);
        return new Network(2, List.of(hidden, output));
    }

    /** A network of the given widths with random parameters in [−1, 1). */
    static Network random(long seed, int inputs, int[] widths, Activation[] activations) {
        Random rnd = new Random(seed);
        List<DenseLayer> layers = new ArrayList<>();
        int in = inputs;
        for (int l = 0; l < widths.length; l++) {
            double[][] k = new double[in][widths[l]];
            double[] b = new double[widths[l]];
            for (double[] row : k) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = rnd.nextDouble() * 2 - 1;
                }
            }
            for (int j = 0; j < b.length; j++) {
                b[j] = rnd.nextDouble() * 2 - 1;
            }
            layers.add(new DenseLayer(k, b, activations[l]));
            in = widths[l];
        }
        return new Network(inputs, layers);
    }

    static TeachingNetwork teaching(Network n, Loss loss, double rate) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n.inputs(); i++) {
            names.add("x" + i);
        }
        return new TeachingNetwork(n, names, loss, rate, "test", false);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("mazur 2-2-2, one example", teaching(mazur(), Loss.HALF_SQUARED_ERROR, 0.5),
                        Examples.one(new double[] {0.05, 0.10}, new double[] {0.01, 0.99})),
                Arguments.of("2-4-2-1 tanh, one example",
                        teaching(random(1, 2, new int[] {4, 2, 1}, new Activation[] {Activation.TANH,
                            Activation.TANH, Activation.TANH}), Loss.HALF_SQUARED_ERROR, 0.03),
                        Examples.one(new double[] {1.5, -2}, new double[] {1})),
                Arguments.of("3-4-3 relu/softmax, categorical cross-entropy, minibatch of 3",
                        teaching(random(2, 3, new int[] {4, 3}, new Activation[] {Activation.RELU,
                            Activation.SOFTMAX}), Loss.CATEGORICAL_CROSSENTROPY, 0.1),
                        new Examples(new double[][] {{0.1, 0.2, 0.3}, {-1, 0.5, 2}, {0.7, -0.7, 0}},
                                new double[][] {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}})),
                Arguments.of("2-3-2 elu/sigmoid, binary cross-entropy, minibatch of 4",
                        teaching(random(3, 2, new int[] {3, 2}, new Activation[] {Activation.ELU,
                            Activation.SIGMOID}), Loss.BINARY_CROSSENTROPY, 0.3),
                        new Examples(new double[][] {{0.1, 0.2}, {-1, 0.5}, {0.7, -0.7}, {2, 2}},
                                new double[][] {{1, 0}, {0, 1}, {0, 0}, {1, 1}})),
                Arguments.of("2-3-3 leaky/softmax, half squared error, minibatch of 2",
                        teaching(random(4, 2, new int[] {3, 3}, new Activation[] {Activation.LEAKY_RELU,
                            Activation.SOFTMAX}), Loss.HALF_SQUARED_ERROR, 0.3),
                        new Examples(new double[][] {{0.1, 0.2}, {-1, 0.5}}, new double[][] {{1, 0, 0}, {0, 0, 1}})),
                Arguments.of("2-2-3 linear/softmax, sparse categorical cross-entropy, one example",
                        teaching(random(5, 2, new int[] {2, 3}, new Activation[] {Activation.LINEAR,
                            Activation.SOFTMAX}), Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 0.3),
                        Examples.one(new double[] {0.3, -0.4}, new double[] {2})));
    }

    // ---- helpers ----

    static double[][] rows(DMatrixRMaj m) {
        double[][] r = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                r[i][j] = m.get(i, j);
            }
        }
        return r;
    }

    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    /** A matrix of the trace (rows are examples, or a kernel) as the layout writes it. */
    static double[][] inLayout(DMatrixRMaj m, MatrixLayout layout) {
        return layout == MatrixLayout.TEXTBOOK ? transpose(rows(m)) : rows(m);
    }

    static void assertBitForBit(double[][] actual, double[][] expected, String what) {
        assertThat(actual.length).as(what + " rows").isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].length).as(what + " columns").isEqualTo(expected[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(Double.doubleToLongBits(actual[i][j])).as("%s[%d][%d]: %s vs %s", what, i, j,
                        actual[i][j], expected[i][j]).isEqualTo(Double.doubleToLongBits(expected[i][j]));
            }
        }
    }

    static BackpropStep step(BackpropSteps steps, Kind kind, int layer) {
        int i = steps.indexOf(kind, layer);
        assertThat(i).as("%s of layer %d", kind, layer).isNotNegative();
        return steps.step(i);
    }

    // ---- every number from the trace ----

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyResultIsTheTracesNumberBitForBitInBothLayouts(String name, TeachingNetwork net, Examples ex) {
        // An independent trace of the same network and examples.
        BackpropTrace trace = BackpropTrace.of(net.network(), net.loss(), ex.inputs(), ex.targets());
        int depth = net.network().depth();
        for (MatrixLayout layout : MatrixLayout.values()) {
            BackpropSteps steps = BackpropSteps.of(net, ex, layout);
            int expectedCount = 2 * depth + 2 + 3 * depth + (depth - 1) + 2 * depth;
            assertThat(steps.size()).isEqualTo(expectedCount);
            for (int k = 1; k <= depth; k++) {
                BackpropTrace.LayerForward f = trace.forward().get(k - 1);
                BackpropTrace.LayerBackward b = trace.backward().get(depth - k);
                assertBitForBit(step(steps, Kind.FORWARD_A, k).result().values(), inLayout(f.a(), layout), "a");
                assertBitForBit(step(steps, Kind.FORWARD_H, k).result().values(), inLayout(f.h(), layout), "h");
                assertBitForBit(step(steps, Kind.G_ACTIVATION, k).result().values(), inLayout(b.gA(), layout),
                        "g_a");
                assertBitForBit(step(steps, Kind.GRAD_BIAS, k).result().values(), inLayout(b.gradBias(), layout),
                        "grad_bias");
                assertBitForBit(step(steps, Kind.GRAD_WEIGHTS, k).result().values(),
                        inLayout(b.gradKernel(), layout), "grad_kernel");
                if (k > 1) {
                    assertBitForBit(step(steps, Kind.G_PROPAGATE, k).result().values(), inLayout(b.gOut(), layout),
                            "g_out");
                }
            }
            assertThat(step(steps, Kind.LOSS, depth).result().get(0, 0)).isEqualTo(trace.meanLoss());
            assertBitForBit(step(steps, Kind.G_LOSS, depth).result().values(),
                    inLayout(trace.backward().get(0).gIn(), layout), "g_in");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theUpdateIsTheTrainersSgdStepBitForBit(String name, TeachingNetwork net, Examples ex) {
        BackpropSteps steps = BackpropSteps.of(net, ex, MatrixLayout.KERAS);
        Network trained = net.copyOfNetwork();
        TrainingConfig config = new TrainingConfig(net.loss(), Optimizer.sgd(), net.learningRate(), ex.count(),
                Regularization.NONE, false, TargetEncoding.VALUE);
        int columns = net.loss().targetColumns(trained.outputs());
        new Trainer(trained, Samples.ofRows(ex.inputs(), ex.targets()), Samples.empty(trained.inputs(), columns),
                config, new Rng(1)).runEpoch();
        Network updated = steps.updatedNetwork();
        for (int l = 0; l < trained.depth(); l++) {
            assertBitForBit(updated.layer(l).kernelCopy(), trained.layer(l).kernelCopy(), "kernel " + l);
            assertBitForBit(new double[][] {updated.layer(l).biasCopy()},
                    new double[][] {trained.layer(l).biasCopy()}, "bias " + l);
            int k = l + 1;
            BackpropStep w = steps.steps().stream()
                    .filter(s -> s.kind() == Kind.UPDATE && s.updatesWeights() && s.layer() == k)
                    .findFirst().orElseThrow();
            assertBitForBit(w.after().values(), trained.layer(l).kernelCopy(), "update step, kernel " + l);
            assertBitForBit(w.before().values(), net.network().layer(l).kernelCopy(), "old kernel " + l);
        }
    }

    @Test
    void theStepperAgreesWithTheTraceCommandToTheLastDigit() throws Exception {
        StringWriter out = new StringWriter();
        int exit = Cli.run(new String[] {"trace", "--model", "resources/examples/textbook-2-2-2.json", "--input",
            "0.05,0.1;0.3,-0.2", "--target", "0.01,0.99;1,0"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        BackpropSteps steps = BackpropSteps.of(teaching(BundledExample.read().network(), Loss.HALF_SQUARED_ERROR, 0.5),
                new Examples(new double[][] {{0.05, 0.1}, {0.3, -0.2}}, new double[][] {{0.01, 0.99}, {1, 0}}),
                MatrixLayout.KERAS);
        assertThat(step(steps, Kind.LOSS, 2).result().get(0, 0)).isEqualTo(json.get("loss").asDouble());
        for (int k = 1; k <= 2; k++) {
            JsonNode f = json.at("/forward/" + (k - 1));
            JsonNode b = json.at("/backward/" + (2 - k));
            assertEqualsJson(step(steps, Kind.FORWARD_A, k).result(), f.get("a"));
            assertEqualsJson(step(steps, Kind.FORWARD_H, k).result(), f.get("h"));
            assertEqualsJson(step(steps, Kind.G_ACTIVATION, k).result(), b.get("g_a"));
            assertEqualsJson(step(steps, Kind.GRAD_WEIGHTS, k).result(), b.get("grad_kernel"));
            assertThat(step(steps, Kind.GRAD_BIAS, k).result().get(0, 1)).isEqualTo(b.get("grad_bias").get(1)
                    .asDouble());
        }
    }

    private static void assertEqualsJson(Term term, JsonNode matrix) {
        for (int r = 0; r < term.rows(); r++) {
            for (int c = 0; c < term.columns(); c++) {
                assertThat(term.get(r, c)).as(term.symbol()).isEqualTo(matrix.get(r).get(c).asDouble());
            }
        }
    }

    // ---- the textbook's hand computation ----

    @Test
    void mazursHandComputedNumbersStepByStep() {
        TeachingNetwork net = teaching(mazur(), Loss.HALF_SQUARED_ERROR, 0.5);
        BackpropSteps steps = BackpropSteps.of(net, Examples.one(new double[] {0.05, 0.10}, new double[] {0.01, 0.99}),
                MatrixLayout.TEXTBOOK);
        List<Kind> order = steps.steps().stream().map(BackpropStep::kind).toList();
        assertThat(order).containsExactly(Kind.FORWARD_A, Kind.FORWARD_H, Kind.FORWARD_A, Kind.FORWARD_H, Kind.LOSS,
                Kind.G_LOSS, Kind.G_ACTIVATION, Kind.GRAD_BIAS, Kind.GRAD_WEIGHTS, Kind.G_PROPAGATE,
                Kind.G_ACTIVATION, Kind.GRAD_BIAS, Kind.GRAD_WEIGHTS, Kind.UPDATE, Kind.UPDATE, Kind.UPDATE,
                Kind.UPDATE);

        BackpropStep a1 = steps.step(0);
        assertThat(a1.formula()).isEqualTo("a(1) = W(1)·h(0) + b(1)");
        // net_h1 = w1·i1 + w2·i2 + b1 = 0.15·0.05 + 0.2·0.1 + 0.35
        assertThat(a1.result().get(0, 0)).isCloseTo(0.3775, within(1e-15));
        // W(1) as the textbook writes it: row j holds the weights into neuron j (w1, w2 / w3, w4).
        Term w1 = ((FormulaPart.Matrix) a1.numbers().get(0)).term();
        assertThat(w1.symbol()).isEqualTo("W(1)");
        assertThat(w1.values()).isDeepEqualTo(new double[][] {{0.15, 0.20}, {0.25, 0.30}});

        BackpropStep h1 = steps.step(1);
        assertThat(h1.formula()).isEqualTo("h(1) = σ(a(1))");
        assertThat(h1.result().get(0, 0)).isCloseTo(0.593269992, within(1e-9)); // out_h1
        assertThat(h1.result().get(1, 0)).isCloseTo(0.596884378, within(1e-9)); // out_h2
        assertThat(steps.step(2).result().get(0, 0)).isCloseTo(1.105905967, within(1e-9)); // net_o1
        assertThat(steps.step(3).result().get(0, 0)).isCloseTo(0.75136507, within(1e-8)); // out_o1
        assertThat(steps.step(3).result().get(1, 0)).isCloseTo(0.772928465, within(1e-9)); // out_o2

        BackpropStep loss = steps.step(4);
        assertThat(loss.formula()).isEqualTo("L(y, t) = ½ Σ_j (y_j − t_j)²");
        assertThat(loss.result().get(0, 0)).isCloseTo(0.298371109, within(1e-9)); // E_total

        BackpropStep g = steps.step(5);
        assertThat(g.formula()).isEqualTo("g ← ∇_y L(y, t) = y − t");
        assertThat(g.result().get(0, 0)).isCloseTo(0.74136507, within(1e-8)); // ∂E/∂out_o1

        BackpropStep ga = steps.step(6);
        assertThat(ga.formula()).isEqualTo("g ← g ⊙ σ'(a(2))");
        // ∂out_o1/∂net_o1 = out_o1(1 − out_o1) = 0.186815602, shown as the middle factor
        Term sigmaPrime = ((FormulaPart.Matrix) ga.numbers().get(2)).term();
        assertThat(sigmaPrime.get(0, 0)).isCloseTo(0.186815602, within(1e-9));
        assertThat(ga.result().get(0, 0)).isCloseTo(0.74136507 * 0.186815602, within(1e-9));

        BackpropStep gw2 = steps.step(8);
        assertThat(gw2.formula()).isEqualTo("∇W(2) = g·h(1)ᵀ");
        assertThat(gw2.result().get(0, 0)).isCloseTo(0.082167041, within(1e-9)); // ∂E/∂w5
        assertThat(gw2.highlight().links()).isEqualTo(2);
        assertThat(gw2.highlight().linkLabels()[0][0]).isCloseTo(0.082167041, within(1e-9));

        BackpropStep back = steps.step(9);
        assertThat(back.formula()).isEqualTo("g ← W(2)ᵀ·g");
        assertThat(back.result().get(0, 0)).isCloseTo(0.036350306, within(1e-9)); // ∂E_total/∂out_h1

        assertThat(steps.step(12).formula()).isEqualTo("∇W(1) = g·h(0)ᵀ");
        assertThat(steps.step(12).result().get(0, 0)).isCloseTo(0.000438568, within(1e-9)); // ∂E/∂w1

        BackpropStep update = steps.step(13);
        assertThat(update.formula()).isEqualTo("W(2) ← W(2) − α·∇W(2),  α = 0.5");
        assertThat(update.before().get(0, 0)).isEqualTo(0.40); // w5
        assertThat(update.after().get(0, 0)).isCloseTo(0.35891648, within(1e-8)); // w5⁺
        assertThat(update.after().get(0, 1)).isCloseTo(0.408666186, within(1e-9)); // w6⁺
        assertThat(update.after().get(1, 0)).isCloseTo(0.511301270, within(1e-9)); // w7⁺
        assertThat(update.after().get(1, 1)).isCloseTo(0.561370121, within(1e-9)); // w8⁺
        BackpropStep w1Update = steps.step(15);
        assertThat(w1Update.after().get(0, 0)).isCloseTo(0.149780716, within(1e-9)); // w1⁺
        assertThat(w1Update.after().get(1, 1)).isCloseTo(0.29950229, within(1e-8)); // w4⁺
    }

    @Test
    void aHandComputedTwoTwoTwoSigmoidExample() {
        // Another 2-2-2 sigmoid network, every number worked out here from the definitions.
        double[][] k1 = {{0.1, -0.2}, {0.3, 0.4}};
        double[] b1 = {0.0, 0.1};
        double[][] k2 = {{0.5, -0.6}, {0.7, 0.8}};
        double[] b2 = {-0.1, 0.2};
        Network n = new Network(2, List.of(new DenseLayer(k1, b1, Activation.SIGMOID),
                new DenseLayer(k2, b2, Activation.SIGMOID)));
        double[] x = {1.0, 2.0};
        double[] t = {1.0, 0.0};
        double alpha = 0.25;
        BackpropSteps steps = BackpropSteps.of(teaching(n, Loss.HALF_SQUARED_ERROR, alpha), Examples.one(x, t),
                MatrixLayout.TEXTBOOK);

        double a11 = 0.1 * 1 + 0.3 * 2 + 0.0; // 0.7
        double a12 = -0.2 * 1 + 0.4 * 2 + 0.1; // 0.7
        double h11 = 1 / (1 + Math.exp(-a11));
        double h12 = 1 / (1 + Math.exp(-a12));
        double a21 = 0.5 * h11 + 0.7 * h12 - 0.1;
        double a22 = -0.6 * h11 + 0.8 * h12 + 0.2;
        double y1 = 1 / (1 + Math.exp(-a21));
        double y2 = 1 / (1 + Math.exp(-a22));
        double loss = 0.5 * ((y1 - 1) * (y1 - 1) + y2 * y2);
        double d1 = (y1 - 1) * y1 * (1 - y1);
        double d2 = y2 * y2 * (1 - y2);
        double e1 = (0.5 * d1 + -0.6 * d2) * h11 * (1 - h11);
        double e2 = (0.7 * d1 + 0.8 * d2) * h12 * (1 - h12);

        assertThat(step(steps, Kind.FORWARD_A, 1).result().get(0, 0)).isCloseTo(a11, within(1e-15));
        assertThat(step(steps, Kind.FORWARD_A, 1).result().get(1, 0)).isCloseTo(a12, within(1e-15));
        assertThat(step(steps, Kind.FORWARD_H, 2).result().get(0, 0)).isCloseTo(y1, within(1e-15));
        assertThat(step(steps, Kind.FORWARD_H, 2).result().get(1, 0)).isCloseTo(y2, within(1e-15));
        assertThat(step(steps, Kind.LOSS, 2).result().get(0, 0)).isCloseTo(loss, within(1e-15));
        assertThat(step(steps, Kind.G_ACTIVATION, 2).result().get(1, 0)).isCloseTo(d2, within(1e-15));
        Term gw2 = step(steps, Kind.GRAD_WEIGHTS, 2).result();
        assertThat(gw2.get(0, 1)).isCloseTo(d1 * h12, within(1e-15)); // W(2) row 1 = neuron 1, column 2 = h12
        assertThat(gw2.get(1, 0)).isCloseTo(d2 * h11, within(1e-15));
        assertThat(step(steps, Kind.GRAD_BIAS, 1).result().get(1, 0)).isCloseTo(e2, within(1e-15));
        Term gw1 = step(steps, Kind.GRAD_WEIGHTS, 1).result();
        assertThat(gw1.get(0, 1)).isCloseTo(e1 * 2.0, within(1e-15));
        BackpropStep updateW1 = steps.steps().stream()
                .filter(s -> s.kind() == Kind.UPDATE && s.layer() == 1 && s.updatesWeights()).findFirst().orElseThrow();
        // W(1)[unit 1][input 0] is K(1)[0][1] = −0.2.
        assertThat(updateW1.after().get(1, 0)).isCloseTo(-0.2 - alpha * e2 * 1.0, within(1e-15));
        BackpropStep updateB2 = steps.steps().stream()
                .filter(s -> s.kind() == Kind.UPDATE && s.layer() == 2 && !s.updatesWeights()).findFirst().orElseThrow();
        assertThat(updateB2.after().get(0, 0)).isCloseTo(-0.1 - alpha * d1, within(1e-15));
    }

    // ---- softmax ----

    @Test
    void softmaxStepIsTheJacobianTimesG() {
        Network n = random(7, 2, new int[] {3, 4}, new Activation[] {Activation.TANH, Activation.SOFTMAX});
        Examples ex = Examples.one(new double[] {0.4, -1.2}, new double[] {0, 1, 0, 0});
        // Half squared error: the loss is not fused with softmax, the trace multiplies by the Jacobian itself.
        BackpropSteps steps = BackpropSteps.of(teaching(n, Loss.HALF_SQUARED_ERROR, 0.1), ex, MatrixLayout.TEXTBOOK);
        BackpropStep s = step(steps, Kind.G_ACTIVATION, 2);
        assertThat(s.formula()).isEqualTo("g ← Jᵀ·g,  J = ∂h/∂a = diag(y) − y·yᵀ");
        double[] y = column(step(steps, Kind.FORWARD_H, 2).result(), 0);
        double[] g = column(step(steps, Kind.G_LOSS, 2).result(), 0);
        double[][] j = explicitJacobian(y);
        double[] jtg = transposeTimes(j, g);
        for (int i = 0; i < 4; i++) {
            assertThat(s.result().get(i, 0)).isCloseTo(jtg[i], within(1e-15));
        }
        Term shown = ((FormulaPart.Matrix) s.numbers().get(0)).term();
        assertThat(shown.symbol()).isEqualTo("Jᵀ = J");
        assertThat(shown.values()).isDeepEqualTo(j);
    }

    @Test
    void softmaxWithCategoricalCrossEntropyShowsTheJacobianAndYMinusT() {
        Network n = random(8, 2, new int[] {3}, new Activation[] {Activation.SOFTMAX});
        Examples ex = Examples.one(new double[] {0.4, -1.2}, new double[] {0, 0, 1});
        BackpropSteps steps = BackpropSteps.of(teaching(n, Loss.CATEGORICAL_CROSSENTROPY, 0.1), ex,
                MatrixLayout.TEXTBOOK);
        BackpropStep s = step(steps, Kind.G_ACTIVATION, 1);
        assertThat(s.formula()).isEqualTo("g ← Jᵀ·g = y − t,  J = ∂h/∂a = diag(y) − y·yᵀ");
        assertThat(s.note()).contains("simplifies to y − t");
        double[] y = column(step(steps, Kind.FORWARD_H, 1).result(), 0);
        double[] g = column(step(steps, Kind.G_LOSS, 1).result(), 0);
        double[] jtg = transposeTimes(explicitJacobian(y), g);
        for (int i = 0; i < 3; i++) {
            // The fused form y − t exactly, and the Jacobian product to rounding.
            assertThat(s.result().get(i, 0)).isEqualTo(y[i] - (i == 2 ? 1 : 0));
            assertThat(s.result().get(i, 0)).isCloseTo(jtg[i], within(1e-15));
        }
        // Both the Jacobian product and y − t are written out.
        long matrices = s.numbers().stream().filter(p -> p instanceof FormulaPart.Matrix).count();
        assertThat(matrices).isEqualTo(5); // J, g, y, t, result
    }

    @Test
    void theNotesOfAFusedPairSayHowKerasComputesIt() {
        Network softmax = random(8, 2, new int[] {3}, new Activation[] {Activation.SOFTMAX});
        Examples oneHot = Examples.one(new double[] {0.4, -1.2}, new double[] {0, 0, 1});
        assertThat(step(BackpropSteps.of(teaching(softmax, Loss.CATEGORICAL_CROSSENTROPY, 0.1), oneHot,
                MatrixLayout.TEXTBOOK), Kind.G_ACTIVATION, 1).note()).endsWith(" With categorical_crossentropy the"
                        + " product simplifies to y − t; Keras computes it this way, from the logits (for targets that"
                        + " do not sum to 1: (Σt)·y − t).");
        BackpropSteps sparse = BackpropSteps.of(teaching(softmax, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 0.1),
                Examples.one(new double[] {0.4, -1.2}, new double[] {2}), MatrixLayout.KERAS);
        assertThat(step(sparse, Kind.G_ACTIVATION, 1).formula()).startsWith("g ← g·J = y − e_c,");
        assertThat(step(sparse, Kind.G_ACTIVATION, 1).note()).endsWith(" With sparse_categorical_crossentropy the"
                + " product simplifies to y − e_c (e_c: 1 at the target class c); Keras computes it this way, from the"
                + " logits.");

        Network sigmoid = random(8, 2, new int[] {3}, new Activation[] {Activation.SIGMOID});
        BackpropSteps binary = BackpropSteps.of(teaching(sigmoid, Loss.BINARY_CROSSENTROPY, 0.1), oneHot,
                MatrixLayout.TEXTBOOK);
        assertThat(step(binary, Kind.G_ACTIVATION, 1).formula()).endsWith(" = (y − t)/n");
        assertThat(step(binary, Kind.G_ACTIVATION, 1).note()).isEqualTo("binary_crossentropy after sigmoid: the two"
                + " simplify, g ⊙ σ'(a) = (y − t)/n with n = 3 outputs. Keras computes it this way, from the logits, so"
                + " it never divides by y(1 − y).");
        assertThat(step(binary, Kind.G_LOSS, 1).note()).endsWith(" n = 3 outputs.");
        assertThat(step(BackpropSteps.of(teaching(sigmoid, Loss.HALF_SQUARED_ERROR, 0.1), oneHot,
                MatrixLayout.TEXTBOOK), Kind.G_LOSS, 1).note()).doesNotContain("n = ");
    }

    @Test
    void aMinibatchThroughSoftmaxHasOneJacobianPerExample() {
        Network n = random(9, 2, new int[] {3}, new Activation[] {Activation.SOFTMAX});
        Examples ex = new Examples(new double[][] {{0.4, -1.2}, {1, 1}}, new double[][] {{1, 0, 0}, {0, 1, 0}});
        BackpropSteps steps = BackpropSteps.of(teaching(n, Loss.MEAN_SQUARED_ERROR, 0.1), ex, MatrixLayout.KERAS);
        BackpropStep s = step(steps, Kind.G_ACTIVATION, 1);
        Term g = step(steps, Kind.G_LOSS, 1).result();
        Term y = step(steps, Kind.FORWARD_H, 1).result();
        for (int r = 0; r < 2; r++) {
            double[][] j = explicitJacobian(y.values()[r]);
            Term shown = ((FormulaPart.Matrix) s.numbers().get(r)).term();
            assertThat(shown.symbol()).isEqualTo("J_" + (r + 1));
            assertThat(shown.values()).isDeepEqualTo(j);
            double[] jtg = transposeTimes(j, g.values()[r]);
            for (int i = 0; i < 3; i++) {
                assertThat(s.result().get(r, i)).isCloseTo(jtg[i], within(1e-15));
            }
        }
    }

    private static double[][] explicitJacobian(double[] y) {
        int n = y.length;
        double[][] j = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                // ∂y_a/∂z_b = y_a(δ_ab − y_b)
                j[a][b] = (a == b ? y[a] : 0) - y[a] * y[b];
            }
        }
        return j;
    }

    private static double[] transposeTimes(double[][] j, double[] g) {
        double[] out = new double[g.length];
        for (int b = 0; b < g.length; b++) {
            for (int a = 0; a < g.length; a++) {
                out[b] += j[a][b] * g[a];
            }
        }
        return out;
    }

    private static double[] column(Term t, int c) {
        double[] v = new double[t.rows()];
        for (int r = 0; r < t.rows(); r++) {
            v[r] = t.get(r, c);
        }
        return v;
    }

    // ---- layouts and minibatches ----

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theKerasLayoutIsTheTextbookLayoutTransposed(String name, TeachingNetwork net, Examples ex) {
        BackpropSteps textbook = BackpropSteps.of(net, ex, MatrixLayout.TEXTBOOK);
        BackpropSteps keras = textbook.inLayout(MatrixLayout.KERAS);
        assertThat(keras.size()).isEqualTo(textbook.size());
        for (int i = 0; i < textbook.size(); i++) {
            BackpropStep t = textbook.step(i);
            BackpropStep k = keras.step(i);
            assertThat(k.kind()).isEqualTo(t.kind());
            assertThat(k.result().values()).isDeepEqualTo(transpose(t.result().values()));
            List<Term> tm = matrices(t);
            List<Term> km = matrices(k);
            assertThat(km).hasSameSizeAs(tm);
        }
        BackpropStep wT = step(textbook, Kind.FORWARD_A, 1);
        BackpropStep wK = step(keras, Kind.FORWARD_A, 1);
        assertThat(wT.formula()).endsWith("W(1)·" + (ex.count() > 1 ? "H(0)" : "h(0)") + " + b(1)");
        assertThat(wK.formula()).contains("·K(1) + b(1)");
        Term w = matrices(wT).get(0);
        Term kernel = matrices(wK).get(1);
        assertThat(w.caption()).isEqualTo("units × inputs, textbook");
        assertThat(kernel.caption()).isEqualTo("inputs × units, Keras' get_weights()");
        assertThat(kernel.values()).isDeepEqualTo(net.network().layer(0).kernelCopy());
        assertThat(w.values()).isDeepEqualTo(transpose(kernel.values()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachNotationFindsTheFirstExampleWhereItWritesIt(String name, TeachingNetwork net, Examples ex) {
        BackpropTrace trace = BackpropTrace.of(net.network(), net.loss(), ex.inputs(), ex.targets());
        for (MatrixLayout layout : MatrixLayout.values()) {
            BackpropSteps steps = BackpropSteps.of(net, ex, layout);
            assertThat(steps.notation()).isEqualTo(Notation.of(layout));
            for (int k = 1; k <= net.network().depth(); k++) {
                double[][] a = step(steps, Kind.FORWARD_A, k).result().values();
                // The trace's rows are examples, whatever the layout shows.
                assertThat(steps.notation().firstExample(a)).as("%s: a(%d) of example 1", layout, k)
                        .isEqualTo(rows(trace.forward().get(k - 1).a())[0]);
            }
        }
        assertThat(Notation.of(MatrixLayout.TEXTBOOK).firstExample(new double[][] {{1, 2}, {3, 4}, {5, 6}}))
                .as("a column of the textbook").containsExactly(1, 3, 5);
        assertThat(Notation.of(MatrixLayout.KERAS).firstExample(new double[][] {{1, 2}, {3, 4}, {5, 6}}))
                .as("a row of Keras'").containsExactly(1, 2);
    }

    private static List<Term> matrices(BackpropStep s) {
        return s.numbers().stream().filter(p -> p instanceof FormulaPart.Matrix)
                .map(p -> ((FormulaPart.Matrix) p).term()).toList();
    }

    @Test
    void minibatchGradientsAreTheMeansOverTheExamples() {
        Network n = random(11, 2, new int[] {3, 2}, new Activation[] {Activation.TANH, Activation.SIGMOID});
        TeachingNetwork net = teaching(n, Loss.HALF_SQUARED_ERROR, 0.1);
        double[][] x = {{0.1, 0.2}, {-1, 0.5}, {0.7, -0.7}};
        double[][] t = {{1, 0}, {0, 1}, {1, 1}};
        BackpropSteps batch = BackpropSteps.of(net, new Examples(x, t), MatrixLayout.KERAS);
        assertThat(batch.exampleCount()).isEqualTo(3);
        for (int k = 1; k <= 2; k++) {
            BackpropStep gb = step(batch, Kind.GRAD_BIAS, k);
            BackpropStep gw = step(batch, Kind.GRAD_WEIGHTS, k);
            assertThat(gb.formula()).isEqualTo("∇b(" + k + ") = (1/m) Σ_r g_r,  m = 3");
            assertThat(gw.formula()).isEqualTo("∇K(" + k + ") = (1/m) Σ_r h(" + (k - 1) + ")_rᵀ·g_r = (1/m)·H("
                    + (k - 1) + ")ᵀ·G,  m = 3");
            double[][] g = step(batch, Kind.G_ACTIVATION, k).result().values(); // rows are examples
            double[][] h = k == 1 ? x : step(batch, Kind.FORWARD_H, k - 1).result().values();
            for (int j = 0; j < g[0].length; j++) {
                double mean = (g[0][j] + g[1][j] + g[2][j]) / 3;
                assertThat(gb.result().get(0, j)).isCloseTo(mean, within(1e-15));
                for (int i = 0; i < h[0].length; i++) {
                    double outer = (h[0][i] * g[0][j] + h[1][i] * g[1][j] + h[2][i] * g[2][j]) / 3;
                    assertThat(gw.result().get(i, j)).isCloseTo(outer, within(1e-15));
                }
            }
            // The same as the mean of the one-example gradients.
            double[][] sum = new double[gw.result().rows()][gw.result().columns()];
            for (int r = 0; r < 3; r++) {
                Term one = step(BackpropSteps.of(net, Examples.one(x[r], t[r]), MatrixLayout.KERAS),
                        Kind.GRAD_WEIGHTS, k).result();
                for (int i = 0; i < sum.length; i++) {
                    for (int j = 0; j < sum[0].length; j++) {
                        sum[i][j] += one.get(i, j) / 3;
                    }
                }
            }
            for (int i = 0; i < sum.length; i++) {
                for (int j = 0; j < sum[0].length; j++) {
                    assertThat(gw.result().get(i, j)).isCloseTo(sum[i][j], within(1e-15));
                }
            }
        }
        BackpropSteps textbook = batch.inLayout(MatrixLayout.TEXTBOOK);
        assertThat(step(textbook, Kind.GRAD_WEIGHTS, 2).formula())
                .isEqualTo("∇W(2) = (1/m) Σ_r g_r·h(1)_rᵀ = (1/m)·G·H(1)ᵀ,  m = 3");
        // Textbook: one column per example.
        assertThat(step(textbook, Kind.FORWARD_H, 1).result().columns()).isEqualTo(3);
        assertThat(step(textbook, Kind.FORWARD_H, 1).result().caption()).isEqualTo("one column per example");
        assertThat(step(textbook, Kind.LOSS, 2).formula()).startsWith("L = (1/m) Σ_r L(y_r, t_r)");
    }

    @Test
    void examplesThatDoNotFitSayWhy() {
        TeachingNetwork net = teaching(mazur(), Loss.HALF_SQUARED_ERROR, 0.5);
        assertThatThrownBy(() -> BackpropSteps.of(net,
                Examples.one(new double[] {1, 2, 3}, new double[] {0, 1}), MatrixLayout.TEXTBOOK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 2");
    }
}
