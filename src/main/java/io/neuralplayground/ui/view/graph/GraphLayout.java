package io.neuralplayground.ui.view.graph;

import io.neuralplayground.data.Feature;
import io.neuralplayground.session.PlaygroundSettings;

/**
 * Where everything of the network graph goes for one size and one {@link GraphShape}: pure geometry, no toolkit,
 * computed once per size and shape and then read every frame.
 *
 * <p>As in TF Playground, columns run left to right (the seven features, the hidden layers, the output), nodes
 * are squares stacked from the top of each column, and a link is a cubic Bézier from the right edge of its source
 * to the left edge of its target with both control points halfway across, so it leaves and arrives horizontally.
 * Links arriving at one node are spread a little over its left edge, so that they can be told apart.
 *
 * <p>Rows always leave room for eight nodes (seven features, at most eight neurons), so nodes keep their place
 * and size while neurons are added. Above the nodes are the header rows: the layer count with its buttons, each
 * layer's buttons, its neuron count and its activation.
 *
 * <p>A data file may have more columns than rows fit at the smallest node size. Then the input column scrolls:
 * it shows the rows that fit from {@code firstInput} on, less one kept at the bottom, and a marker above the first
 * row and one in that bottom row say how many inputs are scrolled away each way. Links from an input out of view
 * are not placed (their ends are NaN); the painter draws one faint curve from each marker to each first-layer
 * unit instead, for the links that are there but not shown.
 */
public final class GraphLayout {
    /** Margin around everything. */
    public static final double PAD = 10;
    /** Top row: "FEATURES", the layers header, "OUTPUT". */
    public static final double TITLE_ROW_Y = 2;
    public static final double TITLE_ROW_HEIGHT = 24;
    /** Each hidden layer's + and − buttons. */
    public static final double BUTTON_ROW_Y = 30;
    public static final double BUTTON_ROW_HEIGHT = 22;
    /** Each hidden layer's "4 neurons". */
    public static final double NEURONS_ROW_Y = 54;
    public static final double NEURONS_ROW_HEIGHT = 15;
    /** Each layer's activation (hidden and output). */
    public static final double ACTIVATION_ROW_Y = 69;
    public static final double ACTIVATION_ROW_HEIGHT = 18;
    /** Top of the first node of every column. */
    public static final double NODES_TOP = 94;
    /** Side of the small bias square at a neuron's lower-left corner. */
    public static final double BIAS_SIZE = 6;
    /** Gap between an input's label and its square. */
    public static final double LABEL_GAP = 8;
    public static final double MIN_NODE = 20;
    /** Big enough to read a neuron's picture from the back of a room (a projector's 1600 × 1000 window). */
    public static final double MAX_NODE = 64;
    /** Rows every column has room for, at least: Playground's seven features and eight neurons. */
    public static final int ROWS = Math.max(Feature.values().length, PlaygroundSettings.MAX_NEURONS);
    /** Half the width the output column's header needs ("OUTPUT", "sigmoid ▾"). */
    static final double OUTPUT_HEADER_HALF = 34;
    /** A node's side as a fraction of the distance between rows. */
    private static final double NODE_FRACTION = 0.72;
    /** A node's side as at most this fraction of the distance between columns. */
    private static final double NODE_OF_COLUMN = 0.6;
    /** Rows this far apart at most: a tall window's nodes grow rather than drift apart. */
    private static final double MAX_ROW_PITCH = 96;
    /** How far below a node the bias square reaches. */
    private static final double BIAS_OVERHANG = 3;
    /** Links into one node spread over this fraction of its side. */
    private static final double ARRIVAL_SPREAD = 0.4;
    /** Height of the "▲ 3 more" and "▼ 40 more" markers of a scrolling input column. */
    static final double MORE_HEIGHT = 16;

    private final double width;
    private final double height;
    private final GraphShape shape;
    private final double labelWidth;
    private final double node;
    private final double rowPitch;
    private final double[] columnX;
    /** The offered inputs' squares by row; null for a row scrolled out of view. */
    private final Box[] inputs;
    /** The first offered input in view, and how many are in view (all of them unless the column scrolls). */
    private final int firstInput;
    private final int shownInputs;
    /** The markers of inputs scrolled away above and below, or null when none are. */
    private final Box moreAbove;
    private final Box moreBelow;
    private final Box[][] nodes;
    private final Box[][] biases;
    /** Per layer, four numbers per link (start x, start y, end x, end y), links in kernel order (input-major). */
    private final double[][] links;

