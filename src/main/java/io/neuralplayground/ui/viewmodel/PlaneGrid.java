package io.neuralplayground.ui.viewmodel;

/**
 * The square [−6, 6]² that TF Playground draws, sampled on a grid of {@code size × size} points: pixel (column c,
 * row r) is the point at the centre of its cell, x1 growing to the right and x2 growing upwards, so that row 0 is
 * the top of the picture (x2 = +6). Playground's own thumbnails are upside down; these are not.
 */
public record PlaneGrid(int size, double extent) {
    /** Playground's: 100 × 100 samples over [−6, 6]². */
    public static final PlaneGrid PLAYGROUND = new PlaneGrid(100, 6);

    public PlaneGrid {
        if (size < 2 || !(extent > 0)) {
            throw new IllegalArgumentException("a grid needs at least 2 × 2 samples over a positive extent");
        }
    }

    /** x1 at the centre of column {@code column}. */
    public double x1(int column) {
        return -extent + (column + 0.5) * (2 * extent / size);
    }

    /** x2 at the centre of row {@code row} (row 0 at the top). */
    public double x2(int row) {
        return extent - (row + 0.5) * (2 * extent / size);
    }

    /** The column of a point's x1, in [0, size). */
    public int column(double x1) {
        return clampIndex((x1 + extent) / (2 * extent) * size);
    }

    /** The row of a point's x2, in [0, size) (row 0 at the top). */
    public int row(double x2) {
        return clampIndex((extent - x2) / (2 * extent) * size);
    }

    /** Where x1 lands across a picture {@code width} wide (0 at the left edge). */
    public double toPixelX(double x1, double width) {
        return (x1 + extent) / (2 * extent) * width;
    }

    /** Where x2 lands down a picture {@code height} high (0 at the top edge). */
    public double toPixelY(double x2, double height) {
        return (extent - x2) / (2 * extent) * height;
    }

    /** The x1 of a horizontal pixel position in a picture {@code width} wide. */
    public double fromPixelX(double px, double width) {
        return -extent + px / width * 2 * extent;
    }

    /** The x2 of a vertical pixel position in a picture {@code height} high. */
    public double fromPixelY(double py, double height) {
        return extent - py / height * 2 * extent;
    }

    private int clampIndex(double position) {
        return (int) Math.max(0, Math.min(size - 1, Math.floor(position)));
    }
}
