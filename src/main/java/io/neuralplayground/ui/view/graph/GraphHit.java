package io.neuralplayground.ui.view.graph;

import io.neuralplayground.data.Feature;

/** What lies under a point of the graph. */
public sealed interface GraphHit {

    /** An input's square (on or off), by the input's id. */
    record Input(String id) implements GraphHit {
        /** The square of one of Playground's features. */
        public Input(Feature feature) {
            this(feature.id());
        }
    }

    /** Unit {@code unit} of network layer {@code layer}'s square. */
    record Neuron(int layer, int unit) implements GraphHit {
    }

    /** The bias square of unit {@code unit} of layer {@code layer}. */
    record Bias(int layer, int unit) implements GraphHit {
    }

    /**
     * The marker of the inputs scrolled out of view above or below, in a column with more inputs than fit: a click
     * scrolls it by {@code rows} (negative: up).
     */
    record MoreInputs(int rows) implements GraphHit {
    }

    /** The link from input {@code input} of layer {@code layer} to its unit {@code unit}. */
    record Link(int layer, int input, int unit) implements GraphHit {
    }
}
