package io.neuralplayground.ui.viewmodel.teaching;

import static io.neuralplayground.ui.viewmodel.NumberTexts.exact;
import static io.neuralplayground.ui.viewmodel.teaching.FormulaPart.matrix;
import static io.neuralplayground.ui.viewmodel.teaching.FormulaPart.text;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.BackpropTrace;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.ui.viewmodel.teaching.BackpropStep.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.ops.DConvertArrays;

/**
 * The steps of one forward and backward pass and one gradient-descent update, as the stepper shows them.
 *
 * <p>Every number comes from one {@link BackpropTrace} of the network on the examples, the same the {@code trace}
 * command prints, so that the stepper and {@code trace} agree to the last digit. The only numbers made here are
 * those the trace does not hold: the update {@code W − α·∇W} (the trainer's own SGD step, on the trace's
 * gradients), and, beside a result taken from the trace, the factors φ'(a) and the softmax Jacobian
 * that explain it.
 *
 * <p>In the {@link MatrixLayout#TEXTBOOK textbook layout} vectors are columns and W(k) = K(k)ᵀ is units × inputs;
 * in {@link MatrixLayout#KERAS Keras'} vectors are rows and K(k) is inputs × units. With m examples the vectors
 * become matrices of m columns (textbook) or m rows (Keras), and the parameter gradients are their means. The
 * steps are made once for both layouts: what differs between them is the {@link Notation}'s.
 */
public final class BackpropSteps {
    private final TeachingNetwork network;
    private final Examples examples;
    private final MatrixLayout layout;
    private final Notation notation;
    private final BackpropTrace trace;
    private final Network updated;
    private final List<BackpropStep> steps;

    private BackpropSteps(TeachingNetwork network, Examples examples, MatrixLayout layout) {
        this.network = network;
        this.examples = examples;
        this.layout = layout;
        this.notation = Notation.of(layout);
        this.trace = BackpropTrace.of(network.network(), network.loss(), examples.inputs(), examples.targets());
        this.updated = updatedNetwork(network.network(), trace, network.learningRate());
        this.steps = Collections.unmodifiableList(new Builder().build());
    }

    /**
     * The steps of {@code network} on {@code examples} in {@code layout}.
     *
     * @throws IllegalArgumentException when the examples do not fit the network or its loss (the message says
     *                                  how)
     */
    public static BackpropSteps of(TeachingNetwork network, Examples examples, MatrixLayout layout) {
        return new BackpropSteps(network, examples, layout);
    }

    /** The same trace in the other layout (or the same one). */
    public BackpropSteps inLayout(MatrixLayout other) {
        return other == layout ? this : new BackpropSteps(network, examples, other);
    }

    public List<BackpropStep> steps() {
        return steps;
    }

    public int size() {
        return steps.size();
    }

    /** Step {@code index}, 0-based. */
    public BackpropStep step(int index) {
        return steps.get(index);
    }

