package io.neuralplayground.ui.viewmodel;

import io.neuralplayground.data.FeatureSet;
import io.neuralplayground.data.Split;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.ForwardPass;
import io.neuralplayground.engine.Network;
import io.neuralplayground.session.Snapshot;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Computes the heatmaps of snapshots off the FX thread: one forward pass over the grid gives every neuron's
 * picture. Requests are latest-wins ({@link LatestWins}): only the newest is computed, and the newest finished
 * frame waits in a slot for the FX thread.
 *
 * <p>Inputs are coloured by their value divided by the largest magnitude they reach ({@link PlaneInputs#scales}:
 * on the grid, x1 by 6, x1² by 36, sin x1 by 1; for the user's data also over its training examples, so that a
 * column held at its mean is pale, not full colour), so that each input's picture shows its shape; neurons by
 * their output, as Playground.
 */
public final class HeatmapService {
    private final PlaneGrid grid;
    private final PlaneGrid thumbGrid;
    private final LatestWins<Request, HeatmapFrame> worker;

    // Touched only by the computing task (one at a time).
    private final ForwardPass pass;
    private Object cachedPlane;
    private double[][] cachedInputs;
    private double[] cachedScales;
    private Map<NodeRef, int[]> cachedInputThumbnails;

    /** One request: a snapshot, the node under the pointer, the plot's axes. */
    private record Request(Snapshot snapshot, NodeRef hovered, PlotAxes axes) {
    }

    /**
     * What the inputs over the plane depend on: equal keys, the same inputs (the weights do not matter). The split
     * only for the user's data (its training means hold the other inputs), null for generated data.
     */
    private record PlaneKey(FeatureSet features, PlotAxes axes, PlaneGrid grid, Split split) {
    }

    public HeatmapService(Executor executor) {
        this(executor, PlaneGrid.PLAYGROUND, new PlaneGrid(50, PlaneGrid.PLAYGROUND.extent()));
    }

    public HeatmapService(Executor executor, PlaneGrid grid, PlaneGrid thumbGrid) {
        if (grid.size() % thumbGrid.size() != 0 || grid.extent() != thumbGrid.extent()) {
            throw new IllegalArgumentException("the thumbnail grid must divide the grid over the same extent");
        }
        this.worker = new LatestWins<>(executor, r -> compute(r.snapshot(), r.hovered(), r.axes()));
        this.grid = grid;
        this.thumbGrid = thumbGrid;
        this.pass = new ForwardPass(grid.size() * grid.size());
    }

    public PlaneGrid grid() {
        return grid;
    }

    /** Asks for the pictures of {@code snapshot}; returns at once. */
    public void request(Snapshot snapshot, NodeRef hovered) {
        request(snapshot, hovered, PlotAxes.PLAYGROUND);
    }

    /** Asks for the pictures of {@code snapshot} over the plane of {@code axes}; returns at once. */
    public void request(Snapshot snapshot, NodeRef hovered, PlotAxes axes) {
        worker.request(new Request(snapshot, hovered, axes.fittedTo(snapshot.settings())));
    }

    /** The newest finished frame not taken yet, or null. */
    public HeatmapFrame take() {
        return worker.take();
    }

    private HeatmapFrame compute(Snapshot snapshot, NodeRef hovered, PlotAxes axes) {
        FeatureSet features = snapshot.features();
        double extent = PlaneInputs.extent(snapshot, axes, this.grid.extent());
        PlaneGrid grid = new PlaneGrid(this.grid.size(), extent);
        PlaneGrid thumbGrid = new PlaneGrid(this.thumbGrid.size(), extent);
        double[][] inputs = inputsFor(snapshot, axes, grid);
        Network network = snapshot.network();
        int points = grid.size() * grid.size();
        double[][][] h = pass.run(network, inputs, points);

        int last = network.depth() - 1;
        Activation outputActivation = network.outputLayer().activation();
        int outputs = network.outputs();
        Map<NodeRef, int[]> thumbnails = new LinkedHashMap<>(cachedInputThumbnails);
        for (int l = 0; l < last; l++) {
            for (int j = 0; j < network.layer(l).units(); j++) {
                thumbnails.put(new NodeRef.Neuron(l, j), thumbnail(h[l][j], 1.0));
            }
        }
        for (int j = 0; j < outputs; j++) {
            int n = thumbGrid.size() * thumbGrid.size();
            thumbnails.put(new NodeRef.Neuron(last, j), OutputColoring.unitPicture(sampled(h[last][j]), j,
                    outputActivation, outputs, new int[n], n));
        }
        int[] continuous = new int[points];
        int[] discrete = new int[points];
        OutputColoring.paint(h[last], outputActivation, points, continuous, discrete);
        int[] hoveredPixels = null;
        if (hovered instanceof NodeRef.Neuron n && n.layer() == last && n.unit() < outputs) {
            hoveredPixels = OutputColoring.unitPicture(h[last][n.unit()], n.unit(), outputActivation, outputs,
                    new int[points], points);
        } else if (hovered instanceof NodeRef.Neuron n && n.layer() < network.depth()
                && n.unit() < network.layer(n.layer()).units()) {
            hoveredPixels = full(h[n.layer()][n.unit()], 1.0);
        } else if (hovered instanceof NodeRef.Input in && features.names().contains(in.id())) {
            int f = features.names().indexOf(in.id());
            hoveredPixels = full(inputs[f], cachedScales[f]);
        } else {
            hovered = null;
        }
        return new HeatmapFrame(snapshot.build(), snapshot.epoch(), grid, thumbGrid, thumbnails, continuous, discrete,
                hovered, hoveredPixels);
    }


    /** The inputs at every grid point, {@code [input][point]}, cached while the plane stays the same. */
    private double[][] inputsFor(Snapshot snapshot, PlotAxes axes, PlaneGrid grid) {
        PlaneKey key = new PlaneKey(snapshot.features(), axes, grid,
                snapshot.settings().hasDataFile() ? snapshot.split() : null);
        if (key.equals(cachedPlane)) {
            return cachedInputs;
        }
        double[][] inputs = PlaneInputs.of(snapshot, axes, grid);
        double[] scales = PlaneInputs.scales(snapshot, inputs);
        Map<NodeRef, int[]> thumbs = new HashMap<>();
        List<String> names = snapshot.features().names();
        for (int f = 0; f < names.size(); f++) {
            thumbs.put(new NodeRef.Input(names.get(f)), thumbnail(inputs[f], scales[f]));
        }
        cachedPlane = key;
        cachedInputs = inputs;
        cachedScales = scales;
        cachedInputThumbnails = thumbs;
        return inputs;
    }

    private int[] full(double[] values, double scale) {
        int points = grid.size() * grid.size();
        int[] pixels = new int[points];
        for (int p = 0; p < points; p++) {
            pixels[p] = ColorScale.argb(values[p] * scale);
        }
        return pixels;
    }

    /** Every k-th sample of the grid in each direction, k = grid / thumbnail grid, coloured on the scale. */
    private int[] thumbnail(double[] values, double scale) {
        double[] sampled = sampled(values);
        int[] pixels = new int[sampled.length];
        for (int i = 0; i < sampled.length; i++) {
            pixels[i] = ColorScale.argb(sampled[i] * scale);
        }
        return pixels;
    }

    /** Every k-th value of the grid in each direction, k = grid / thumbnail grid: the thumbnail's samples. */
    private double[] sampled(double[] values) {
        int k = grid.size() / thumbGrid.size();
        int n = thumbGrid.size();
        double[] sampled = new double[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                sampled[row * n + col] = values[(row * k + k / 2) * grid.size() + col * k + k / 2];
            }
        }
        return sampled;
    }
}
