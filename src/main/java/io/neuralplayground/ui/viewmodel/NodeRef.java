package io.neuralplayground.ui.viewmodel;

import io.neuralplayground.data.Feature;

/** A node of the network graph: an input feature, or a neuron (layer index in the network, unit index). */
public sealed interface NodeRef permits NodeRef.Input, NodeRef.Neuron {

    /** An input feature's node. */
    record Input(Feature feature) implements NodeRef {
    }

    /** Unit {@code unit} of layer {@code layer}; the output layer is the network's last layer. */
    record Neuron(int layer, int unit) implements NodeRef {
    }
}
