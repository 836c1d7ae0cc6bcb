package io.neuralplayground.ui.viewmodel.teaching;

/**
 * What the network diagram lights up at a step. Layers are counted as the textbook counts them: 0 is the input,
 * k = 1 … L the layers.
 *
 * @param neurons    the column whose nodes light up (0 the inputs, k layer k), or −1
 * @param links      the layer whose incoming links light up (k: the links from layer k−1 into layer k), or 0
 * @param biases     the layer whose biases light up, or 0
 * @param loss       whether the loss lights up
 * @param linkLabels numbers to write on the lit links, {@code [input][unit]} (the kernel's layout, whatever the
 *                   matrices' layout), or null
 * @param biasLabels numbers to write beside the lit biases, one per unit, or null
 */
public record Highlight(int neurons, int links, int biases, boolean loss, double[][] linkLabels,
        double[] biasLabels) {

    public static final Highlight NONE = new Highlight(-1, 0, 0, false, null, null);

    static Highlight neurons(int column) {
        return new Highlight(column, 0, 0, false, null, null);
    }

    static Highlight loss(int outputLayer) {
        return new Highlight(outputLayer, 0, 0, true, null, null);
    }

    static Highlight links(int layer, double[][] labels) {
        return new Highlight(-1, layer, 0, false, labels, null);
    }

    static Highlight linksAndNeurons(int layer, int column) {
        return new Highlight(column, layer, 0, false, null, null);
    }

    static Highlight biases(int layer, double[] labels) {
        return new Highlight(-1, 0, layer, false, null, labels);
    }
}
