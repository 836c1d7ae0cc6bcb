package io.neuralplayground.engine.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class AutodiffStepsTest {
    /** The texts write an adjoint's bar as a combining macron (ā is a + U+0304), as x̄ needs. */
    static String[] nfd(String... texts) {
        return java.util.Arrays.stream(texts).map(t -> Normalizer.normalize(t, Normalizer.Form.NFD))
                .toArray(String[]::new);
    }

    private final AutodiffSteps steps = new AutodiffSteps(ComputationalGraph.parse(AutodiffFunctions.DEFAULT).evaluate(1));

    @Test
    void forwardInEvaluationOrderThenBackwardInReverse() {
        assertThat(steps.size()).isEqualTo(14);
        assertThat(steps.steps()).extracting(AutodiffSteps.Step::text).containsExactly(nfd(
                "x = 1.0000  (the input)",
                "a = x² = 1.0000² = 1.0000",
                "b = exp(a) = exp(1.0000) = 2.7183",
                "c = a + b = 1.0000 + 2.7183 = 3.7183",
                "d = √c = √3.7183 = 1.9283",
                "e = cos(c) = cos(3.7183) = −0.8383",
                "f = d + e = 1.9283 + (−0.8383) = 1.0900",
                "f̄ = ∂f/∂f = 1  (the output)",
                "ē = f̄·∂f/∂e = 1.0000·1.0000 = 1.0000",
                "d̄ = f̄·∂f/∂d = 1.0000·1.0000 = 1.0000",
                "c̄ = d̄·∂d/∂c + ē·∂e/∂c = 1.0000·0.2593 + 1.0000·0.5453 = 0.8045",
                "b̄ = c̄·∂c/∂b = 0.8045·1.0000 = 0.8045",
                "ā = b̄·∂b/∂a + c̄·∂c/∂a = 0.8045·2.7183 + 0.8045·1.0000 = 2.9915",
                "x̄ = ā·∂a/∂x = 2.9915·2.0000 = 5.9831  = df/dx"));
        assertThat(steps.steps()).extracting(AutodiffSteps.Step::node)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 6, 5, 4, 3, 2, 1, 0);
        assertThat(steps.steps().get(8).phase()).isEqualTo(AutodiffSteps.Phase.BACKWARD);
        assertThat(steps.steps().get(8).number()).isEqualTo(2);
    }

    @Test
    void whatIsKnownAtAPosition() {
        ComputationalGraph g = steps.evaluation().graph();
        assertThat(steps.current(0)).isNull();
        assertThat(steps.valueKnown(0, 0)).isFalse();
        assertThat(steps.valueKnown(0, 1)).isTrue();
        assertThat(steps.valueKnown(6, 6)).isFalse();
        assertThat(steps.valueKnown(6, 7)).isTrue();
        assertThat(steps.adjointKnown(6, 7)).isFalse();
        assertThat(steps.adjointKnown(6, 8)).isTrue();
        assertThat(steps.adjointKnown(0, 13)).isFalse();
        assertThat(steps.adjointKnown(0, 14)).isTrue();
        // c's backward step (position 11) uses and reveals the edges c → d and c → e.
        Edge cd = g.edgesOutOf(3).get(0);
        assertThat(steps.derivativeKnown(cd, 10)).isFalse();
        assertThat(steps.derivativeKnown(cd, 11)).isTrue();
        assertThat(steps.activeEdges(11)).extracting(Edge::to).containsExactly(4, 5);
        assertThat(steps.activeEdges(4)).extracting(Edge::from).containsExactly(1, 2);
        assertThat(steps.current(4).text()).startsWith("c = a + b");
        assertThat(steps.current(99)).isEqualTo(steps.steps().get(13));
    }

    @Test
    void aFunctionThatIgnoresXSaysSo() {
        AutodiffSteps s = new AutodiffSteps(ComputationalGraph.parse("3").evaluate(2));
        assertThat(s.steps()).extracting(AutodiffSteps.Step::text).containsExactly(nfd("x = 2.0000  (the input)",
                "a = 3 = 3.0000", "ā = ∂f/∂a = 1  (a is the output: f = a)", "x̄ = 0  (f does not use x)"));
    }
}
