package io.neuralplayground.engine.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reverse mode against finite differences of the same function written in Java (independent of the parser and the
 * graph), for every function of {@link AutodiffFunctions} at every x where it is smooth. The fourth-order
 * difference with h = 10⁻⁴ is good to about 10⁻¹⁰ relative, so 10⁻⁷ leaves room and still catches any wrong
 * local derivative.
 */
class AutodiffFiniteDifferenceTest {

    static Stream<Arguments> cases() {
        return AutodiffFunctions.cases().stream().flatMap(c -> java.util.Arrays.stream(AutodiffFunctions.XS)
                .filter(c.smoothAt()::test).mapToObj(x -> Arguments.of(c, x)));
    }

    @ParameterizedTest(name = "{0} at x = {1}")
    @MethodSource("cases")
    void reverseModeAgreesWithFiniteDifferences(AutodiffFunctions.Case c, double x) {
        ComputationalGraph graph = ComputationalGraph.parse(c.text());
        Evaluation e = graph.evaluate(x);
        double expectedValue = c.f().applyAsDouble(x);
        assertThat(e.output()).as("f(%s)", x).isCloseTo(expectedValue, within(1e-12 * Math.max(1, Math.abs(expectedValue))));
        double numeric = FiniteDifference.derivative(c.f(), x);
        assertThat(e.derivative()).as("df/dx at %s", x).isCloseTo(numeric, within(1e-7 * Math.max(1, Math.abs(numeric))));
        assertThat(FiniteDifference.derivative(graph, x)).isCloseTo(numeric, within(1e-9 * Math.max(1, Math.abs(numeric))));
        assertThat(e.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.neuralplayground.engine.autodiff.AutodiffFunctions#cases")
    void everyNodesAdjointIsTheDerivativeOfFWithRespectToIt(AutodiffFunctions.Case c) {
        // Perturb one node's value and recompute the nodes after it: (f(v + h) − f(v − h)) / 2h ≈ v̄.
        ComputationalGraph graph = ComputationalGraph.parse(c.text());
        double x = 1.7;
        Evaluation e = graph.evaluate(x);
        for (GraphNode node : graph.nodes()) {
            double h = 1e-5 * Math.max(1, Math.abs(e.value(node.index())));
            double plus = perturbed(graph, x, node.index(), h);
            double minus = perturbed(graph, x, node.index(), -h);
            double numeric = (plus - minus) / (2 * h);
            assertThat(e.adjoint(node.index())).as("adjoint of %s", node.label())
                    .isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
        }
    }

    /** f with node {@code k}'s value shifted by {@code h} (the nodes before it unchanged, those after recomputed). */
    private static double perturbed(ComputationalGraph graph, double x, int k, double h) {
        double[] values = new double[graph.size()];
        for (GraphNode n : graph.nodes()) {
            values[n.index()] = ComputationalGraph.compute(n, values, x) + (n.index() == k ? h : 0);
        }
        return values[graph.size() - 1];
    }
}
