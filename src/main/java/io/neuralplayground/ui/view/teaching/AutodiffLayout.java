package io.neuralplayground.ui.view.teaching;

import io.neuralplayground.engine.autodiff.ComputationalGraph;
import io.neuralplayground.engine.autodiff.Edge;
import io.neuralplayground.engine.autodiff.GraphNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where the computational graph is drawn: a layered drawing from left to right (Sugiyama's scheme, small). Each
 * node sits in the column of its {@link GraphNode#layer()} (x in the first, f in the last); an edge that skips
 * columns passes through a placeholder in each column it crosses, so that it goes around the boxes there, not
 * through them. The order within a column comes from a few sweeps of the barycentre heuristic (each item moves to
 * the mean place of its neighbours in the column before, then after), keeping the order with the fewest
 * crossings, then from swapping neighbours where that removes crossings; each column is centred vertically.
 *
 * <p>Geometry is computed at a natural size ({@link #BOX_WIDTH} × {@link #BOX_HEIGHT} boxes, gaps between columns
 * widened to use the width given, within limits) and then scaled uniformly to fit (up to {@link #MAX_SCALE}), and
 * centred:
 * a point (u, v) of the natural drawing is at ({@link #offsetX()} + u·{@link #scale()}, {@link #offsetY()} +
 * v·scale) on the canvas. Nothing overlaps at any scale.
 */
final class AutodiffLayout {
    static final double BOX_WIDTH = 136;
    static final double BOX_HEIGHT = 74;
    /** Height a placeholder of a long edge takes in its column. */
    static final double PASS_HEIGHT = 30;
    static final double MIN_GAP = 88;
    static final double MAX_GAP = 200;
    static final double ROW_GAP = 46;
    /** Rows spread up to this far apart when the height allows. */
    static final double MAX_ROW_GAP = 84;
    static final double MARGIN = 16;
    /** Room above the drawing for the "input" and "output" captions. */
    static final double CAPTION = 18;
    /** A small graph in a large view is drawn bigger, up to this factor. */
    static final double MAX_SCALE = 1.3;

    /** A node's box in natural coordinates. */
    record Box(int node, double x, double y, double width, double height) {
        double centerY() {
            return y + height / 2;
        }

        double right() {
            return x + width;
        }
    }

    /** A point in natural coordinates. */
    record Point(double x, double y) {
    }

    /**
     * An edge's route: from the source's right side through the placeholders (each entered and left
     * horizontally) to the target's left side. Consecutive pairs (0–1, 2–3, …) are the curves across the gaps.
     */
    record Route(Edge edge, List<Point> points) {
        /** The curve across the first gap (next to the source), where the edge's label goes. */
        Point start() {
            return points.get(0);
        }

        Point firstGapEnd() {
            return points.get(1);
        }
    }

    /** A place in a column: a node, or a long edge passing through. */
    private static final class Item {
        final int node;
        final Edge edge;
        final List<Item> before = new ArrayList<>();
        final List<Item> after = new ArrayList<>();
        int order;
        double y;

        Item(int node, Edge edge) {
            this.node = node;
            this.edge = edge;
        }

        double height() {
            return node >= 0 ? BOX_HEIGHT : PASS_HEIGHT;
        }
    }

    private final List<Box> boxes;
    private final List<Route> routes;
    private final double naturalWidth;
    private final double naturalHeight;
    private final double scale;
    private final double offsetX;
    private final double offsetY;
    private final double gap;

    private AutodiffLayout(List<Box> boxes, List<Route> routes, double naturalWidth, double naturalHeight,
            double width, double height, double gap) {
        this.boxes = List.copyOf(boxes);
        this.routes = List.copyOf(routes);
        this.naturalWidth = naturalWidth;
        this.naturalHeight = naturalHeight;
        this.gap = gap;
        this.scale = Math.min(MAX_SCALE, Math.min(width / naturalWidth, height / naturalHeight));
        this.offsetX = Math.max(0, (width - naturalWidth * scale) / 2);
        this.offsetY = Math.max(0, (height - naturalHeight * scale) / 2);
    }

    /** The layout of {@code graph} on a canvas of {@code width} × {@code height}. */
    static AutodiffLayout of(ComputationalGraph graph, double width, double height) {
        int columns = graph.layers();
        List<List<Item>> layers = new ArrayList<>();
        for (int l = 0; l < columns; l++) {
            layers.add(new ArrayList<>());
        }
        Item[] nodeItems = new Item[graph.size()];
        for (GraphNode n : graph.nodes()) {
            nodeItems[n.index()] = new Item(n.index(), null);
            layers.get(n.layer()).add(nodeItems[n.index()]);
        }
        List<List<Item>> chains = new ArrayList<>();
        for (Edge e : graph.edges()) {
            List<Item> chain = new ArrayList<>();
            Item previous = nodeItems[e.from()];
            chain.add(previous);
            for (int l = graph.node(e.from()).layer() + 1; l < graph.node(e.to()).layer(); l++) {
                Item pass = new Item(-1, e);
                layers.get(l).add(pass);
                link(previous, pass);
                chain.add(pass);
                previous = pass;
            }
            link(previous, nodeItems[e.to()]);
            chain.add(nodeItems[e.to()]);
            chains.add(chain);
        }
        order(layers);

        double available = width - 2 * MARGIN - columns * BOX_WIDTH;
        double gap = columns > 1 ? Math.max(MIN_GAP, Math.min(MAX_GAP, available / (columns - 1))) : 0;
        // Rows as far apart as the height allows (so the tallest column fills it), within limits.
        double rowGap = MAX_ROW_GAP;
        for (List<Item> layer : layers) {
            if (layer.size() > 1) {
                double spare = height - 2 * MARGIN - CAPTION - columnHeight(layer, 0);
                rowGap = Math.min(rowGap, spare / (layer.size() - 1));
            }
        }
        rowGap = Math.max(ROW_GAP, rowGap);
        double tallest = 0;
        for (List<Item> layer : layers) {
            tallest = Math.max(tallest, columnHeight(layer, rowGap));
        }
        double naturalHeight = 2 * MARGIN + CAPTION + tallest;
        double middle = MARGIN + CAPTION + tallest / 2;
        for (List<Item> layer : layers) {
            double y = middle - columnHeight(layer, rowGap) / 2;
            for (Item item : layer) {
                item.y = y;
                y += item.height() + rowGap;
            }
        }
        double naturalWidth = 2 * MARGIN + columns * BOX_WIDTH + (columns - 1) * gap;

        List<Box> boxes = new ArrayList<>();
        for (GraphNode n : graph.nodes()) {
            Item item = nodeItems[n.index()];
            boxes.add(new Box(n.index(), columnX(n.layer(), gap), item.y, BOX_WIDTH, BOX_HEIGHT));
        }
        List<Route> routes = new ArrayList<>();
        for (int k = 0; k < chains.size(); k++) {
            List<Item> chain = chains.get(k);
            Edge e = graph.edges().get(k);
            int fromLayer = graph.node(e.from()).layer();
            List<Point> points = new ArrayList<>();
            Box source = boxes.get(e.from());
            points.add(new Point(source.right(), source.centerY()));
            for (int c = 1; c < chain.size() - 1; c++) {
                Item pass = chain.get(c);
                double cx = columnX(fromLayer + c, gap);
                double cy = pass.y + PASS_HEIGHT / 2;
                points.add(new Point(cx, cy));
                points.add(new Point(cx + BOX_WIDTH, cy));
            }
            Box target = boxes.get(e.to());
            points.add(new Point(target.x(), target.centerY()));
            routes.add(new Route(e, points));
        }
        return new AutodiffLayout(boxes, routes, naturalWidth, naturalHeight, width, height, gap);
    }

    private static void link(Item from, Item to) {
        from.after.add(to);
        to.before.add(from);
    }

    private static double columnX(int layer, double gap) {
        return MARGIN + layer * (BOX_WIDTH + gap);
    }

    private static double columnHeight(List<Item> layer, double rowGap) {
        double h = 0;
        for (Item item : layer) {
            h += item.height();
        }
        return h + Math.max(0, layer.size() - 1) * rowGap;
    }

    /**
     * Barycentre sweeps, down and up, each followed by swaps of neighbours (after odd sweeps also swaps that
     * change nothing, to get past ties), keeping the orders with the fewest crossings.
     */
    private static void order(List<List<Item>> layers) {
        number(layers);
        int best = crossings(layers);
        List<List<Item>> bestOrder = copy(layers);
        for (int sweep = 0; sweep < 16 && best > 0; sweep++) {
            boolean down = sweep % 2 == 0;
            for (int k = 1; k < layers.size(); k++) {
                int l = down ? k : layers.size() - 1 - k;
                List<Item> layer = layers.get(l);
                for (Item item : layer) {
                    List<Item> neighbours = down ? item.before : item.after;
                    item.y = neighbours.isEmpty() ? item.order
                            : neighbours.stream().mapToDouble(n -> n.order).average().orElse(item.order);
                }
                layer.sort(Comparator.comparingDouble((Item i) -> i.y).thenComparingInt(i -> i.order));
                for (int i = 0; i < layer.size(); i++) {
                    layer.get(i).order = i;
                }
            }
            transpose(layers, sweep % 2 == 1);
            int c = crossings(layers);
            if (c < best) {
                best = c;
                bestOrder = copy(layers);
            }
        }
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).clear();
            layers.get(l).addAll(bestOrder.get(l));
        }
        number(layers);
    }

    /**
     * Swaps neighbours in a column where that removes crossings with the columns beside it (or, with
     * {@code ties}, where it adds none): what the barycentre leaves where its averages tie.
     */
    private static void transpose(List<List<Item>> layers, boolean ties) {
        boolean improved = true;
        for (int round = 0; round < 6 && improved; round++) {
            improved = false;
            for (int l = 0; l < layers.size(); l++) {
                List<Item> layer = layers.get(l);
                for (int i = 0; i + 1 < layer.size(); i++) {
                    int before = crossingsAround(layers, l);
                    swap(layer, i);
                    int after = crossingsAround(layers, l);
                    if (after < before) {
                        improved = true;
                    } else if (!(ties && after == before)) {
                        swap(layer, i);
                    }
                }
            }
        }
    }

    private static void swap(List<Item> layer, int i) {
        Item a = layer.get(i);
        layer.set(i, layer.get(i + 1));
        layer.set(i + 1, a);
        a.order = i + 1;
        layer.get(i).order = i;
    }

    private static int crossingsAround(List<List<Item>> layers, int l) {
        return (l > 0 ? crossingsAfter(layers.get(l - 1)) : 0) + crossingsAfter(layers.get(l));
    }

    private static void number(List<List<Item>> layers) {
        for (List<Item> layer : layers) {
            for (int i = 0; i < layer.size(); i++) {
                layer.get(i).order = i;
            }
        }
    }

    private static List<List<Item>> copy(List<List<Item>> layers) {
        List<List<Item>> copy = new ArrayList<>();
        for (List<Item> layer : layers) {
            copy.add(new ArrayList<>(layer));
        }
        return copy;
    }

    /** Pairs of links between neighbouring columns that cross. */
    private static int crossings(List<List<Item>> layers) {
        int count = 0;
        for (List<Item> layer : layers) {
            count += crossingsAfter(layer);
        }
        return count;
    }

    /** Pairs of links from {@code layer} to the next column that cross. */
    private static int crossingsAfter(List<Item> layer) {
        List<int[]> links = new ArrayList<>();
        for (Item item : layer) {
            for (Item next : item.after) {
                links.add(new int[] {item.order, next.order});
            }
        }
        int count = 0;
        for (int i = 0; i < links.size(); i++) {
            for (int j = i + 1; j < links.size(); j++) {
                int[] a = links.get(i);
                int[] b = links.get(j);
                if ((long) (a[0] - b[0]) * (a[1] - b[1]) < 0) {
                    count++;
                }
            }
        }
        return count;
    }

    List<Box> boxes() {
        return boxes;
    }

    Box box(int node) {
        return boxes.get(node);
    }

    List<Route> routes() {
        return routes;
    }

    /** The space between columns, in natural units: what an edge label may take. */
    double gap() {
        return gap;
    }

    double naturalWidth() {
        return naturalWidth;
    }

    double naturalHeight() {
        return naturalHeight;
    }

    double scale() {
        return scale;
    }

    double offsetX() {
        return offsetX;
    }

    double offsetY() {
        return offsetY;
    }

    /** The node whose box holds canvas point (cx, cy), or −1. */
    int nodeAt(double cx, double cy) {
        double u = (cx - offsetX) / scale;
        double v = (cy - offsetY) / scale;
        for (Box b : boxes) {
            if (u >= b.x() && u <= b.right() && v >= b.y() && v <= b.y() + b.height()) {
                return b.node();
            }
        }
        return -1;
    }
}