    private GraphLayout(double width, double height, GraphShape shape, double labelWidth, int scrolledTo) {
        this.width = width;
        this.height = height;
        this.shape = shape;
        this.labelWidth = labelWidth;
        int layers = shape.hidden().size();
        int columns = layers + 2;

        double rowSpace = Math.max(0, height - NODES_TOP - PAD - BIAS_OVERHANG);
        int offered = shape.offered().size();
        int fit = fittingRows(rowSpace);
        boolean scrolls = offered > fit;
        int rows = scrolls ? fit : rows(shape);
        double pitch = rowSpace / (rows - 1 + NODE_FRACTION);
        double side = clamp(Math.round(pitch * NODE_FRACTION), MIN_NODE, MAX_NODE);
        // The node must also fit between columns: shrink it if the columns are close.
        double firstX = firstColumnX(side);
        double lastX = width - PAD - Math.max(side / 2, OUTPUT_HEADER_HALF);
        double columnPitch = (lastX - firstX) / (columns - 1);
        if (side > columnPitch * NODE_OF_COLUMN) {
            side = clamp(Math.floor(columnPitch * NODE_OF_COLUMN), MIN_NODE, MAX_NODE);
            firstX = firstColumnX(side);
            columnPitch = (lastX - firstX) / (columns - 1);
        }
        this.node = side;
        this.rowPitch = Math.min(MAX_ROW_PITCH, Math.max(side + 4, (rowSpace - side) / (rows - 1)));

        columnX = new double[columns];
        for (int c = 0; c < columns; c++) {
            columnX[c] = firstX + c * columnPitch;
        }
        shownInputs = scrolls ? fit - 1 : offered;
        firstInput = Math.max(0, Math.min(scrolledTo, offered - shownInputs));
        inputs = new Box[offered];
        for (int r = firstInput; r < firstInput + shownInputs; r++) {
            inputs[r] = square(0, r - firstInput);
        }
        double moreLeft = PAD;
        double moreWidth = columnX[0] + node / 2 - moreLeft;
        moreAbove = firstInput > 0 ? new Box(moreLeft, NODES_TOP - MORE_HEIGHT - 2, moreWidth, MORE_HEIGHT) : null;
        moreBelow = firstInput + shownInputs < offered ? new Box(moreLeft,
                Math.round(NODES_TOP + shownInputs * rowPitch + (node - MORE_HEIGHT) / 2), moreWidth, MORE_HEIGHT)
                : null;
        nodes = new Box[shape.depth()][];
        biases = new Box[shape.depth()][];
        for (int l = 0; l < shape.depth(); l++) {
            int units = shape.units(l);
            nodes[l] = new Box[units];
            biases[l] = new Box[units];
            for (int j = 0; j < units; j++) {
                Box b = square(l + 1, j);
                nodes[l][j] = b;
                biases[l][j] = new Box(b.x() - BIAS_SIZE - 2, b.bottom() - BIAS_SIZE + BIAS_OVERHANG, BIAS_SIZE,
                        BIAS_SIZE);
            }
        }
        links = new double[shape.depth()][];
        for (int l = 0; l < shape.depth(); l++) {
            int sources = shape.sources(l);
            int units = shape.units(l);
            double[] ends = new double[sources * units * 4];
            for (int i = 0; i < sources; i++) {
                Box from = source(l, i);
                if (from == null) {
                    java.util.Arrays.fill(ends, i * units * 4, (i + 1) * units * 4, Double.NaN);
                    continue;
                }
                double spread = ((i - (sources - 1) / 2.0) / sources) * node * ARRIVAL_SPREAD * 2;
                for (int j = 0; j < units; j++) {
                    Box to = nodes[l][j];
                    int k = (i * units + j) * 4;
                    ends[k] = from.right();
                    ends[k + 1] = from.centerY();
                    ends[k + 2] = to.x();
                    ends[k + 3] = to.centerY() + spread;
                }
            }
            links[l] = ends;
        }
    }

    /**
     * The layout for a view {@code width × height} showing {@code shape}, with input labels up to
     * {@code labelWidth} wide (measured by the caller in the font it draws them with).
     */
    public static GraphLayout compute(double width, double height, GraphShape shape, double labelWidth) {
        return compute(width, height, shape, labelWidth, 0);
    }

    /**
     * {@link #compute(double, double, GraphShape, double)} with the input column scrolled to show input
     * {@code firstInput} first (kept within the inputs; no effect when they all fit).
     */
    public static GraphLayout compute(double width, double height, GraphShape shape, double labelWidth,
            int firstInput) {
        return new GraphLayout(width, height, shape, labelWidth, firstInput);
    }

    /**
     * The rows that fit in {@code rowSpace} at the smallest node size, {@link #ROWS} at least (the hidden columns
     * need them; a window that small cuts the last rows off).
     */
    private static int fittingRows(double rowSpace) {
        double pitch = MIN_NODE + 4;
        return Math.max(ROWS, (int) Math.floor((rowSpace - MIN_NODE) / pitch) + 1);
    }

    private double firstColumnX(double side) {
        return PAD + labelWidth + LABEL_GAP + side / 2;
    }

