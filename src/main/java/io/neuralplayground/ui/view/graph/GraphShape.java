package io.neuralplayground.ui.view.graph;

import io.neuralplayground.data.Feature;
import io.neuralplayground.engine.Network;
import io.neuralplayground.session.Snapshot;
import io.neuralplayground.ui.viewmodel.InputNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the graph's geometry depends on: which inputs it offers (a row each, on or off), which of them feed the
 * network (in input order) and the width of every layer. Two snapshots with equal shapes are drawn on the same
 * layout, so the layout is rebuilt only when this changes.
 *
 * @param offered the inputs the graph shows, on or off: Playground's seven features, or the data file's columns
 * @param inputs  the ids of the inputs switched on, in the network's input order
 * @param hidden  the hidden layers' widths
 * @param outputs the output layer's width
 */
public record GraphShape(List<InputNode> offered, List<String> inputs, List<Integer> hidden, int outputs) {

    public GraphShape {
        offered = List.copyOf(offered);
        inputs = List.copyOf(inputs);
        hidden = List.copyOf(hidden);
        if (inputs.isEmpty() || outputs < 1 || hidden.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("a graph needs inputs, positive widths and an output: " + inputs
                    + " " + hidden + " " + outputs);
        }
        List<String> ids = offered.stream().map(InputNode::id).toList();
        if (!ids.containsAll(inputs)) {
            throw new IllegalArgumentException("inputs " + inputs + " are not all among " + ids);
        }
    }

    /** A shape over Playground's seven features with {@code inputs} on. */
    public GraphShape(List<Feature> inputs, List<Integer> hidden, int outputs) {
        this(InputNode.FEATURES, inputs.stream().map(Feature::id).toList(), hidden, outputs);
    }

    /** The shape of a snapshot's network; its inputs are the snapshot's features, among those its settings offer. */
    public static GraphShape of(Snapshot snapshot) {
        List<String> inputs = snapshot.features().names();
        Network network = snapshot.network();
        if (network.inputs() != inputs.size()) {
            throw new IllegalArgumentException("the network takes " + network.inputs() + " inputs but "
                    + inputs.size() + " features are on");
        }
        List<Integer> hidden = new ArrayList<>();
        for (int l = 0; l < network.depth() - 1; l++) {
            hidden.add(network.layer(l).units());
        }
        return new GraphShape(InputNode.offeredBy(snapshot.settings()), inputs, hidden, network.outputs());
    }

    /** The row of input {@code id} among the offered ones. */
    public int row(String id) {
        for (int r = 0; r < offered.size(); r++) {
            if (offered.get(r).id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no input " + id);
    }

    /** The label of input {@code id}. */
    public String label(String id) {
        return offered.get(row(id)).label();
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