    /** The 0-based index of the step of {@code kind} in layer {@code layer} (1-based), or −1. */
    public int indexOf(Kind kind, int layer) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).kind() == kind && steps.get(i).layer() == layer) {
                return i;
            }
        }
        return -1;
    }

    /** The trace every number comes from. */
    public BackpropTrace trace() {
        return trace;
    }

    public TeachingNetwork network() {
        return network;
    }

    public Examples examples() {
        return examples;
    }

    public MatrixLayout layout() {
        return layout;
    }

    /** How the steps write matrices and products: the notation of their {@link #layout()}. */
    public Notation notation() {
        return notation;
    }

    /** Number of examples m. */
    public int exampleCount() {
        return trace.examples();
    }

    /** Number of layers L. */
    public int depth() {
        return network.network().depth();
    }

    /** The network after the update step: a new copy, W − α·∇W and b − α·∇b in every layer. */
    public Network updatedNetwork() {
        return updated.copy();
    }

    /**
     * W − α·∇W and b − α·∇b from the trace's gradients, by the trainer's own SGD step
     * ({@link Optimizer.Sgd#descend}); links frozen at 0 by L1 regularization stay at 0, as the trainer keeps them
     * (setting them would bring them back to life).
     */
    private static Network updatedNetwork(Network network, BackpropTrace trace, double rate) {
        Network next = network.copy();
        int depth = network.depth();
        for (int l = 0; l < depth; l++) {
            DenseLayer layer = next.layer(l);
            BackpropTrace.LayerBackward back = trace.backward().get(depth - 1 - l);
            // Both row-major inputs × units, the layout the trainer steps in.
            DMatrixRMaj kernel = new DMatrixRMaj(layer.kernelCopy());
            Optimizer.Sgd.descend(kernel.data, back.gradKernel().data, rate);
            double[] bias = layer.biasCopy();
            Optimizer.Sgd.descend(bias, back.gradBias().data, rate);
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < layer.units(); j++) {
                    if (!layer.isFrozen(i, j)) {
                        layer.setWeight(i, j, kernel.get(i, j));
                    }
                }
            }
            for (int j = 0; j < layer.units(); j++) {
                layer.setBias(j, bias[j]);
            }
        }
        return next;
    }

    /** Builds the steps; one instance per build. */
    private final class Builder {
        private final int m = trace.examples();
        private final boolean batch = m > 1;
        private final int depth = network.network().depth();
        private final Loss loss = network.loss();
        private final List<BackpropStep> out = new ArrayList<>();

        List<BackpropStep> build() {
            for (int k = 1; k <= depth; k++) {
                forwardA(k);
                forwardH(k);
            }
            loss();
            gLoss();
            for (int k = depth; k >= 1; k--) {
                gActivation(k);
                gradBias(k);
                gradWeights(k);
                if (k > 1) {
                    gPropagate(k);
                }
            }
            for (int k = depth; k >= 1; k--) {
                updateWeights(k);
                updateBiases(k);
            }
            return out;
        }

        // ---- forward ----

        private void forwardA(int k) {
            DenseLayer layer = layer(k);
            Term w = weights(k, layer);
            Term h = activationsIn(k);
            Term b = bias(layer.biasCopy(), "b(" + k + ")");
            Term a = examplesTerm(name("a", k), trace.forward().get(k - 1).a());
            String formula = name("a", k) + " = " + notation.times(notation.weights(k), name("h", k - 1))
                    + " + b(" + k + ")";
            List<FormulaPart> parts = join(notation.times(matrix(w), matrix(h)), text("+"), matrix(b), text("="),
                    matrix(a));
            String note = "Each neuron of layer " + k + " sums its inputs weighted by its " + notation.crossLine()
                    + " of " + notation.weights(k) + ", then adds its bias.";
            if (k == 1) {
                note += " " + name("h", 0) + " = " + (batch ? "X" : "x") + ", the input.";
            }
            if (batch) {
                note += " b(" + k + ") is added to every " + notation.line() + " (every example).";
            }
            add(Kind.FORWARD_A, k, "Forward · layer " + k + " · weighted sum", formula, parts, a, note,
                    Highlight.linksAndNeurons(k, k));
        }

        private void forwardH(int k) {
            BackpropTrace.LayerForward f = trace.forward().get(k - 1);
            Activation act = f.activation();
            Term a = examplesTerm(name("a", k), f.a());
            Term h = examplesTerm(name("h", k), f.h());
            String formula = name("h", k) + " = " + act.symbol() + "(" + name("a", k) + ")";
            List<FormulaPart> parts = List.of(text(act.symbol() + "("), matrix(a), text(") ="), matrix(h));
            String note = act.description();
            if (k == depth) {
                note += " The output of the network: y = " + name("h", k) + ".";
            }
            add(Kind.FORWARD_H, k, "Forward · layer " + k + " · activation " + act.kerasName(), formula, parts, h,
                    note, Highlight.neurons(k));
        }

        // ---- the loss ----

        private void loss() {
            Term y = examplesTerm(batch ? "Y" : "y", trace.output());
            Term t = examplesTerm(batch ? "T" : "t", trace.target());
            Term value = Term.scalar("L", trace.meanLoss());
            String formula = "L(y, t) = " + loss.formula();
            List<FormulaPart> parts;
            String note = loss.description();
            if (batch) {
                formula = "L = (1/m) Σ_r L(y_r, t_r),  " + formula + ",  m = " + m;
                // One value per example: an m × 1 matrix of examples, laid out as the others are.
                Term losses = examplesTerm("L(y_r, t_r)", Term.transpose(new double[][] {trace.exampleLosses()}));
                parts = List.of(text("L("), matrix(y), text(","), matrix(t), text(") ="), matrix(losses),
                        text("mean over the " + m + " examples ="), matrix(value));
                note += " The loss of the minibatch is the mean of the " + m + " examples' losses.";
            } else {
                parts = List.of(text("L("), matrix(y), text(","), matrix(t), text(") ="), matrix(value));
            }
            if (loss.fusesWith(outputActivation())) {
                note += " Computed from a(" + depth + ") (the logits), as Keras does, so that it never takes log 0.";
            }
            add(Kind.LOSS, depth, "Loss · " + loss.kerasName(), formula, parts, value, note,
                    Highlight.loss(depth));
        }

        private void gLoss() {
            BackpropTrace.LayerBackward back = backward(depth);
            Term y = examplesTerm(batch ? "Y" : "y", trace.output());
            Term t = examplesTerm(batch ? "T" : "t", trace.target());
            Term g = examplesTerm(gName() + " = ∂L/∂y", back.gIn());
            String formula = gName() + " ← ∇_y L(y, t) = " + loss.gradientFormula();
            List<FormulaPart> parts = loss == Loss.HALF_SQUARED_ERROR
                    ? List.of(matrix(y), text("−"), matrix(t), text("="), matrix(g))
                    : List.of(text("∇_y L("), matrix(y), text(","), matrix(t), text(") ="), matrix(g));
            String note = "The backward pass starts at the output: g is the gradient of the loss with respect to"
                    + " the output y (element by element).";
            if (loss.writesOutputCount()) {
                note += " n = " + network.network().outputs() + " outputs.";
            }
            if (batch) {
                note += " Each " + notation.line() + " is one example's own gradient; the mean over"
                        + " the m = " + m + " examples is taken when the parameter gradients are formed.";
            }
            add(Kind.G_LOSS, depth, "Backward · gradient of the loss", formula, parts, g, note,
                    Highlight.loss(depth));
        }

        // ---- backward, per layer ----

        private void gActivation(int k) {
            BackpropTrace.LayerBackward back = backward(k);
            BackpropTrace.LayerForward f = trace.forward().get(k - 1);
            Activation act = f.activation();
            String entering = k == depth ? "∂L/∂y" : "∂L/∂" + name("h", k);
            Term g = examplesTerm(gName() + " = " + entering, back.gIn());
            Term result = examplesTerm(gName() + " = ∂L/∂" + name("a", k), back.gA());
            String title = "Backward · layer " + k + " · through " + act.kerasName();
            if (act == Activation.SOFTMAX) {
                softmaxActivation(k, back, f, g, result, title);
                return;
            }
            Term derivative = examplesTerm(act.symbol() + "'(" + name("a", k) + ")", derivative(act, f));
            String formula = gName() + " ← " + gName() + " ⊙ " + act.symbol() + "'(" + name("a", k) + ")";
            List<FormulaPart> parts = new ArrayList<>(List.of(matrix(g), text("⊙"), matrix(derivative), text("=")));
            String note = act.derivativeFormula() + ". ⊙ multiplies element by element.";
            if (back.fused()) {
                int n = network.network().outputs();
                Term y = examplesTerm(batch ? "Y" : "y", trace.output());
                Term t = examplesTerm(batch ? "T" : "t", trace.target());
                // With one output the n of the loss's formula drops out.
                String simple = n == 1 ? "y − t" : loss.fusedGradientFormula();
                formula += " = " + simple;
                if (n > 1) {
                    parts.add(text("("));
                }
                parts.addAll(List.of(matrix(y), text("−"), matrix(t)));
                parts.add(text(n == 1 ? "=" : ") / " + n + " ="));
                note = loss.kerasName() + " after " + act.kerasName() + ": the two simplify, g ⊙ σ'(a) = "
                        + simple + (n == 1 ? "" : " with n = " + n + " outputs")
                        + ". Keras computes it this way, from the logits, so it never divides by y(1 − y).";
            }
            parts.add(matrix(result));
            add(Kind.G_ACTIVATION, k, title, formula, parts, result, note, Highlight.neurons(k));
        }

        /** Softmax: the Jacobian times g, per example; for a fused loss also y − t. */
        private void softmaxActivation(int k, BackpropTrace.LayerBackward back, BackpropTrace.LayerForward f,
                Term g, Term result, String title) {
            int units = f.h().numCols;
            String product = gName() + " ← " + notation.times(notation.jacobian(""), gName());
            String jacobian = ",  J = ∂h/∂a = diag(y) − y·yᵀ";
            List<FormulaPart> parts = new ArrayList<>();
            int shown = Math.min(m, 3);
            for (int r = 0; r < shown; r++) {
                String symbol = batch ? "J_" + (r + 1) : notation.singleJacobian();
                Term j = new Term(symbol, "units × units" + (batch ? ", example " + (r + 1) : ""),
                        jacobian(f.h(), r, units));
                if (batch) {
                    parts.add(matrix(j));
                } else {
                    parts.addAll(notation.times(matrix(j), matrix(g)));
                }
            }
            String note = "Softmax mixes the units of one example, so its derivative is a matrix: "
                    + Activation.SOFTMAX.derivativeFormula() + ". J is symmetric, so Jᵀ = J.";
            if (batch) {
                parts.add(text((m > shown ? "… (one J per example);" : "") + " each " + notation.line() + ": g_r ← "
                        + notation.times(notation.jacobian("_r"), "g_r")));
                parts.add(matrix(g));
                parts.add(text("→"));
                note += " Each example has its own J" + (m > shown ? " (the first " + shown + " shown)" : "") + ".";
            } else {
                parts.add(text("="));
            }
            if (back.fused()) {
                Term y = examplesTerm(batch ? "Y" : "y", trace.output());
                Term t = loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY
                        ? examplesTerm(batch ? "E_c" : "e_c", oneHot(trace.target(), units))
                        : examplesTerm(batch ? "T" : "t", trace.target());
                String simple = loss.fusedGradientFormula();
                product += " = " + simple;
                parts.addAll(List.of(matrix(y), text("−"), matrix(t), text("=")));
                note += " With " + loss.kerasName() + " the product simplifies to " + simple
                        + inBrackets(loss.fusedGradientSymbols()) + "; Keras computes it this way, from the logits"
                        + inBrackets(loss.fusedGradientInGeneral()) + ".";
            }
            parts.add(matrix(result));
            add(Kind.G_ACTIVATION, k, title, product + jacobian, parts, result, note, Highlight.neurons(k));
        }

        private void gradBias(int k) {
            BackpropTrace.LayerBackward back = backward(k);
            Term g = examplesTerm(gName() + " = ∂L/∂" + name("a", k), back.gA());
            Term grad = bias(DConvertArrays.convert(back.gradBias())[0], "∇b(" + k + ")");
            String formula;
            List<FormulaPart> parts;
            String note;
            if (batch) {
                formula = "∇b(" + k + ") = (1/m) Σ_r g_r,  m = " + m;
                parts = List.of(text("(1/" + m + ") Σ over the " + notation.line() + "s of"),
                        matrix(g), text("="), matrix(grad));
                note = "a = W·h + b, so ∂a/∂b = 1: each example's bias gradient is its g. The minibatch's is"
                        + " their mean over the m = " + m + " examples.";
            } else {
                formula = "∇b(" + k + ") = g";
                parts = List.of(matrix(g), text("="), matrix(grad));
                note = "a = W·h + b, so ∂a/∂b = 1: the bias gradient is g itself.";
            }
            add(Kind.GRAD_BIAS, k, "Backward · layer " + k + " · bias gradient", formula, parts, grad, note,
                    Highlight.biases(k, DConvertArrays.convert(back.gradBias())[0]));
        }

        private void gradWeights(int k) {
            BackpropTrace.LayerBackward back = backward(k);
            Term g = examplesTerm(gName() + " = ∂L/∂" + name("a", k), back.gA());
            Term h = activationsIn(k);
            DMatrixRMaj kernelGradient = back.gradKernel();
            Term grad = weightTerm(kernelGradient, "∇" + notation.weights(k));
            String hT = name("h", k - 1) + "ᵀ";
            Term hTransposed = h.transposed(hT, batch ? notation.perExampleTransposed() : "");
            String gradient = "∇" + notation.weights(k) + " = ";
            String formula = batch
                    ? gradient + "(1/m) Σ_r " + notation.times("g_r", "h(" + (k - 1) + ")_rᵀ") + " = (1/m)·"
                            + notation.times("G", hT) + ",  m = " + m
                    : gradient + notation.times("g", hT);
            List<FormulaPart> parts = join(notation.times(matrix(g), matrix(hTransposed)), text("="), matrix(grad));
            if (batch) {
                parts.add(0, text("(1/" + m + ") ·"));
            }
            String note = "a_j = Σ_i W_ji·h_i + b_j, so ∂a_j/∂W_ji = h_i: a weight's gradient is the g of the neuron"
                    + " it feeds times the input it carries.";
            if (batch) {
                note += " With m = " + m + " examples it is the mean of the m per-example products.";
            }
            if (k == 1) {
                note += " Layer 1 needs no g ← W(1)ᵀ·g: its input is data, not a parameter.";
            }
            add(Kind.GRAD_WEIGHTS, k, "Backward · layer " + k + " · weight gradient", formula, parts, grad, note,
                    Highlight.links(k, DConvertArrays.convert(kernelGradient)));
        }

        private void gPropagate(int k) {
            BackpropTrace.LayerBackward back = backward(k);
            DenseLayer layer = layer(k);
            Term g = examplesTerm(gName() + " = ∂L/∂" + name("a", k), back.gA());
            Term result = examplesTerm(gName() + " = ∂L/∂" + name("h", k - 1), back.gOut());
            String transposed = notation.weights(k) + "ᵀ";
            Term weightsT = weights(k, layer).transposed(transposed, notation.transposedWeightsCaption());
            String formula = gName() + " ← " + notation.times(transposed, gName());
            List<FormulaPart> parts = join(notation.times(matrix(weightsT), matrix(g)), text("="), matrix(result));
            String note = "The gradient handed down to layer " + (k - 1) + ": each of its neurons collects the g of"
                    + " the neurons it feeds, weighted by the links between them.";
            add(Kind.G_PROPAGATE, k, "Backward · layer " + k + " · to layer " + (k - 1), formula, parts, result,
                    note, Highlight.linksAndNeurons(k, k - 1));
        }

        // ---- the update ----

        private void updateWeights(int k) {
            DenseLayer layer = layer(k);
            DenseLayer next = updated.layer(k - 1);
            DMatrixRMaj gradient = backward(k).gradKernel();
            Term old = weights(k, layer);
            String w = notation.weights(k);
            Term grad = weightTerm(gradient, "∇" + w);
            Term updatedTerm = weightTerm(next.kernelCopy(), w + " new");
            String formula = w + " ← " + w + " − α·∇" + w + ",  α = " + exact(network.learningRate());
            List<FormulaPart> parts = List.of(matrix(old), text("− " + exact(network.learningRate()) + " ·"),
                    matrix(grad), text("="), matrix(updatedTerm));
            add(Kind.UPDATE, k, "Update · layer " + k + " · weights", formula, parts, updatedTerm, updateNote(),
                    Highlight.links(k, next.kernelCopy()), old, updatedTerm);
        }

        private void updateBiases(int k) {
            DenseLayer layer = layer(k);
            DenseLayer next = updated.layer(k - 1);
            Term old = bias(layer.biasCopy(), "b(" + k + ")");
            Term grad = bias(DConvertArrays.convert(backward(k).gradBias())[0], "∇b(" + k + ")");
            Term updatedTerm = bias(next.biasCopy(), "b(" + k + ") new");
            String formula = "b(" + k + ") ← b(" + k + ") − α·∇b(" + k + "),  α = " + exact(network.learningRate());
            List<FormulaPart> parts = List.of(matrix(old), text("− " + exact(network.learningRate()) + " ·"),
                    matrix(grad), text("="), matrix(updatedTerm));
            add(Kind.UPDATE, k, "Update · layer " + k + " · biases", formula, parts, updatedTerm, updateNote(),
                    Highlight.biases(k, next.biasCopy()), old, updatedTerm);
        }

        private String updateNote() {
            return "Gradient descent (plain SGD) with the learning rate α = " + exact(network.learningRate())
                    + ". Apply update makes the new weights and biases of every layer the network's"
                    + (network.playground() ? ", also in the playground." : ".");
        }

        // ---- helpers ----

        private void add(Kind kind, int k, String title, String formula, List<FormulaPart> parts, Term result,
                String note, Highlight highlight) {
            add(kind, k, title, formula, parts, result, note, highlight, null, null);
        }

        private void add(Kind kind, int k, String title, String formula, List<FormulaPart> parts, Term result,
                String note, Highlight highlight, Term before, Term after) {
            out.add(new BackpropStep(kind, k, title, formula, parts, result, note, highlight, before, after));
        }

        private DenseLayer layer(int k) {
            return network.network().layer(k - 1);
        }

        private BackpropTrace.LayerBackward backward(int k) {
            return trace.backward().get(depth - k);
        }

        private Activation outputActivation() {
            return network.network().outputLayer().activation();
        }

        /** "a(2)" for one example, "A(2)" for a minibatch. */
        private String name(String letter, int k) {
            return (batch ? letter.toUpperCase(Locale.ROOT) : letter) + "(" + k + ")";
        }

        private String gName() {
            return batch ? "G" : "g";
        }

        /** h(k−1), the input of layer k: X for the first. */
        private Term activationsIn(int k) {
            if (k == 1) {
                return examplesTerm(name("h", 0) + " = " + (batch ? "X" : "x"), trace.input());
            }
            return examplesTerm(name("h", k - 1), trace.forward().get(k - 2).h());
        }

        /** An m × n matrix of the trace (rows are examples), in the layout. */
        private Term examplesTerm(String symbol, DMatrixRMaj rowsOfExamples) {
            return examplesTerm(symbol, DConvertArrays.convert(rowsOfExamples));
        }

        private Term examplesTerm(String symbol, double[][] rowsOfExamples) {
            return new Term(symbol, batch ? notation.perExample() : "", notation.show(rowsOfExamples));
        }

        private Term weights(int k, DenseLayer layer) {
            return weightTerm(layer.kernelCopy(), notation.weights(k));
        }

        private Term weightTerm(DMatrixRMaj kernelShaped, String symbol) {
            return weightTerm(DConvertArrays.convert(kernelShaped), symbol);
        }

        /** A kernel-shaped matrix (inputs × units) as the notation shows weights: W (transposed) or K (as it is). */
        private Term weightTerm(double[][] kernel, String symbol) {
            return new Term(symbol, notation.weightsCaption(), notation.show(kernel));
        }

        /** A per-unit vector: a column (textbook) or a row (Keras). */
        private Term bias(double[] values, String symbol) {
            return new Term(symbol, "", notation.show(new double[][] {values}));
        }

        /** " (remark)" after a text, or nothing when there is no remark. */
        private static String inBrackets(String remark) {
            return remark.isEmpty() ? "" : " (" + remark + ")";
        }

        /** {@code first} followed by {@code rest}, as a list that may grow. */
        private static List<FormulaPart> join(List<FormulaPart> first, FormulaPart... rest) {
            List<FormulaPart> parts = new ArrayList<>(first);
            parts.addAll(List.of(rest));
            return parts;
        }
    }

    // ---- maths shown beside the trace's results ----

    /**
     * φ'(a) for an element-wise activation, from the trace's a and h (m × units), to show beside g and the
     * trace's g ⊙ φ'(a): {@link Activation#backward} with g = 1, so that the factor shown is the engine's own.
     */
    static double[][] derivative(Activation activation, BackpropTrace.LayerForward f) {
        if (!activation.isElementwise()) {
            throw new IllegalArgumentException("softmax has a Jacobian, not a derivative");
        }
        int m = f.a().numRows;
        int units = f.a().numCols;
        // The engine's buffers are unit-major: [unit][example].
        double[][] a = Term.transpose(DConvertArrays.convert(f.a()));
        double[][] h = Term.transpose(DConvertArrays.convert(f.h()));
        double[][] ones = new double[units][m];
        for (double[] row : ones) {
            Arrays.fill(row, 1);
        }
        double[][] d = new double[units][m];
        activation.backward(a, h, ones, d, units, m);
        return Term.transpose(d);
    }

    /** The softmax Jacobian J = diag(y) − y·yᵀ of example r, from the trace's outputs h (m × units). */
    static double[][] jacobian(DMatrixRMaj h, int r, int units) {
        double[][] j = new double[units][units];
        for (int a = 0; a < units; a++) {
            for (int b = 0; b < units; b++) {
                double ya = h.get(r, a);
                j[a][b] = (a == b ? ya : 0) - ya * h.get(r, b);
            }
        }
        return j;
    }

    /** Class-index targets (m × 1) as one-hot rows (m × units). */
    private static double[][] oneHot(DMatrixRMaj classes, int units) {
        double[][] e = new double[classes.numRows][units];
        for (int r = 0; r < classes.numRows; r++) {
            int c = (int) classes.get(r, 0);
            if (c >= 0 && c < units) {
                e[r][c] = 1;
            }
        }
        return e;
    }
}
