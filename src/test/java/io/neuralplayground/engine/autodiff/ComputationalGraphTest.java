package io.neuralplayground.engine.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComputationalGraphTest {

    private static List<String> labels(ComputationalGraph g) {
        return g.nodes().stream().map(GraphNode::label).toList();
    }

    @Test
    void sharedSubexpressionsAreOneNodeWhoseAdjointSumsBothUses() {
        ComputationalGraph g = ComputationalGraph.parse("x^2 + exp(x^2)");
        assertThat(labels(g)).containsExactly("x", "a = x²", "b = exp(a)", "c = a + b");
        GraphNode square = g.node("a");
        assertThat(g.edgesOutOf(square.index())).extracting(Edge::to).containsExactly(2, 3);
        // At x = 1.5: a = 2.25, c̄ = 1, b̄ = c̄·1 = 1, ā = b̄·exp(a) + c̄·1 = e^2.25 + 1, x̄ = ā·2x = 3(e^2.25 + 1).
        Evaluation e = g.evaluate(1.5);
        assertThat(e.adjoint(square.index())).isCloseTo(Math.exp(2.25) + 1, within(1e-12));
        assertThat(e.derivative()).isCloseTo(3 * (Math.exp(2.25) + 1), within(1e-12));
    }

    @Test
    void theDefaultExampleByHand() {
        // f(x) = sqrt(u) + cos(u) with u = x² + exp(x²). At x = 1: a = x² = 1, b = e = 2.718281828459045,
        // c = u = 3.718281828459045, d = √u = 1.928284685532467, e = cos u = −0.8382724735577245,
        // f = d + e = 1.0900122119747424.
        // Backward: f̄ = 1, d̄ = ē = 1; c̄ = d̄/(2√u) − ē·sin u = 0.2592978120665479 + 0.5452515566923345
        // = 0.8045493687588824; b̄ = c̄; ā = c̄·1 + b̄·e^a = c̄·(1 + e) = 2.9915412979543476;
        // x̄ = ā·2x = 5.983082595908695 = df/dx = 2x(1 + e^(x²))·(1/(2√u) − sin u).
        ComputationalGraph g = ComputationalGraph.parse(AutodiffFunctions.DEFAULT);
        assertThat(labels(g)).containsExactly("x", "a = x²", "b = exp(a)", "c = a + b", "d = √c", "e = cos(c)",
                "f = d + e");
        assertThat(g.nodes()).extracting(GraphNode::layer).containsExactly(0, 1, 2, 3, 4, 4, 5);
        Evaluation e = g.evaluate(1);
        assertThat(e.values()).containsExactly(new double[] {1, 1, Math.E, 1 + Math.E, 1.928284685532467,
            -0.8382724735577245, 1.0900122119747424}, within(1e-15));
        assertThat(e.adjoints()).containsExactly(new double[] {5.983082595908695, 2.9915412979543476,
            0.8045493687588824, 0.8045493687588824, 1, 1, 1}, within(1e-14));
        assertThat(e.derivative()).isCloseTo(5.983082595908695, within(1e-14));
        assertThat(e.output()).isCloseTo(1.0900122119747424, within(1e-15));
    }

    @Test
    void edgesCarryTheirLocalDerivatives() {
        ComputationalGraph g = ComputationalGraph.parse(AutodiffFunctions.DEFAULT);
        Evaluation e = g.evaluate(1);
        assertThat(g.edges()).extracting(edge -> g.node(edge.to()).id() + "/" + g.node(edge.from()).id() + " = "
                + edge.formula()).containsExactly("a/x = 2x", "b/a = exp(a)", "c/a = 1", "c/b = 1",
                        "d/c = 1/(2√c)", "e/c = −sin(c)", "f/d = 1", "f/e = 1");
        Edge de = g.edgesInto(g.node("e").index()).get(0);
        assertThat(e.localDerivative(de)).isCloseTo(-Math.sin(1 + Math.E), within(1e-15));
    }

    @Test
    void identityIsStructural() {
        assertThat(labels(ComputationalGraph.parse("(x+1)*(x + 1.0) + (1+x)")))
                .containsExactly("x", "a = x + 1", "b = a·a", "c = 1 + x", "d = b + c");
        assertThat(labels(ComputationalGraph.parse("x**2 - x^2 + x²")))
                .containsExactly("x", "a = x²", "b = a − a", "c = b + a");
        assertThat(labels(ComputationalGraph.parse("sin(x)*cos(x) + sin(x)*cos(x)")))
                .containsExactly("x", "a = sin(x)", "b = cos(x)", "c = a·b", "d = c + c");
    }

    @Test
    void aNodeUsedTwiceByOneNodeHasOneEdgeWithTheSumOfBothPartials() {
        ComputationalGraph g = ComputationalGraph.parse("x*x");
        assertThat(g.edges()).hasSize(1);
        assertThat(g.edges().get(0).slots()).containsExactly(0, 1);
        assertThat(g.edges().get(0).formula()).isEqualTo("x + x");
        assertThat(g.evaluate(3).derivative()).isEqualTo(6);
        assertThat(ComputationalGraph.parse("x^x").evaluate(2).derivative())
                .isCloseTo(4 * (1 + Math.log(2)), within(1e-13));
    }

    @Test
    void precedenceAndAssociativityAreMaths() {
        assertThat(labels(ComputationalGraph.parse("-x^2"))).containsExactly("x", "a = x²", "b = −a");
        assertThat(ComputationalGraph.parse("2^3^2").value(0)).isEqualTo(512);
        assertThat(ComputationalGraph.parse("-2^2").value(0)).isEqualTo(-4);
        assertThat(ComputationalGraph.parse("8/4/2").value(0)).isEqualTo(1);
        assertThat(ComputationalGraph.parse("8-4-2").value(0)).isEqualTo(2);
        assertThat(ComputationalGraph.parse("2*3+4*5").value(0)).isEqualTo(26);
        assertThat(ComputationalGraph.parse("x^-2").value(2)).isEqualTo(0.25);
        assertThat(ComputationalGraph.parse("2^-x").value(1)).isEqualTo(0.5);
        assertThat(ComputationalGraph.parse("- -x").value(3)).isEqualTo(3);
        assertThat(ComputationalGraph.parse("+x").value(3)).isEqualTo(3);
        assertThat(ComputationalGraph.parse("1e-3 * .5 + 2.").value(0)).isEqualTo(2.0005);
        assertThat(ComputationalGraph.parse("x²³").value(2)).isEqualTo(64);
        assertThat(ComputationalGraph.parse("3 × x ÷ 2 − 1").value(2)).isEqualTo(2);
        assertThat(ComputationalGraph.parse("σ(0)").value(0)).isEqualTo(0.5);
        assertThat(ComputationalGraph.parse("relu(-x) + relu(x)").value(-2)).isEqualTo(2);
    }

    @Test
    void constantsAreOperandsAndANumberAloneIsOneConstantNode() {
        ComputationalGraph g = ComputationalGraph.parse("3");
        assertThat(labels(g)).containsExactly("x", "a = 3");
        assertThat(g.node(1).op()).isEqualTo(Op.CONSTANT);
        Evaluation e = g.evaluate(5);
        assertThat(e.output()).isEqualTo(3);
        assertThat(e.derivative()).isZero();
        ComputationalGraph onlyX = ComputationalGraph.parse("x");
        assertThat(onlyX.size()).isEqualTo(1);
        assertThat(onlyX.output()).isSameAs(onlyX.input());
        assertThat(onlyX.evaluate(4).derivative()).isEqualTo(1);
        assertThat(ComputationalGraph.parse("exp(2)*x").evaluate(1).derivative()).isCloseTo(Math.exp(2), within(1e-15));
    }

    @Test
    void nodesAreNamedWithoutX() {
        StringBuilder text = new StringBuilder("x");
        for (int i = 0; i < 30; i++) {
            text.append(" + ").append(i + 1).append("*x");
        }
        ComputationalGraph g = ComputationalGraph.parse(text.toString());
        assertThat(g.nodes()).extracting(GraphNode::id).doesNotHaveDuplicates().startsWith("x", "a", "b")
                .contains("w", "y", "z", "a1").filteredOn("x"::equals).hasSize(1);
    }

    @Test
    void undefinedValuesAndDerivativesAreNamedWhereTheyArise() {
        Evaluation log = ComputationalGraph.parse("log(x - 2) * 3").evaluate(1);
        assertThat(log.output()).isNaN();
        assertThat(log.derivative()).isNaN();
        assertThat(log.problems()).containsExactly("b = log(a) is NaN at a = −1.0000: log needs a positive argument");
        Evaluation sqrt = ComputationalGraph.parse("sqrt(x)").evaluate(0);
        assertThat(sqrt.output()).isZero();
        assertThat(sqrt.problems()).containsExactly(
                "∂a/∂x = 1/(2√x) is ∞ at x = 0.0000: a has no finite derivative there");
        Evaluation pow = ComputationalGraph.parse("x^0.5").evaluate(-4);
        assertThat(pow.problems()).singleElement().asString().contains("a = x^0.5 is NaN at x = −4.0000",
                "a negative base needs a whole-number exponent");
        assertThat(ComputationalGraph.parse("x^2").evaluate(-3).derivative()).isEqualTo(-6);
        assertThat(ComputationalGraph.parse("1/x").evaluate(0).problems()).singleElement().asString()
                .contains("division needs a non-zero divisor");
        assertThat(ComputationalGraph.parse("exp(x)").evaluate(800).problems()).singleElement().asString()
                .contains("exp overflows");
    }

    @Test
    void reluHasDerivativeZeroAtItsKink() {
        assertThat(ComputationalGraph.parse("relu(x)").evaluate(0).derivative()).isZero();
        assertThat(ComputationalGraph.parse("relu(x)").evaluate(1e-300).derivative()).isEqualTo(1);
    }

    @Test
    void powerRulesAtTheEdges() {
        assertThat(ComputationalGraph.parse("x^0").evaluate(0).derivative()).isZero();
        assertThat(ComputationalGraph.parse("x^1").evaluate(0).derivative()).isEqualTo(1);
        // 0^v with v > 0 is 0 for every v near, so ∂/∂v = 0 there, although log 0 is −∞.
        assertThat(ComputationalGraph.parse("(x - 1)^(x + 1)").evaluate(1).derivative()).isZero();
        assertThat(ComputationalGraph.parse("x^3").evaluate(-2).derivative()).isEqualTo(12);
    }
}
