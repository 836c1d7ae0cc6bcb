package io.neuralplayground.ui.viewmodel.images;

import io.neuralplayground.engine.f32.FloatLayer;
import io.neuralplayground.session.images.ImageSnapshot;
import io.neuralplayground.ui.viewmodel.ColorScale;

/**
 * Draws the first layer's weights ({@link WeightPicture}): unit j's tile shows weight (i, j) at pixel i of the
 * image, w / s in the orange (negative) – grey – blue (positive) scale, where s is the unit's own largest |w|
 * (each tile uses its whole range: the pattern shows, not the size) or the layer's (tiles compare). With
 * {@code sinceStart} each tile shows w − w₀ instead, the change since the network's initial weights: the random
 * start is large beside what a few epochs add, and subtracting it shows what training has learnt. Pure
 * arithmetic on the snapshot's copies of the weights: runs on any thread.
 */
public final class WeightPictures {
    /** The most tiles drawn: a layer wider than this shows its first units. */
    public static final int MAX_UNITS = 128;
    private static final int GAP = 0xFFFFFFFF;

    private WeightPictures() {
    }

    /**
     * The picture of {@code snapshot}'s first layer, {@code columns} tiles wide (fewer if it has fewer units).
     *
     * @param rows the image's rows (28); its columns are the layer's inputs / rows
     */
    public static WeightPicture of(ImageSnapshot snapshot, int rows, int columns, boolean sharedScale) {
        return of(snapshot, rows, columns, sharedScale, false);
    }

    /** {@link #of(ImageSnapshot, int, int, boolean)}, of the change since the start when {@code sinceStart}. */
    public static WeightPicture of(ImageSnapshot snapshot, int rows, int columns, boolean sharedScale,
            boolean sinceStart) {
        FloatLayer layer = snapshot.network().layer(0);
        FloatLayer start = sinceStart && snapshot.start() != null ? snapshot.start().layer(0) : null;
        int pixels = layer.inputs();
        int tileRows = rows;
        int tileCols = pixels / rows;
        int units = Math.min(MAX_UNITS, layer.units());
        int cols = Math.max(1, Math.min(columns, units));
        int gridRows = (units + cols - 1) / cols;
        int width = cols * (tileCols + 1) - 1;
        int height = gridRows * (tileRows + 1) - 1;
        int[] argb = new int[width * height];
        java.util.Arrays.fill(argb, GAP);
        double[] scale = new double[units];
        double layerMax = 0;
        for (int j = 0; j < units; j++) {
            double max = 0;
            for (int i = 0; i < pixels; i++) {
                max = Math.max(max, Math.abs(value(layer, start, i, j)));
            }
            scale[j] = max;
            layerMax = Math.max(layerMax, max);
        }
        for (int j = 0; j < units; j++) {
            double s = sharedScale ? layerMax : scale[j];
            double factor = s > 0 ? 1 / s : 0;
            int x0 = j % cols * (tileCols + 1);
            int y0 = j / cols * (tileRows + 1);
            for (int r = 0; r < tileRows; r++) {
                int line = (y0 + r) * width + x0;
                for (int c = 0; c < tileCols; c++) {
                    argb[line + c] = ColorScale.argb(value(layer, start, r * tileCols + c, j) * factor);
                }
            }
        }
        return new WeightPicture(snapshot.build(), snapshot.epoch(), snapshot.examplesDone(), units, layer.units(),
                cols, gridRows, tileRows, tileCols, width, height, argb, sharedScale, layerMax);
    }

    /** Weight (i, j), less its start when there is one. */
    private static double value(FloatLayer layer, FloatLayer start, int i, int j) {
        return start == null ? layer.weight(i, j) : (double) layer.weight(i, j) - start.weight(i, j);
    }
}
