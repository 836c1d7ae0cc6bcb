package io.neuralplayground.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralplayground.engine.autodiff.AutodiffSteps;
import io.neuralplayground.engine.autodiff.ComputationalGraph;
import io.neuralplayground.engine.autodiff.Evaluation;
import io.neuralplayground.engine.autodiff.FiniteDifference;
import io.neuralplayground.engine.autodiff.GraphNode;
import io.neuralplayground.engine.autodiff.Operand;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code autodiff}: reverse-mode automatic differentiation of a function of x, node by node, as JSON. */
@Command(name = "autodiff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Differentiate a function of x by reverse mode on its computational graph.", "",
            "Prints JSON: the graph's nodes in evaluation order (id, op, formula, inputs, local_derivatives,",
            "value, adjoint), f(x), df/dx by reverse mode and by a finite difference. Inputs are node ids or",
            "the numbers of the expression (numbers are not nodes). Shared subexpressions are one node.",
            "Functions: exp, log, sqrt, sin, cos, tanh, sigmoid, relu; operators + - * / ^ (also **)."},
        footer = {"", "Examples:",
            "  neural-playground autodiff --expr 'sqrt(x^2 + exp(x^2)) + cos(x^2 + exp(x^2))' --x 1",
            "  neural-playground autodiff --expr 'x^2 + exp(x^2)' --x 0.5 --steps"})
final class AutodiffCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--expr", paramLabel = "TEXT", required = true, description = "The function of x.")
    private String expression;

    @Option(names = "--x", paramLabel = "VALUE", required = true, description = "Where to differentiate.")
    private double x;

    @Option(names = "--json", description = "Print JSON (the default).")
    private boolean json;

    @Option(names = "--steps", description = "Print the forward and backward steps as text instead of JSON.")
    private boolean steps;

    @Override
    public Integer call() {
        if (json && steps) {
            throw new IllegalArgumentException("--json and --steps exclude each other: choose one");
        }
        ComputationalGraph graph = ComputationalGraph.parse(expression);
        Evaluation evaluation = graph.evaluate(x);
        double numeric = FiniteDifference.derivative(graph, x);
        PrintWriter out = spec.commandLine().getOut();
        if (steps) {
            for (AutodiffSteps.Step step : new AutodiffSteps(evaluation).steps()) {
                out.println((step.phase() == AutodiffSteps.Phase.FORWARD ? "forward  " : "backward ")
                        + step.text());
            }
            out.println("df/dx = " + evaluation.derivative() + " (reverse mode), " + numeric
                    + " (finite difference)");
            evaluation.problems().forEach(p -> out.println("note: " + p));
        } else {
            out.println(Json.pretty(toJson(evaluation, numeric)));
        }
        return Cli.OK;
    }

    static ObjectNode toJson(Evaluation evaluation, double numeric) {
        ComputationalGraph graph = evaluation.graph();
        ObjectNode root = Json.object();
        root.put("expression", graph.expression());
        Json.put(root, "x", evaluation.x());
        ArrayNode nodes = root.putArray("nodes");
        for (GraphNode n : graph.nodes()) {
            ObjectNode node = nodes.addObject();
            node.put("id", n.id());
            node.put("op", n.op().jsonName());
            node.put("formula", n.formula());
            ArrayNode inputs = node.putArray("inputs");
            ArrayNode locals = node.putArray("local_derivatives");
            for (int s = 0; s < n.operands().size(); s++) {
                Operand o = n.operands().get(s);
                if (o instanceof Operand.Ref) {
                    inputs.add(graph.operandName(o));
                    Json.add(locals, evaluation.partial(n.index(), s));
                } else {
                    // A number as the user wrote it, with an ASCII minus: it can be pasted back into --expr.
                    inputs.add(graph.operandName(o).replace('−', '-'));
                    locals.addNull();
                }
            }
            Json.put(node, "value", evaluation.value(n.index()));
            Json.put(node, "adjoint", evaluation.adjoint(n.index()));
        }
        root.put("output", graph.output().id());
        Json.put(root, "value", evaluation.output());
        Json.put(root, "df_dx", evaluation.derivative());
        Json.put(root, "df_dx_numeric", numeric);
        Json.put(root, "difference", evaluation.derivative() - numeric);
        root.set("problems", Json.strings(evaluation.problems()));
        return root;
    }
}