    /** The square in column {@code column}, row {@code row}, on whole pixels so its border is crisp. */
    private Box square(int column, int row) {
        return new Box(Math.round(columnX[column] - node / 2), Math.round(NODES_TOP + row * rowPitch), node, node);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public GraphShape shape() {
        return shape;
    }

    /** Whether this layout is the one for that size, shape and scroll position of the inputs. */
    public boolean fits(double w, double h, GraphShape s, int scrolledTo) {
        return width == w && height == h && shape.equals(s) && firstInput == scrolledTo;
    }

    /** Whether the input column shows only some of the inputs (a file with more columns than rows fit). */
    public boolean scrollsInputs() {
        return shownInputs < inputs.length;
    }

    /** The first offered input in view (0 unless the input column scrolls). */
    public int firstInput() {
        return firstInput;
    }

    /** How many offered inputs are in view. */
    public int shownInputs() {
        return shownInputs;
    }

    /** How many inputs are scrolled away above the first one in view. */
    public int inputsAbove() {
        return firstInput;
    }

    /** How many inputs are scrolled away below the last one in view. */
    public int inputsBelow() {
        return inputs.length - firstInput - shownInputs;
    }

    /** The marker of the inputs scrolled away above, or null when none are. */
    public Box moreAbove() {
        return moreAbove;
    }

    /** The marker of the inputs scrolled away below, or null when none are. */
    public Box moreBelow() {
        return moreBelow;
    }

    /** Side of every node square. */
    public double nodeSize() {
        return node;
    }

    /** Columns: the inputs, one per hidden layer, the output. */
    public int columns() {
        return columnX.length;
    }

    /** Centre x of column {@code column} (0 the inputs, k + 1 hidden layer k, the last the output). */
    public double columnX(int column) {
        return columnX[column];
    }

    /** Centre x of the layers header: the middle of the hidden columns, or between inputs and output if none. */
    public double hiddenCenterX() {
        int layers = shape.hidden().size();
        return layers == 0 ? (columnX[0] + columnX[1]) / 2 : (columnX[1] + columnX[layers]) / 2;
    }

    /** Room for one column's header: the distance between columns. */
    public double columnPitch() {
        return columnX[1] - columnX[0];
    }

    /** Right edge of the input labels (they are right-aligned against it). */
    public double labelRight() {
        return Math.round(columnX[0] - node / 2) - LABEL_GAP;
    }

    /** Left edge of the input labels' room. */
    public double labelLeft() {
        return PAD;
    }

    /** The square of feature {@code f} (every feature has one, on or off). */
    public Box input(Feature f) {
        return input(f.id());
    }

    /** The square of the offered input {@code id}, on or off; null when the input column has it out of view. */
    public Box input(String id) {
        return inputs[shape.row(id)];
    }

    /** The rows the columns are laid out for: {@link #ROWS}, or more when more inputs are offered (a wide file). */
    static int rows(GraphShape shape) {
        return Math.max(ROWS, shape.offered().size());
    }

    /** The square of unit {@code unit} of network layer {@code layer} (the last layer is the output). */
    public Box node(int layer, int unit) {
        return nodes[layer][unit];
    }

    /** The square that input {@code input} of layer {@code layer} comes from; null for an input out of view. */
    public Box source(int layer, int input) {
        return layer == 0 ? input(shape.inputs().get(input)) : nodes[layer - 1][input];
    }

    /** The bias square of unit {@code unit} of layer {@code layer}. */
    public Box bias(int layer, int unit) {
        return biases[layer][unit];
    }

    /** The link from input {@code input} of layer {@code layer} to its unit {@code unit}. */
    public LinkCurve link(int layer, int input, int unit) {
        int k = (input * shape.units(layer) + unit) * 4;
        double[] e = links[layer];
        return new LinkCurve(e[k], e[k + 1], e[k + 2], e[k + 3]);
    }

    /**
     * Layer {@code layer}'s link ends, four numbers per link (start x, start y, end x, end y) in kernel order:
     * link (i, j) at {@code (i · units + j) · 4}, NaN for the links of an input out of view. The array itself, for
     * the painter and the hit tester: not to be changed.
     */
    double[] linkEnds(int layer) {
        return links[layer];
    }

    /**
     * A link's curve: from (x0, y0) to (x1, y1), control points at half the horizontal distance, level with
     * each end.
     */
    public record LinkCurve(double x0, double y0, double x1, double y1) {

        public double midX() {
            return (x0 + x1) / 2;
        }

        /** x of the point at parameter t ∈ [0, 1]. */
        public double x(double t) {
            return bezier(x0, midX(), midX(), x1, t);
        }

        /** y of the point at parameter t ∈ [0, 1]. */
        public double y(double t) {
            return bezier(y0, y0, y1, y1, t);
        }

        static double bezier(double p0, double p1, double p2, double p3, double t) {
            double u = 1 - t;
            return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
        }
    }
}
