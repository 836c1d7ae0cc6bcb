package io.neuralplayground.ui.viewmodel;

import io.neuralplayground.data.Feature;

/**
 * A node of the network graph: an input (a feature, or a column of the user's data, by its id), or a neuron
 * (layer index in the network, unit index).
 */
public sealed interface NodeRef permits NodeRef.Input, NodeRef.Neuron {

    /** An input's node, by the input's id ({@link InputNode#id()}). */
    record Input(String id) implements NodeRef {
        /** The node of one of Playground's features. */
        public Input(Feature feature) {
            this(feature.id());
        }
    }

    /** Unit {@code unit} of layer {@code layer}; the output layer is the network's last layer. */
    record Neuron(int layer, int unit) implements NodeRef {
    }
}
