package io.neuralplayground.ui.viewmodel;

import io.neuralplayground.data.Feature;
import io.neuralplayground.session.PlaygroundSettings;
import java.util.Arrays;
import java.util.List;

/**
 * One of the inputs the network graph offers, on or off: for generated data one of Playground's seven features,
 * for the user's data one of the file's columns.
 *
 * @param id    the feature's id ("x1", "sinx2") or the column's name, as the network's inputs are named
 * @param label what the graph writes beside it ("X₁", "sin(X₂)", "petal_length")
 */
public record InputNode(String id, String label) {
    /** Playground's seven features, in its order. */
    public static final List<InputNode> FEATURES = Arrays.stream(Feature.values())
            .map(f -> new InputNode(f.id(), f.label())).toList();

    /** The inputs {@code settings} offer: the features, or every column of the data file (on or off). */
    public static List<InputNode> offeredBy(PlaygroundSettings settings) {
        if (!settings.hasDataFile()) {
            return FEATURES;
        }
        return settings.data().dataset().columnNames().stream().map(c -> new InputNode(c, c)).toList();
    }
}
