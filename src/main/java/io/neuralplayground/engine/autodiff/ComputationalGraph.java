package io.neuralplayground.engine.autodiff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scalar function of x as a computational graph: one node per intermediate variable, in evaluation
 * (topological) order, x first and the function's value f last.
 *
 * <p>Built from the expression tree by hash-consing: a node is identified by its operation and its operands
 * (earlier nodes or numbers), and asking for a node that already exists returns it. Identical subexpressions
 * therefore become one node: in {@code x^2 + exp(x^2)} the square is computed once, and in reverse mode its
 * adjoint sums both uses. The identity is structural, not algebraic: {@code x+1} and {@code 1+x} stay two nodes.
 * Numbers are operands, not nodes (see {@link Operand}); only a function that is a number altogether gets a
 * {@link Op#CONSTANT} node. Nodes are named a, b, c, … in evaluation order, which is the order in which a
 * left-to-right, operands-first walk of the tree meets them.
 *
 * <p>Immutable; {@link #evaluate(double)} runs the forward and the reverse pass at one x.
 */
public final class ComputationalGraph {
    private final String expression;
    private final List<GraphNode> nodes;
    private final List<Edge> edges;
    private final List<List<Edge>> edgesIn;
    private final List<List<Edge>> edgesOut;

    private ComputationalGraph(String expression, List<GraphNode> nodes, List<Edge> edges) {
        this.expression = expression;
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        List<List<Edge>> in = new ArrayList<>();
        List<List<Edge>> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            in.add(new ArrayList<>());
            out.add(new ArrayList<>());
        }
        for (Edge e : edges) {
            in.get(e.to()).add(e);
            out.get(e.from()).add(e);
        }
        this.edgesIn = in.stream().map(List::copyOf).toList();
        this.edgesOut = out.stream().map(List::copyOf).toList();
    }

    /** The graph of {@code text}; a {@link ParseException} when it cannot be read. */
    public static ComputationalGraph parse(String text) {
        return of(ExpressionParser.parse(text), text.strip());
    }

    /** The graph of an expression tree; {@code text} is how the expression is shown. */
    public static ComputationalGraph of(Expr expr, String text) {
        return new Builder().build(expr, text);
    }

    /** The expression as the user wrote it (stripped of surrounding spaces). */
    public String expression() {
        return expression;
    }

    /** All nodes in evaluation order: x first, the output last. */
    public List<GraphNode> nodes() {
        return nodes;
    }

    public GraphNode node(int index) {
        return nodes.get(index);
    }

    public int size() {
        return nodes.size();
    }

    /** The input x, node 0. */
    public GraphNode input() {
        return nodes.get(0);
    }

    /** The node whose value is f(x): the last one (x itself when f(x) = x). */
    public GraphNode output() {
        return nodes.get(nodes.size() - 1);
    }

    /** The node named {@code id}, or null. */
    public GraphNode node(String id) {
        for (GraphNode n : nodes) {
            if (n.id().equals(id)) {
                return n;
            }
        }
        return null;
    }

    /** Every use of a node by another, ordered by the using node and then the first operand slot. */
    public List<Edge> edges() {
        return edges;
    }

    /** The edges from the operands of node {@code to}. */
    public List<Edge> edgesInto(int to) {
        return edgesIn.get(to);
    }

    /** The edges to the users of node {@code from}: the uses whose contributions its adjoint sums. */
    public List<Edge> edgesOutOf(int from) {
        return edgesOut.get(from);
    }

    /** The number of columns a left-to-right drawing needs: the output's layer + 1 (at least 1). */
    public int layers() {
        int max = 0;
        for (GraphNode n : nodes) {
            max = Math.max(max, n.layer());
        }
        return max + 1;
    }

    /** f(x) only, with no reverse pass (what a finite difference needs). */
    public double value(double x) {
        double[] values = new double[nodes.size()];
        for (GraphNode n : nodes) {
            values[n.index()] = compute(n, values, x);
        }
        return values[nodes.size() - 1];
    }

    /** The forward pass and the reverse pass at {@code x}. */
    public Evaluation evaluate(double x) {
        return Evaluation.of(this, x);
    }

    /** Node {@code n}'s value from the values of the nodes before it. */
    static double compute(GraphNode n, double[] values, double x) {
        if (n.op() == Op.INPUT) {
            return x;
        }
        double u = operandValue(n, 0, values);
        double v = n.op().arity() > 1 ? operandValue(n, 1, values) : 0;
        return n.op().apply(u, v);
    }

    static double operandValue(GraphNode n, int slot, double[] values) {
        Operand o = n.operands().get(slot);
        return o instanceof Operand.Ref r ? values[r.node()] : ((Operand.Constant) o).value();
    }

    /** The operand's name: a node id or the number's text. */
    public String operandName(Operand o) {
        return o instanceof Operand.Ref r ? nodes.get(r.node()).id() : ((Operand.Constant) o).text();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (GraphNode n : nodes) {
            s.append(s.length() == 0 ? "" : "; ").append(n.label());
        }
        return s.toString();
    }

    /** Builds the node list by hash-consing, then the edges and the layers. */
    private static final class Builder {
        /** An operation on its operands; constants are the same operand when their values are. */
        private record Key(Op op, List<Operand> operands) {
        }

        private final Map<Key, Integer> index = new HashMap<>();
        private final List<Op> ops = new ArrayList<>();
        private final List<List<Operand>> operands = new ArrayList<>();

        ComputationalGraph build(Expr expr, String text) {
            ops.add(Op.INPUT);
            operands.add(List.of());
            // The root is the last node made, as operands come first.
            Operand root = add(expr);
            if (root instanceof Operand.Constant c) {
                node(Op.CONSTANT, List.of(c));
            }
            List<String> ids = names(ops.size());
            List<GraphNode> nodes = new ArrayList<>();
            List<Edge> edges = new ArrayList<>();
            int[] layer = new int[ops.size()];
            for (int i = 0; i < ops.size(); i++) {
                Op op = ops.get(i);
                List<Operand> ins = operands.get(i);
                List<String> names = new ArrayList<>();
                for (Operand o : ins) {
                    names.add(o instanceof Operand.Ref r ? ids.get(r.node()) : ((Operand.Constant) o).text());
                }
                Map<Integer, List<Integer>> slotsByNode = new LinkedHashMap<>();
                for (int s = 0; s < ins.size(); s++) {
                    if (ins.get(s) instanceof Operand.Ref r) {
                        slotsByNode.computeIfAbsent(r.node(), k -> new ArrayList<>()).add(s);
                        layer[i] = Math.max(layer[i], layer[r.node()] + 1);
                    }
                }
                if (op != Op.INPUT && slotsByNode.isEmpty()) {
                    layer[i] = 1;
                }
                for (Map.Entry<Integer, List<Integer>> e : slotsByNode.entrySet()) {
                    List<String> parts = new ArrayList<>();
                    for (int s : e.getValue()) {
                        parts.add(op.partialFormula(s, names, ids.get(i)));
                    }
                    edges.add(new Edge(edges.size(), e.getKey(), i, e.getValue(), String.join(" + ", parts)));
                }
                nodes.add(new GraphNode(i, ids.get(i), op, ins, op.formula(names), layer[i]));
            }
            return new ComputationalGraph(text, nodes, edges);
        }

        private Operand add(Expr expr) {
            if (expr instanceof Expr.Number n) {
                return new Operand.Constant(n.value(), n.text());
            }
            if (expr instanceof Expr.Variable) {
                return new Operand.Ref(0);
            }
            Expr.Apply a = (Expr.Apply) expr;
            List<Operand> ins = new ArrayList<>();
            for (Expr arg : a.args()) {
                ins.add(add(arg));
            }
            return node(a.op(), ins);
        }

        private Operand.Ref node(Op op, List<Operand> ins) {
            Key key = new Key(op, List.copyOf(ins));
            Integer existing = index.get(key);
            if (existing != null) {
                return new Operand.Ref(existing);
            }
            ops.add(op);
            operands.add(key.operands());
            index.put(key, ops.size() - 1);
            return new Operand.Ref(ops.size() - 1);
        }

        /** x, then a, b, …, w, y, z, a1, b1, … */
        private static List<String> names(int count) {
            List<String> ids = new ArrayList<>();
            ids.add("x");
            String letters = "abcdefghijklmnopqrstuvwyz";
            for (int k = 0; ids.size() < count; k++) {
                int round = k / letters.length();
                ids.add(letters.charAt(k % letters.length()) + (round == 0 ? "" : Integer.toString(round)));
            }
            return ids;
        }
    }
}
