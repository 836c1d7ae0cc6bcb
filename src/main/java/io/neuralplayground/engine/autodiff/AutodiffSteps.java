package io.neuralplayground.engine.autodiff;

import java.util.ArrayList;
import java.util.List;

/**
 * The forward and the reverse pass of an {@link Evaluation} cut into steps, one node each, as a teacher would
 * write them on the board:
 * <pre>
 *   forward, nodes in evaluation order:     b = exp(a) = exp(1.0000) = 2.7183
 *   backward, nodes in reverse order:       ā = b̄·∂b/∂a + c̄·∂c/∂a = 0.2593·2.7183 + 0.2593·1.0000 = 0.9641
 * </pre>
 * With n nodes there are 2n steps: step i (0 ≤ i &lt; n) computes node i's value, step n + (n − 1 − i) its
 * adjoint. A <em>position</em> p (0 ≤ p ≤ 2n) is the number of steps done: at 0 nothing is known, at 2n
 * everything. An edge's local derivative becomes known with the backward step of the node it comes from, the step
 * that uses it.
 */
public final class AutodiffSteps {
    /** The two passes. */
    public enum Phase {
        FORWARD, BACKWARD
    }

    /**
     * One step.
     *
     * @param phase  forward or backward
     * @param node   the node whose value or adjoint it computes
     * @param number 1-based within its phase
     * @param text   the formula with its numbers
     */
    public record Step(Phase phase, int node, int number, String text) {
    }

    private final Evaluation evaluation;
    private final List<Step> steps;

    public AutodiffSteps(Evaluation evaluation) {
        this.evaluation = evaluation;
        ComputationalGraph g = evaluation.graph();
        List<Step> all = new ArrayList<>();
        for (GraphNode node : g.nodes()) {
            all.add(new Step(Phase.FORWARD, node.index(), node.index() + 1, forwardText(node)));
        }
        for (int i = g.size() - 1; i >= 0; i--) {
            all.add(new Step(Phase.BACKWARD, i, g.size() - i, backwardText(g.node(i))));
        }
        this.steps = List.copyOf(all);
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    public List<Step> steps() {
        return steps;
    }

    /** 2n. */
    public int size() {
        return steps.size();
    }

    /** Steps per phase: n. */
    public int nodes() {
        return steps.size() / 2;
    }

    /** The step last done at {@code position}, or null at 0. */
    public Step current(int position) {
        return position <= 0 ? null : steps.get(Math.min(position, steps.size()) - 1);
    }

    /** Whether node {@code node}'s value is known after {@code position} steps. */
    public boolean valueKnown(int node, int position) {
        return position > node;
    }

    /** Whether node {@code node}'s adjoint is known after {@code position} steps. */
    public boolean adjointKnown(int node, int position) {
        return position > backwardIndex(node);
    }

    /** Whether {@code edge}'s local derivative is shown after {@code position} steps. */
    public boolean derivativeKnown(Edge edge, int position) {
        return adjointKnown(edge.from(), position);
    }

    /** The index of the step computing node {@code node}'s adjoint. */
    public int backwardIndex(int node) {
        return 2 * nodes() - 1 - node;
    }

    /** The edges the current step reads: into its node going forward, out of it going backward. */
    public List<Edge> activeEdges(int position) {
        Step s = current(position);
        if (s == null) {
            return List.of();
        }
        ComputationalGraph g = evaluation.graph();
        return s.phase() == Phase.FORWARD ? g.edgesInto(s.node()) : g.edgesOutOf(s.node());
    }

    private String forwardText(GraphNode node) {
        String value = AutodiffNumbers.value(evaluation.value(node.index()));
        if (node.op() == Op.INPUT) {
            return "x = " + value + "  (the input)";
        }
        List<String> numbers = new ArrayList<>();
        boolean allNumbers = true;
        for (int s = 0; s < node.operands().size(); s++) {
            Operand o = node.operands().get(s);
            allNumbers &= o instanceof Operand.Constant;
            numbers.add(o instanceof Operand.Ref r ? AutodiffNumbers.value(evaluation.value(r.node()))
                    : ((Operand.Constant) o).text());
        }
        String substituted = node.op().formula(numbers);
        substituted = allNumbers || substituted.equals(value) ? "" : " = " + substituted;
        return node.label() + substituted + " = " + value;
    }

    private String backwardText(GraphNode node) {
        ComputationalGraph g = evaluation.graph();
        String bar = bar(node.id());
        String adjoint = AutodiffNumbers.value(evaluation.adjoint(node.index()));
        if (node.index() == g.size() - 1) {
            return bar + " = ∂f/∂" + node.id() + " = 1  (" + (node.id().equals("f") ? "the output"
                    : node.id() + " is the output: f = " + node.id()) + ")";
        }
        List<Edge> uses = g.edgesOutOf(node.index());
        if (uses.isEmpty()) {
            return bar + " = 0  (f does not use " + node.id() + ")";
        }
        List<String> symbols = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (Edge e : uses) {
            String user = g.node(e.to()).id();
            symbols.add(bar(user) + "·∂" + user + "/∂" + node.id());
            numbers.add(Op.paren(AutodiffNumbers.value(evaluation.adjoint(e.to()))) + "·"
                    + Op.paren(AutodiffNumbers.value(evaluation.localDerivative(e))));
        }
        String text = bar + " = " + String.join(" + ", symbols) + " = " + String.join(" + ", numbers) + " = "
                + adjoint;
        return node.op() == Op.INPUT ? text + "  = df/dx" : text;
    }

    /** The adjoint's name: the node's id with a bar over its first letter, {@code ā}. */
    public static String bar(String id) {
        return id.charAt(0) + "\u0304" + id.substring(1);
    }
}
