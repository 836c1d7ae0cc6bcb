package io.neuralplayground.engine.autodiff;

import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;

/**
 * Functions written twice, as text for the parser and as Java, with where they are smooth: the test cases for
 * reverse mode against finite differences. Together they use every operation, compose them, share
 * subexpressions and include the view's default example.
 */
public final class AutodiffFunctions {
    /** The view's default example. */
    public static final String DEFAULT = "sqrt(x^2 + exp(x^2)) + cos(x^2 + exp(x^2))";

    /** Where the functions are checked (those outside a function's domain are skipped). */
    public static final double[] XS = {-2.3, -1.1, -0.4, 0.35, 1.0, 1.7, 3.2};

    public record Case(String text, DoubleUnaryOperator f, DoublePredicate smoothAt) {
        @Override
        public String toString() {
            return text;
        }
    }

    private AutodiffFunctions() {
    }

    static double sigmoid(double u) {
        return 1 / (1 + Math.exp(-u));
    }

    public static List<Case> cases() {
        return List.of(
                new Case(DEFAULT, x -> Math.sqrt(x * x + Math.exp(x * x)) + Math.cos(x * x + Math.exp(x * x)),
                        x -> Math.abs(x) < 2),
                new Case("x^3 - 2*x + 1", x -> x * x * x - 2 * x + 1, x -> true),
                new Case("sin(x)*cos(x) / (1 + x^2)", x -> Math.sin(x) * Math.cos(x) / (1 + x * x), x -> true),
                new Case("log(1 + exp(x))", x -> Math.log(1 + Math.exp(x)), x -> true),
                new Case("sigmoid(3*x - 1) * tanh(x/2)", x -> sigmoid(3 * x - 1) * Math.tanh(x / 2), x -> true),
                new Case("relu(x - 0.3) * exp(-x^2) + relu(-x)", x -> Math.max(0, x - 0.3) * Math.exp(-x * x)
                        + Math.max(0, -x), x -> Math.abs(x - 0.3) > 0.01 && Math.abs(x) > 0.01),
                new Case("x^x", x -> Math.pow(x, x), x -> x > 0),
                new Case("2^x * x^-2", x -> Math.pow(2, x) / (x * x), x -> x != 0),
                new Case("sqrt(log(x^2 + 2))", x -> Math.sqrt(Math.log(x * x + 2)), x -> true),
                new Case("-x^2 + tanh(sin(x))^2", x -> -x * x + Math.pow(Math.tanh(Math.sin(x)), 2), x -> true),
                new Case("(x - 1)/(x + 2) - 1/x", x -> (x - 1) / (x + 2) - 1 / x, x -> x != 0 && x != -2),
                new Case("exp(sin(x^2)) * cos(exp(x)/3)", x -> Math.exp(Math.sin(x * x)) * Math.cos(Math.exp(x) / 3),
                        x -> true),
                new Case("x*x*x + x*x - x/x", x -> x * x * x + x * x - 1, x -> x != 0),
                new Case("log(sigmoid(x)) + relu(x)*x", x -> Math.log(sigmoid(x)) + Math.max(0, x) * x,
                        x -> Math.abs(x) > 0.01),
                new Case("(x^2 + 1)^(sin(x) + 2)", x -> Math.pow(x * x + 1, Math.sin(x) + 2), x -> true),
                new Case("tanh(tanh(tanh(x))) * 2^-x", x -> Math.tanh(Math.tanh(Math.tanh(x))) * Math.pow(2, -x),
                        x -> true),
                new Case("x^0.5 * log(x) - sqrt(x)/x", x -> Math.sqrt(x) * Math.log(x) - Math.sqrt(x) / x, x -> x > 0),
                new Case("(1 + x²)**-1 · exp(−x) − 3", x -> Math.exp(-x) / (1 + x * x) - 3, x -> true));
    }
}
