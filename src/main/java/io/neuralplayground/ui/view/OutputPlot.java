package io.neuralplayground.ui.view;

import io.neuralplayground.data.Split;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Network;
import io.neuralplayground.session.Snapshot;
import io.neuralplayground.ui.viewmodel.ClassReport;
import io.neuralplayground.ui.viewmodel.ConfusionCell;
import io.neuralplayground.ui.viewmodel.HeatmapFrame;
import io.neuralplayground.ui.viewmodel.NodeRef;
import io.neuralplayground.ui.viewmodel.NumberTexts;
import io.neuralplayground.ui.viewmodel.OutputColoring;
import io.neuralplayground.ui.viewmodel.PlaneGrid;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.Objects;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * The big picture of the plane: the network's output (or the hovered node's) as a heatmap, the examples as dots,
 * axes from −6 to 6, and beside it the colour key ({@link ColorLegend}). A click on it paints an example there.
 * Resizable; the plot stays square.
 *
 * <p>Redraws at most once a layout pass: property changes only mark it dirty, so several changes within one frame
 * cost one drawing. The heatmap and the dots are on two canvases: while training, the heatmap changes every frame
 * but the dots and axes only when the data does, and a canvas that is not drawn again costs nothing to show.
 */
public final class OutputPlot extends Region {
    static final double LEFT = 26;
    /** Room for the colour key beside the square; it also takes half the last x-axis label. */
    static final double RIGHT = ColorLegend.WIDTH;
    static final double TOP = 6;
    static final double BOTTOM = 20;
    static final double POINT_RADIUS = 3.5;
    /**
     * The smallest side of the plot's square: TF Playground's is 300, and below about 260 its dots crowd and its
     * tick labels thin out. A column too short for it scrolls rather than shrink the plot further.
     */
    public static final double MIN_SIDE = 260;
    /** The side where nothing asks for another: Playground's 300 and a little more. */
    static final double PREF_SIDE = 360;
    /**
     * Playground paints its heatmap at alpha 160 of 255 over white: a calmer ground on which the dots, drawn at
     * full strength, stand out.
     */
    static final double HEATMAP_OPACITY = 160 / 255.0;
    private static final Color AXIS = Color.web("#999999");
    private static final Color AXIS_TEXT = Color.web("#666666");
    private static final Color EMPTY = Color.web("#f1f2f3");
    /** The ring around a marked example: dark, to stand out on every class colour and on the pale ground. */
    private static final Color MARK = Color.web("#111111");

    private final PlaygroundViewModel vm;
    private final Canvas canvas = new Canvas();
    private final Canvas overlay = new Canvas();
    private final Font tickFont = Font.font(11);
    private WritableImage image;
    private boolean dirty = true;
    private boolean overlayDirty = true;
    private Split shownSplit;
    private ColorLegend.Span legendSpan;
    private int markedCount;
    /** The plane the points and ticks were last drawn on. */
    private PlaneGrid overlayGrid;
    private java.util.List<String> legendLabels = java.util.List.of();
    /** Whether the key was drawn in the discretized plot's two colours. */
    private boolean legendDiscrete;

    public OutputPlot(PlaygroundViewModel vm) {
        this.vm = Objects.requireNonNull(vm);
        getStyleClass().add("plot-area");
        getChildren().addAll(canvas, overlay);
        overlay.setMouseTransparent(true);
        setCursor(Cursor.CROSSHAIR);
        Tooltip hint = new Tooltip("Click to add a training point of the colour chosen below");
        // The pointer rests on the plot a lot: the hint waits longer than usual before it covers the picture.
        hint.setShowDelay(Duration.seconds(2));
        Tooltip.install(this, hint);
        vm.heatmapsProperty().addListener((o, was, now) -> {
            invalidate();
            // The user's data: another plane (axes or extent) moves the points and the ticks too.
            if (now != null && !now.grid().equals(overlayGrid)) {
                invalidateOverlay();
            }
        });
        vm.plotAxesProperty().addListener(o -> invalidateOverlay());
        vm.snapshotProperty().addListener((o, was, now) -> {
            if (now != null && now.split() != shownSplit) {
                invalidateOverlay();
            }
        });
        vm.showTestDataProperty().addListener(o -> invalidateOverlay());
        vm.highlightedCellProperty().addListener(o -> invalidateOverlay());
        vm.classReportProperty().addListener(o -> {
            // The marked examples follow the predictions, which change as the network learns.
            if (vm.highlightedCellProperty().get() != null) {
                invalidateOverlay();
            }
        });
        vm.discretizeProperty().addListener(o -> invalidate());
        vm.hoveredProperty().addListener(o -> invalidate());
        setOnContextMenuRequested(e -> {
            io.neuralplayground.data.Point example = exampleNear(e.getX(), e.getY());
            if (example == null) {
                return;
            }
            javafx.scene.control.MenuItem step = new javafx.scene.control.MenuItem(String.format(
                    java.util.Locale.ROOT, "Step through backprop on this example (%.2f, %.2f)", example.x1(),
                    example.x2()));
            step.setOnAction(a -> vm.stepThrough(example));
            new javafx.scene.control.ContextMenu(step).show(this, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                Point2D p = localToPlane(e.getX(), e.getY());
                if (p != null) {
                    vm.paint(p.getX(), p.getY());
                }
            }
        });
    }

