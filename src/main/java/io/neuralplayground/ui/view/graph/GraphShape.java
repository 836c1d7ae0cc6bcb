package io.neuralplayground.ui.view.graph;

import io.neuralplayground.data.Feature;
import io.neuralplayground.engine.Network;
import io.neuralplayground.session.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * What the graph's geometry depends on: which features feed the network (in input order) and the width of every
 * layer. Two snapshots with equal shapes are drawn on the same layout, so the layout is rebuilt only when this
 * changes.
 *
 * @param inputs  the enabled features, in the network's input order
 * @param hidden  the hidden layers' widths
 * @param outputs the output layer's width
 */
public record GraphShape(List<Feature> inputs, List<Integer> hidden, int outputs) {

    public GraphShape {
        inputs = List.copyOf(inputs);
        hidden = List.copyOf(hidden);
        if (inputs.isEmpty() || outputs < 1 || hidden.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("a graph needs inputs, positive widths and an output: " + inputs
                    + " " + hidden + " " + outputs);
        }
    }

    /** The shape of a snapshot's network; its inputs are the snapshot's features, which must be Playground's. */
    public static GraphShape of(Snapshot snapshot) {
        List<Feature> inputs = snapshot.features().names().stream().map(Feature::byName).toList();
        Network network = snapshot.network();
        if (network.inputs() != inputs.size()) {
            throw new IllegalArgumentException("the network takes " + network.inputs() + " inputs but "
                    + inputs.size() + " features are on");
        }
        List<Integer> hidden = new ArrayList<>();
        for (int l = 0; l < network.depth() - 1; l++) {
            hidden.add(network.layer(l).units());
        }
        return new GraphShape(inputs, hidden, network.outputs());
    }

    /** Number of network layers: the hidden ones and the output layer. */
    public int depth() {
        return hidden.size() + 1;
    }

    /** Units of network layer {@code layer} (the last is the output layer). */
    public int units(int layer) {
        return layer < hidden.size() ? hidden.get(layer) : outputs;
    }

    /** Inputs of network layer {@code layer}: the features for the first, the previous layer's units otherwise. */
    public int sources(int layer) {
        return layer == 0 ? inputs.size() : units(layer - 1);
    }

    /** Whether {@code network} has exactly this shape (so its weights can be drawn on this shape's layout). */
    public boolean matches(Network network) {
        if (network.inputs() != inputs.size() || network.depth() != depth()) {
            return false;
        }
        for (int l = 0; l < depth(); l++) {
            if (network.layer(l).units() != units(l)) {
                return false;
            }
        }
        return true;
    }
}
