package io.neuralplayground.ui.view.graph;

import io.neuralplayground.ui.viewmodel.NumberTexts;
import java.util.regex.Pattern;

/**
 * The words of the graph: headers, hover cards, and reading the values the user edits (their numbers are written
 * by {@link NumberTexts}).
 */
public final class GraphTexts {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private GraphTexts() {
    }

    /**
     * A value the user typed: a decimal number ("0.5", "-1", ".25", "2e-3", "−0.5" with a real minus), or null
     * for anything else, including NaN, infinities and numbers too large to be finite.
     */
    public static Double parse(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text.strip().replace(NumberTexts.MINUS, '-');
        if (!NUMBER.matcher(cleaned).matches()) {
            return null;
        }
        double value = Double.parseDouble(cleaned);
        return Double.isFinite(value) ? value : null;
    }

    /** "2 HIDDEN LAYERS", "1 HIDDEN LAYER". */
    public static String hiddenLayers(int count) {
        return count + (count == 1 ? " HIDDEN LAYER" : " HIDDEN LAYERS");
    }

    /** "4 neurons", "1 neuron". */
    public static String neurons(int count) {
        return count + (count == 1 ? " neuron" : " neurons");
    }

    /** "neuron 2 of layer 1" (both counted from 1, hidden layers only), "the output", "output 2". */
    public static String node(GraphShape shape, int layer, int unit) {
        if (layer == shape.depth() - 1) {
            return shape.outputs() == 1 ? "the output" : "output " + (unit + 1);
        }
        return "neuron " + (unit + 1) + " of layer " + (layer + 1);
    }

    /** The name of input {@code input} of layer {@code layer}: a feature's label, or a neuron. */
    public static String source(GraphShape shape, int layer, int input) {
        return layer == 0 ? shape.label(shape.inputs().get(input)) : node(shape, layer - 1, input);
    }

    /** "Weight 0.4312 (X₁ → neuron 2 of layer 1)". */
    public static String weight(GraphShape shape, int layer, int input, int unit, double value, boolean frozen) {
        return "Weight " + NumberTexts.value(value) + " (" + source(shape, layer, input) + " \u2192 "
                + node(shape, layer, unit) + ")" + (frozen ? ", frozen by L1" : "");
    }

    /** "Bias −0.1000 (neuron 2 of layer 1)". */
    public static String bias(GraphShape shape, int layer, int unit, double value) {
        return "Bias " + NumberTexts.value(value) + " (" + node(shape, layer, unit) + ")";
    }
}