    /**
     * The example drawn nearest to local position (x, y), within a few pixels: a training point, or a test point
     * when those are shown; its label is a class index or a value. Null where there is none.
     */
    public io.neuralplayground.data.Point exampleNear(double x, double y) {
        Snapshot snapshot = vm.snapshotProperty().get();
        Bounds b = plotBounds();
        if (snapshot == null || b.getWidth() <= 0) {
            return null;
        }
        if (snapshot.settings().hasDataFile()) {
            // An example of the user's data has more inputs than the plane's two: the stepper takes it from there.
            return null;
        }
        PlaneGrid grid = grid();
        io.neuralplayground.data.Point best = null;
        double bestDistance = (POINT_RADIUS + 3) * (POINT_RADIUS + 3);
        java.util.List<io.neuralplayground.data.Dataset> sets = vm.showTestDataProperty().get()
                ? java.util.List.of(snapshot.split().train(), snapshot.split().test())
                : java.util.List.of(snapshot.split().train());
        for (io.neuralplayground.data.Dataset data : sets) {
            for (int r = 0; r < data.size(); r++) {
                double px = b.getMinX() + grid.toPixelX(data.value(r, 0), b.getWidth());
                double py = b.getMinY() + grid.toPixelY(data.value(r, 1), b.getHeight());
                double d = (px - x) * (px - x) + (py - y) * (py - y);
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = new io.neuralplayground.data.Point(data.value(r, 0), data.value(r, 1), data.label(r));
                }
            }
        }
        return best;
    }

    private void invalidate() {
        dirty = true;
        requestLayout();
    }

    private void invalidateOverlay() {
        overlayDirty = true;
        requestLayout();
    }

    /** The grid the pictures are drawn on: the heatmaps' once they exist, Playground's before. */
    public PlaneGrid grid() {
        HeatmapFrame frame = vm.heatmapsProperty().get();
        return frame == null ? PlaneGrid.PLAYGROUND : frame.grid();
    }

    /** The square of the plane inside this node, in local coordinates. */
    public Bounds plotBounds() {
        double side = side(getWidth(), getHeight());
        return new BoundingBox(LEFT, TOP, side, side);
    }

    /** The plane point (x1, x2) under local position (x, y), or null outside the plot. */
    public Point2D localToPlane(double x, double y) {
        Bounds b = plotBounds();
        if (b.getWidth() <= 0 || !b.contains(x, y)) {
            return null;
        }
        PlaneGrid grid = grid();
        return new Point2D(grid.fromPixelX(x - b.getMinX(), b.getWidth()), grid.fromPixelY(y - b.getMinY(),
                b.getHeight()));
    }

    private static double side(double width, double height) {
        return Math.max(0, Math.floor(Math.min(width - LEFT - RIGHT, height - TOP - BOTTOM)));
    }

    @Override
    protected double computePrefWidth(double height) {
        return PREF_SIDE + LEFT + RIGHT;
    }

    /** Square: the height follows the width, so a narrow column leaves no gap under the plot. */
    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        double side = width < 0 ? PREF_SIDE : Math.max(MIN_SIDE, width - LEFT - RIGHT);
        return side + TOP + BOTTOM;
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMinWidth(double height) {
        return MIN_SIDE + LEFT + RIGHT;
    }

    @Override
    protected double computeMinHeight(double width) {
        return MIN_SIDE + TOP + BOTTOM;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            overlay.setWidth(w);
            overlay.setHeight(h);
            dirty = true;
            overlayDirty = true;
        }
        if (dirty) {
            dirty = false;
            draw();
        }
        // The key (on the overlay) shows the plot's colours: discretizing, or a hovered node's picture, change them.
        if (overlayDirty || legendDiscrete != showsDiscrete()) {
            overlayDirty = false;
            drawOverlay();
        }
    }

    private void draw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double side = side(canvas.getWidth(), canvas.getHeight());
        if (side > 0) {
            drawHeatmap(gc, grid(), side);
        }
    }

    /** The dots and the axes, over the heatmap. */
    private void drawOverlay() {
        GraphicsContext gc = overlay.getGraphicsContext2D();
        gc.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        double side = side(overlay.getWidth(), overlay.getHeight());
        if (side <= 0) {
            return;
        }
        PlaneGrid grid = grid();
        overlayGrid = grid;
        Snapshot snapshot = vm.snapshotProperty().get();
        shownSplit = snapshot == null ? null : snapshot.split();
        if (snapshot != null) {
            Split split = snapshot.split();
            gc.save();
            gc.beginPath();
            gc.rect(LEFT, TOP, side, side);
            gc.clip();
            int[] axes = axisColumns(split.train());
            PointPainter.draw(gc, split.train(), grid, LEFT, TOP, side, POINT_RADIUS, PointPainter.TRAIN_OUTLINE, 1,
                    axes[0], axes[1]);
            if (vm.showTestDataProperty().get()) {
                PointPainter.draw(gc, split.test(), grid, LEFT, TOP, side, POINT_RADIUS, PointPainter.TEST_OUTLINE,
                        1, axes[0], axes[1]);
            }
            drawMarked(gc, grid, side, split);
            gc.restore();
        }
        drawAxes(gc, grid, side);
        legendSpan = ColorLegend.Span.of(shownSplit);
        legendDiscrete = showsDiscrete();
        Network network = snapshot == null ? null : snapshot.network();
        if (network != null && OutputColoring.perClass(network.outputs())) {
            legendLabels = snapshot.split().train().classNames();
            ColorLegend.drawClasses(gc, LEFT + side, TOP, side, tickFont, AXIS_TEXT, legendLabels);
        } else {
            boolean probability = network != null && network.outputLayer().activation() == Activation.SIGMOID;
            legendLabels = ColorLegend.labels(legendSpan, probability);
            ColorLegend.draw(gc, LEFT + side, TOP, side, tickFont, AXIS_TEXT, legendSpan, legendDiscrete, probability);
        }
    }

    /**
     * Rings around the examples of the confusion matrix's chosen cell (true class i, predicted j): the examples a
     * teacher wants to point at, such as the ones of class 2 taken for class 3.
     */
    private void drawMarked(GraphicsContext gc, PlaneGrid grid, double side, Split split) {
        ConfusionCell cell = vm.highlightedCellProperty().get();
        ClassReport report = vm.classReportProperty().get();
        if (cell == null || report == null) {
            markedCount = 0;
            return;
        }
        io.neuralplayground.data.Dataset data = cell.testPart() ? split.test() : split.train();
        int[] predicted = report.predicted(cell.testPart());
        if (predicted.length != data.size() || data.columnCount() < 2) {
            markedCount = 0;
            return;
        }
        gc.setStroke(MARK);
        gc.setLineWidth(2);
        double r = POINT_RADIUS + 3;
        int marked = 0;
        for (int k = 0; k < data.size(); k++) {
            if (cell.holds(data.classIndex(k), predicted[k])) {
                int[] axes = axisColumns(data);
                double cx = LEFT + grid.toPixelX(data.value(k, axes[0]), side);
                double cy = TOP + grid.toPixelY(data.value(k, axes[1]), side);
                gc.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
                marked++;
            }
        }
        markedCount = marked;
    }

    /** The columns of {@code data} on the plot's axes: x1 and x2, or the user's chosen two. */
    private int[] axisColumns(io.neuralplayground.data.Dataset data) {
        io.neuralplayground.ui.viewmodel.PlotAxes axes = vm.plotAxesProperty().get();
        if (axes == null || !data.hasColumn(axes.x()) || !data.hasColumn(axes.y())) {
            return new int[] {0, 1};
        }
        return new int[] {data.columnIndex(axes.x()), data.columnIndex(axes.y())};
    }

    /** How many examples the last drawing marked for the confusion matrix's chosen cell. */
    int markedCount() {
        return markedCount;
    }

    /** The colour key's bar, in local coordinates. */
    Bounds legendBounds() {
        return ColorLegend.bar(LEFT + side(getWidth(), getHeight()), TOP, side(getWidth(), getHeight()));
    }

    /** The colour key's labels from the top down as drawn, or for one output per class the class names. */
    java.util.List<String> legendLabels() {
        return legendLabels;
    }

    /** Whether the key shows the discretized plot's two colours, as drawn. */
    boolean legendDiscrete() {
        return legendDiscrete;
    }

    /** The span of values the key marks (regression), or null. */
    ColorLegend.Span legendSpan() {
        return legendSpan;
    }

    private void drawHeatmap(GraphicsContext gc, PlaneGrid grid, double side) {
        int[] pixels = pixels(vm.heatmapsProperty().get());
        if (pixels == null) {
            gc.setFill(EMPTY);
            gc.fillRect(LEFT, TOP, side, side);
            return;
        }
        int n = grid.size();
        if (image == null || image.getWidth() != n) {
            image = new WritableImage(n, n);
        }
        image.getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(), pixels, 0, n);
        gc.setFill(Color.WHITE);
        gc.fillRect(LEFT, TOP, side, side);
        gc.save();
        gc.setGlobalAlpha(HEATMAP_OPACITY);
        gc.setImageSmoothing(true);
        gc.drawImage(image, LEFT, TOP, side, side);
        gc.restore();
    }

    /** The picture to show: the hovered node's while the pointer is on it, else the output, maybe discretized. */
    private int[] pixels(HeatmapFrame frame) {
        if (frame == null) {
            return null;
        }
        if (showsHoveredNode(frame)) {
            return frame.hovered();
        }
        return vm.discretizeProperty().get() ? frame.outputDiscrete() : frame.output();
    }

    /** Whether the plot shows the hovered node's picture (never discretized) rather than the output. */
    private boolean showsHoveredNode(HeatmapFrame frame) {
        NodeRef hovered = vm.hoveredProperty().get();
        return frame != null && hovered != null && hovered.equals(frame.hoveredNode()) && frame.hovered() != null;
    }

    /** Whether the plot shows the output discretized: two colours, one for each side of 0. */
    private boolean showsDiscrete() {
        return vm.discretizeProperty().get() && !showsHoveredNode(vm.heatmapsProperty().get());
    }

    private void drawAxes(GraphicsContext gc, PlaneGrid grid, double side) {
        // Playground's plane: a tick at every whole number; the user's data: a round step that gives about a dozen.
        double step = grid.extent() == PlaneGrid.PLAYGROUND.extent() ? 1 : roundStep(2 * grid.extent() / 12);
        int extent = (int) Math.floor(grid.extent() / step);
        int every = side / (2 * grid.extent() / step) >= 22 ? 1 : 2;
        gc.setStroke(AXIS);
        gc.setLineWidth(1);
        gc.setFill(AXIS_TEXT);
        gc.setFont(tickFont);
        double bottom = TOP + side;
        // Half-pixel offsets put one-pixel lines on pixel centres, so they stay crisp.
        gc.strokeLine(LEFT, bottom + 0.5, LEFT + side, bottom + 0.5);
        gc.strokeLine(LEFT - 0.5, TOP, LEFT - 0.5, bottom);
        for (int k = -extent; k <= extent; k++) {
            boolean labelled = k % every == 0;
            double v = k * step;
            String text = NumberTexts.withMinus(step >= 1 ? Long.toString(Math.round(v))
                    : java.math.BigDecimal.valueOf(v).setScale(stepDecimals(step), java.math.RoundingMode.HALF_UP)
                            .stripTrailingZeros().toPlainString());
            double x = Math.round(LEFT + grid.toPixelX(v, side)) + 0.5;
            double y = Math.round(TOP + grid.toPixelY(v, side)) + 0.5;
            double tick = labelled ? 4 : 2;
            gc.strokeLine(x, bottom, x, bottom + tick);
            gc.strokeLine(LEFT - tick, y, LEFT, y);
            if (labelled) {
                gc.setTextAlign(TextAlignment.CENTER);
                gc.setTextBaseline(VPos.TOP);
                gc.fillText(text, x, bottom + 6);
                gc.setTextAlign(TextAlignment.RIGHT);
                gc.setTextBaseline(VPos.CENTER);
                gc.fillText(text, LEFT - 6, y, LEFT - 7);
            }
        }
    }

    /** The round step (1, 2 or 5 times a power of ten) nearest above {@code rough}. */
    static double roundStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static int stepDecimals(double step) {
        return Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
    }
}
