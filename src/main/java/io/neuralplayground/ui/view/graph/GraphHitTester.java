package io.neuralplayground.ui.view.graph;

import io.neuralplayground.data.Feature;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.ui.viewmodel.InputNode;

/**
 * Finds what is under a point of a {@link GraphLayout}: a bias square first (it is small and sits on the links),
 * then a node, then the nearest link whose curve passes within {@code max(4, width / 2 + 3)} pixels, the width
 * being the one its weight is drawn with. Curves are sampled once per layout into short polylines.
 */
public final class GraphHitTester {
    /** Straight pieces each link's curve is cut into for measuring distance. */
    static final int SEGMENTS = 24;
    /** A point this close to a link (beyond its half width) still hits it. */
    static final double LINK_SLACK = 3;
    static final double MIN_LINK_TOLERANCE = 4;
    /** A bias square is hard to hit: accept points this close to it. */
    static final double BIAS_SLACK = 2;

    private final GraphLayout layout;
    /** Per layer, per link: SEGMENTS + 1 points, x then y. */
    private final double[][] samples;

    public GraphHitTester(GraphLayout layout) {
        this.layout = layout;
        GraphShape shape = layout.shape();
        samples = new double[shape.depth()][];
        for (int l = 0; l < shape.depth(); l++) {
            double[] ends = layout.linkEnds(l);
            int count = ends.length / 4;
            double[] points = new double[count * (SEGMENTS + 1) * 2];
            for (int k = 0; k < count; k++) {
                GraphLayout.LinkCurve curve = new GraphLayout.LinkCurve(ends[4 * k], ends[4 * k + 1],
                        ends[4 * k + 2], ends[4 * k + 3]);
                int base = k * (SEGMENTS + 1) * 2;
                for (int s = 0; s <= SEGMENTS; s++) {
                    double t = (double) s / SEGMENTS;
                    points[base + 2 * s] = curve.x(t);
                    points[base + 2 * s + 1] = curve.y(t);
                }
            }
            samples[l] = points;
        }
    }

    /**
     * What is at (x, y), or null for nothing. {@code network} gives the links' widths; links are not hit when it
     * does not have the layout's shape (a snapshot of a network being rebuilt).
     */
    public GraphHit hit(double x, double y, Network network) {
        GraphShape shape = layout.shape();
        for (int l = 0; l < shape.depth(); l++) {
            for (int j = 0; j < shape.units(l); j++) {
                if (layout.bias(l, j).contains(x, y, BIAS_SLACK)) {
                    return new GraphHit.Bias(l, j);
                }
            }
        }
        for (InputNode input : shape.offered()) {
            Box box = layout.input(input.id());
            if (box != null && box.contains(x, y, 0)) {
                return new GraphHit.Input(input.id());
            }
        }
        if (layout.moreAbove() != null && layout.moreAbove().contains(x, y, 0)) {
            return new GraphHit.MoreInputs(-page());
        }
        if (layout.moreBelow() != null && layout.moreBelow().contains(x, y, 0)) {
            return new GraphHit.MoreInputs(page());
        }
        for (int l = 0; l < shape.depth(); l++) {
            for (int j = 0; j < shape.units(l); j++) {
                if (layout.node(l, j).contains(x, y, 0)) {
                    return new GraphHit.Neuron(l, j);
                }
            }
        }
        return network != null && shape.matches(network) ? nearestLink(x, y, network) : null;
    }

    /** How far a click on a marker scrolls: the rows in view, less one kept for continuity. */
    private int page() {
        return Math.max(1, layout.shownInputs() - 1);
    }

    private GraphHit nearestLink(double x, double y, Network network) {
        GraphShape shape = layout.shape();
        GraphHit best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int l = 0; l < shape.depth(); l++) {
            double[] ends = layout.linkEnds(l);
            double[] points = samples[l];
            DenseLayer layer = network.layer(l);
            int units = shape.units(l);
            for (int i = 0; i < shape.sources(l); i++) {
                for (int j = 0; j < units; j++) {
                    int k = i * units + j;
                    double tolerance = tolerance(layer, i, j);
                    // The curve stays inside the box of its ends: skip links far from the point cheaply.
                    double x0 = ends[4 * k];
                    if (Double.isNaN(x0)) {
                        // A link of an input out of view.
                        continue;
                    }
                    double x1 = ends[4 * k + 2];
                    double yMin = Math.min(ends[4 * k + 1], ends[4 * k + 3]);
                    double yMax = Math.max(ends[4 * k + 1], ends[4 * k + 3]);
                    if (x < x0 - tolerance || x > x1 + tolerance || y < yMin - tolerance || y > yMax + tolerance) {
                        continue;
                    }
                    double distance = distanceToPolyline(points, k * (SEGMENTS + 1) * 2, x, y);
                    // The nearest centre line wins, so that a thin link drawn over a thick one can be picked.
                    if (distance <= tolerance && distance < bestDistance) {
                        bestDistance = distance;
                        best = new GraphHit.Link(l, i, j);
                    }
                }
            }
        }
        return best;
    }

    /** How far from the centre line of a link a point may be and still hit it. */
    static double tolerance(DenseLayer layer, int input, int unit) {
        double width = layer.isFrozen(input, unit) ? LinkStyle.MIN_WIDTH : LinkStyle.width(layer.weight(input, unit));
        return Math.max(MIN_LINK_TOLERANCE, width / 2 + LINK_SLACK);
    }

    private static double distanceToPolyline(double[] points, int base, double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (int s = 0; s < SEGMENTS; s++) {
            int p = base + 2 * s;
            best = Math.min(best, distanceToSegment(x, y, points[p], points[p + 1], points[p + 2], points[p + 3]));
        }
        return best;
    }

    static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        double cx = ax + t * dx - px;
        double cy = ay + t * dy - py;
        return Math.sqrt(cx * cx + cy * cy);
    }
}
