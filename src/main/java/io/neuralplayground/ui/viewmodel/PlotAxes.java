package io.neuralplayground.ui.viewmodel;

import io.neuralplayground.data.Dataset;
import io.neuralplayground.session.PlaygroundSettings;
import java.util.List;
import java.util.Objects;

/**
 * The two columns of the user's data the output plot shows as its axes, x to the right and y upwards. Every other
 * input is held at its mean over the training examples; the points are drawn at their values in these two
 * columns. Generated data have no choice: their plane is always x1 and x2 ({@link #PLAYGROUND}).
 */
public record PlotAxes(String x, String y) {
    /** Playground's plane. */
    public static final PlotAxes PLAYGROUND = new PlotAxes("x1", "x2");

    public PlotAxes {
        Objects.requireNonNull(x);
        Objects.requireNonNull(y);
    }

    /**
     * The axes to start with for {@code settings}: x1 and x2 for generated data; for a data file the first two
     * input columns switched on (the first two columns where fewer are on).
     */
    public static PlotAxes defaultFor(PlaygroundSettings settings) {
        if (!settings.hasDataFile()) {
            return PLAYGROUND;
        }
        List<String> on = settings.data().columns();
        List<String> all = settings.data().dataset().columnNames();
        List<String> pick = on.size() >= 2 ? on : all;
        return pick.size() >= 2 ? new PlotAxes(pick.get(0), pick.get(1)) : new PlotAxes(pick.get(0), pick.get(0));
    }

    /** These axes if {@code settings}' data has both columns, otherwise {@link #defaultFor} them. */
    public PlotAxes fittedTo(PlaygroundSettings settings) {
        if (!settings.hasDataFile()) {
            return PLAYGROUND;
        }
        Dataset data = settings.data().dataset();
        return data.hasColumn(x) && data.hasColumn(y) ? this : defaultFor(settings);
    }
}
