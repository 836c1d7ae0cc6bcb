package io.neuralplayground.ui.viewmodel;

import java.util.Map;

/**
 * The pictures of one snapshot: every node's output over the plane as ARGB pixels, row 0 at the top.
 *
 * @param build      the snapshot's build
 * @param epoch      the snapshot's epoch
 * @param grid       the grid of the large pictures ({@code output}, {@code outputDiscrete}, {@code hovered})
 * @param thumbGrid  the grid of the thumbnails
 * @param thumbnails every node's picture on {@code thumbGrid}: inputs and neurons
 * @param output     the output's picture on {@code grid} ({@link OutputColoring}: the decision of one unit, or for
 *                   one unit per class the most probable class, pale where undecided)
 * @param outputDiscrete the same, with each pixel the colour of its side of the boundary or of its class
 * @param hoveredNode    the node the pointer was over when this frame was asked for, or null
 * @param hovered        that node's picture on {@code grid}, or null
 */
public record HeatmapFrame(long build, int epoch, PlaneGrid grid, PlaneGrid thumbGrid,
        Map<NodeRef, int[]> thumbnails, int[] output, int[] outputDiscrete, NodeRef hoveredNode, int[] hovered) {
}
