package io.neuralplayground.ui.view.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphTextsTest {
    private final GraphShape shape = GraphLayoutTest.DEFAULT;

    @Test
    void numbersAreRead() {
        assertThat(GraphTexts.parse("0.75")).isEqualTo(0.75);
        assertThat(GraphTexts.parse(" -1 ")).isEqualTo(-1.0);
        assertThat(GraphTexts.parse("\u22120.25")).isEqualTo(-0.25);
        assertThat(GraphTexts.parse(".5")).isEqualTo(0.5);
        assertThat(GraphTexts.parse("+3.")).isEqualTo(3.0);
        assertThat(GraphTexts.parse("2e-3")).isEqualTo(0.002);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "NaN", "Infinity", "-Infinity", "1e999", "1d", "0x10", "1,5", "1..2",
            "--1", "e5", "."})
    void anythingElseIsRefused(String text) {
        assertThat(GraphTexts.parse(text)).isNull();
    }

    @Test
    void nullIsRefused() {
        assertThat(GraphTexts.parse(null)).isNull();
    }

    @Test
    void linksAndBiasesAreNamed() {
        assertThat(GraphTexts.weight(shape, 0, 0, 1, 0.43121, false))
                .isEqualTo("Weight 0.4312 (X\u2081 \u2192 neuron 2 of layer 1)");
        assertThat(GraphTexts.weight(shape, 1, 3, 0, 1, false))
                .isEqualTo("Weight 1.0000 (neuron 4 of layer 1 \u2192 neuron 1 of layer 2)");
        assertThat(GraphTexts.weight(shape, 2, 1, 0, 0, true))
                .isEqualTo("Weight 0.0000 (neuron 2 of layer 2 \u2192 the output), frozen by L1");
        assertThat(GraphTexts.bias(shape, 0, 1, -0.1)).isEqualTo("Bias \u22120.1000 (neuron 2 of layer 1)");
        GraphShape classes = new GraphShape(List.of(Feature.X1), List.of(), 3);
        assertThat(GraphTexts.bias(classes, 0, 2, 0)).isEqualTo("Bias 0.0000 (output 3)");
    }

    @Test
    void headersCount() {
        assertThat(GraphTexts.hiddenLayers(1)).isEqualTo("1 HIDDEN LAYER");
        assertThat(GraphTexts.hiddenLayers(0)).isEqualTo("0 HIDDEN LAYERS");
        assertThat(GraphTexts.neurons(1)).isEqualTo("1 neuron");
        assertThat(GraphTexts.neurons(8)).isEqualTo("8 neurons");
    }

    @Test
    void linkWidthsFollowPlayground() {
        assertThat(LinkStyle.width(0)).isEqualTo(1);
        assertThat(LinkStyle.width(-2.5)).isEqualTo(5.5);
        assertThat(LinkStyle.width(5)).isEqualTo(10);
        assertThat(LinkStyle.width(-80)).isEqualTo(10);
        assertThat(LinkStyle.width(Double.NaN)).isEqualTo(1);
    }
}
