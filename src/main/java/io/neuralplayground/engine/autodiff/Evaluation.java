package io.neuralplayground.engine.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The forward and the reverse pass of a {@link ComputationalGraph} at one x.
 *
 * <p>Forward: the nodes in evaluation order, each from its operands' values. Reverse (reverse-mode automatic
 * differentiation): with the adjoint v̄ = ∂f/∂v of a node v,
 * <pre>
 *   f̄ = 1                                   for the output node
 *   v̄ = Σ over the edges v → w  of  w̄ · ∂w/∂v     for the others, taken in reverse evaluation order
 * </pre>
 * so that every user w of v has its adjoint before v needs it. ∂w/∂v is the edge's local derivative, the sum of
 * the {@link Op#partial} of w over the operand slots where w uses v. Then df/dx = x̄.
 *
 * <p>Where a value or a local derivative is not a finite number (log of a negative number, √ at 0) it is NaN or
 * infinite, as double arithmetic makes it, and {@link #problems()} says where and why — only where it first
 * arises, not in everything downstream of it.
 */
public final class Evaluation {
    private final ComputationalGraph graph;
    private final double x;
    private final double[] values;
    private final double[] adjoints;
    private final double[][] partials;
    private final double[] edgeDerivatives;
    private final List<String> problems;

    private Evaluation(ComputationalGraph graph, double x, double[] values, double[] adjoints, double[][] partials,
            double[] edgeDerivatives, List<String> problems) {
        this.graph = graph;
        this.x = x;
        this.values = values;
        this.adjoints = adjoints;
        this.partials = partials;
        this.edgeDerivatives = edgeDerivatives;
        this.problems = List.copyOf(problems);
    }

    static Evaluation of(ComputationalGraph graph, double x) {
        int n = graph.size();
        List<String> problems = new ArrayList<>();
        double[] values = new double[n];
        double[][] partials = new double[n][];
        for (GraphNode node : graph.nodes()) {
            int i = node.index();
            // The operand values (x itself for the input): a problem is reported where they are finite.
            double u = node.op().arity() > 0 ? ComputationalGraph.operandValue(node, 0, values) : x;
            double v = node.op().arity() > 1 ? ComputationalGraph.operandValue(node, 1, values) : 0;
            values[i] = node.op().apply(u, v);
            if (!Double.isFinite(values[i]) && Double.isFinite(u) && Double.isFinite(v)) {
                problems.add(node.label() + " is " + AutodiffNumbers.value(values[i]) + at(graph, node, values)
                        + (node.op().domain().isEmpty() ? "" : ": " + node.op().domain()));
            }
            partials[i] = new double[node.operands().size()];
            for (int s = 0; s < partials[i].length; s++) {
                partials[i][s] = node.op().partial(s, u, v, values[i]);
            }
        }
        double[] edgeDerivatives = new double[graph.edges().size()];
        for (Edge e : graph.edges()) {
            double sum = 0;
            for (int s : e.slots()) {
                sum += partials[e.to()][s];
            }
            edgeDerivatives[e.index()] = sum;
            GraphNode to = graph.node(e.to());
            if (!Double.isFinite(sum) && Double.isFinite(values[e.to()])) {
                problems.add("∂" + to.id() + "/∂" + graph.node(e.from()).id() + " = " + e.formula() + " is "
                        + AutodiffNumbers.value(sum) + at(graph, to, values) + ": " + to.id()
                        + " has no finite derivative there");
            }
        }
        double[] adjoints = new double[n];
        adjoints[n - 1] = 1;
        for (int i = n - 2; i >= 0; i--) {
            double sum = 0;
            for (Edge e : graph.edgesOutOf(i)) {
                sum += adjoints[e.to()] * edgeDerivatives[e.index()];
            }
            adjoints[i] = sum;
        }
        return new Evaluation(graph, x, values, adjoints, partials, edgeDerivatives, problems);
    }

    /** " at a = −1.0000" (the operand nodes' values), or "" when the node uses no other node. */
    private static String at(ComputationalGraph graph, GraphNode node, double[] values) {
        Set<Integer> used = new LinkedHashSet<>();
        for (Operand o : node.operands()) {
            if (o instanceof Operand.Ref r) {
                used.add(r.node());
            }
        }
        List<String> parts = new ArrayList<>();
        for (int i : used) {
            parts.add(graph.node(i).id() + " = " + AutodiffNumbers.value(values[i]));
        }
        return parts.isEmpty() ? "" : " at " + String.join(", ", parts);
    }

    public ComputationalGraph graph() {
        return graph;
    }

    /** Where the passes were run. */
    public double x() {
        return x;
    }

    /** Node {@code node}'s forward value. */
    public double value(int node) {
        return values[node];
    }

    /** f(x), the output's value. */
    public double output() {
        return values[values.length - 1];
    }

    /** Node {@code node}'s adjoint ∂f/∂node. */
    public double adjoint(int node) {
        return adjoints[node];
    }

    /** df/dx by reverse mode: the adjoint of x. */
    public double derivative() {
        return adjoints[0];
    }

    /** ∂node/∂(operand {@code slot}), whatever the operand (a number's too, which reverse mode does not use). */
    public double partial(int node, int slot) {
        return partials[node][slot];
    }

    /** The local derivative along {@code edge}: ∂to/∂from. */
    public double localDerivative(Edge edge) {
        return edgeDerivatives[edge.index()];
    }

    /** All forward values, in evaluation order (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** All adjoints, in evaluation order (a copy). */
    public double[] adjoints() {
        return adjoints.clone();
    }

    /** Where a value or derivative is not a finite number, and why; empty when all are. */
    public List<String> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return "Evaluation[x=" + x + ", values=" + Arrays.toString(values) + ", adjoints=" + Arrays.toString(adjoints)
                + "]";
    }
}
