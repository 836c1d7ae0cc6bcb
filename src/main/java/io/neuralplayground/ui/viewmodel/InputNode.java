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

    /** The most inputs the graph draws: a row each, still big enough to see in a 640-pixel window. */
    public static final int MAX_SHOWN = 24;

    /**
     * The inputs {@code settings} offer: the features, or the data file's columns; of a file wider than
     * {@link #MAX_SHOWN} columns only those switched on (the rest are chosen in the Open data dialog).
     */
    public static List<InputNode> offeredBy(PlaygroundSettings settings) {
        if (!settings.hasDataFile()) {
            return FEATURES;
        }
        List<String> all = settings.data().dataset().columnNames();
        List<String> shown = all.size() <= MAX_SHOWN ? all : settings.data().columns();
        return shown.stream().map(c -> new InputNode(c, c)).toList();
    }
}
