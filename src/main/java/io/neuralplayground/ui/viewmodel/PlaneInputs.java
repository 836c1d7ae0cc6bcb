package io.neuralplayground.ui.viewmodel;

import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.FeatureSet;
import io.neuralplayground.data.Split;
import io.neuralplayground.session.Snapshot;
import java.util.List;

/**
 * The network's inputs at every point of the plane the output plot shows, {@code [input][point]}, and that
 * plane's extent.
 *
 * <p>Generated data: Playground's [−6, 6]², each feature computed from (x1, x2). The user's data: the two columns
 * of the {@link PlotAxes} vary over a square that holds every example's values in them (in the network's units,
 * z-scores when standardized), and every other input stays at its mean over the training examples, so that the
 * picture is a slice through the network's input space at the training data's centre.
 */
final class PlaneInputs {
    /** Room beyond the examples' largest value, so that the outermost points are not on the edge. */
    private static final double MARGIN = 1.08;

    private PlaneInputs() {
    }

    /** The plane's half side for {@code snapshot}: Playground's 6, or what the axis columns' values need. */
    static double extent(Snapshot snapshot, PlotAxes axes, double playground) {
        if (!snapshot.settings().hasDataFile()) {
            return playground;
        }
        double largest = 0;
        Split split = snapshot.split();
        for (Dataset data : List.of(split.train(), split.test())) {
            int x = data.columnIndex(axes.x());
            int y = data.columnIndex(axes.y());
            for (int r = 0; r < data.size(); r++) {
                largest = Math.max(largest, Math.max(Math.abs(data.value(r, x)), Math.abs(data.value(r, y))));
            }
        }
        return largest > 0 ? largest * MARGIN : 1;
    }

    /** The inputs at every point of {@code grid}, {@code [input][point]}, row by row from the top. */
    static double[][] of(Snapshot snapshot, PlotAxes axes, PlaneGrid grid) {
        FeatureSet features = snapshot.features();
        int points = grid.size() * grid.size();
        double[][] inputs = new double[features.size()][points];
        if (!snapshot.settings().hasDataFile()) {
            if (!features.isFunctionOfX1X2()) {
                throw new IllegalArgumentException("heatmaps need features computed from x1 and x2");
            }
            double[] values = new double[features.size()];
            for (int row = 0; row < grid.size(); row++) {
                for (int col = 0; col < grid.size(); col++) {
                    features.valuesAt(grid.x1(col), grid.x2(row), values);
                    int p = row * grid.size() + col;
                    for (int f = 0; f < values.length; f++) {
                        inputs[f][p] = values[f];
                    }
                }
            }
            return inputs;
        }
        Dataset train = snapshot.split().train();
        List<String> names = features.names();
        for (int f = 0; f < names.size(); f++) {
            String name = names.get(f);
            double mean = mean(train, train.columnIndex(name));
            for (int row = 0; row < grid.size(); row++) {
                for (int col = 0; col < grid.size(); col++) {
                    inputs[f][row * grid.size() + col] = name.equals(axes.x()) ? grid.x1(col)
                            : name.equals(axes.y()) ? grid.x2(row) : mean;
                }
            }
        }
        return inputs;
    }

    /**
     * What each input's picture multiplies its values by to colour them, {@code 1 / max |value|}: the largest over
     * the plane, and for the user's data also over its training examples. Over the plane alone an input held at
     * its mean would always reach ±1 (full colour, however close to 0 its mean is); against the examples it shows
     * where its mean lies in its range.
     *
     * @param inputs the inputs over the plane, as {@link #of} made them
     */
    static double[] scales(Snapshot snapshot, double[][] inputs) {
        boolean data = snapshot.settings().hasDataFile();
        Dataset train = data ? snapshot.split().train() : null;
        List<String> names = snapshot.features().names();
        double[] scales = new double[inputs.length];
        for (int f = 0; f < inputs.length; f++) {
            double largest = 0;
            for (double v : inputs[f]) {
                largest = Math.max(largest, Math.abs(v));
            }
            if (data) {
                int column = train.columnIndex(names.get(f));
                for (int r = 0; r < train.size(); r++) {
                    largest = Math.max(largest, Math.abs(train.value(r, column)));
                }
            }
            scales[f] = largest == 0 ? 1 : 1 / largest;
        }
        return scales;
    }

    private static double mean(Dataset data, int column) {
        double sum = 0;
        for (int r = 0; r < data.size(); r++) {
            sum += data.value(r, column);
        }
        return data.isEmpty() ? 0 : sum / data.size();
    }
}
