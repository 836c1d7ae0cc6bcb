package io.neuralplayground.engine.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.PlaygroundException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the text, parsing gives a graph that can be evaluated, or a {@link ParseException} whose position is
 * inside the text (or at its end): nothing else escapes, and evaluation never throws.
 */
class ExpressionParserProperties {

    @Provide
    Arbitrary<String> expressionish() {
        return Arbitraries.strings().withChars("x0123456789.e+-−*/^²³() \texplogsqrtsincostanhsigmoidrelu,$σ·")
                .ofMaxLength(40);
    }

    @Property(tries = 3000)
    void expressionLikeTextParsesOrSaysWhere(@ForAll("expressionish") String text) {
        check(text);
    }

    @Property(tries = 2000)
    void anyTextParsesOrSaysWhere(@ForAll String text) {
        check(text);
    }

    private static void check(String text) {
        ComputationalGraph graph;
        try {
            graph = ComputationalGraph.parse(text);
        } catch (ParseException e) {
            assertThat(e.position()).isBetween(0, text.length());
            assertThat(e.getMessage()).contains("at position " + e.position());
            assertThat(e.pointer().lines()).hasSize(2);
            return;
        } catch (PlaygroundException e) {
            return;
        }
        Evaluation e = graph.evaluate(0.7);
        assertThat(e.values()).hasSize(graph.size());
        new AutodiffSteps(e);
        FiniteDifference.derivative(graph, 0.7);
    }
}
