package io.neuralplayground.ui.view;

import io.neuralplayground.data.Feature;
import io.neuralplayground.engine.Network;
import io.neuralplayground.session.Snapshot;
import io.neuralplayground.ui.view.graph.Box;
import io.neuralplayground.ui.view.graph.GraphHeaders;
import io.neuralplayground.ui.view.graph.GraphHit;
import io.neuralplayground.ui.view.graph.GraphHitTester;
import io.neuralplayground.ui.view.graph.GraphLayout;
import io.neuralplayground.ui.view.graph.GraphPainter;
import io.neuralplayground.ui.view.graph.GraphShape;
import io.neuralplayground.ui.view.graph.GraphTexts;
import io.neuralplayground.ui.view.graph.ThumbnailImages;
import io.neuralplayground.ui.view.graph.ValueEditor;
import io.neuralplayground.ui.viewmodel.HeatmapFrame;
import io.neuralplayground.ui.viewmodel.InputNode;
import io.neuralplayground.ui.viewmodel.NodeRef;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.List;
import java.util.Objects;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The network diagram at the centre of the playground, drawn and edited as in TF Playground: the seven features
 * on the left (click to switch one on or off), a column per hidden layer with buttons to add and remove layers
 * and neurons, the output on the right, every weight as a curve coloured and widened by its value, every bias as a
 * small square. Hovering a node makes it the view model's hovered node (the output plot shows its picture);
 * hovering a link or bias tells its value; clicking one edits it in place. Each layer's activation is a label
 * that opens a menu.
 *
 * <p>It reads nothing but the view model's newest {@link Snapshot} and {@link HeatmapFrame}, and redraws when
 * either changes; the geometry is computed again only when the size or the network's shape changes.
 * Style classes: {@code network-graph} on the view, see {@link #STYLESHEET} for the rest.
 */
public final class NetworkGraphView extends Region {
    /** A column name longer than this is drawn narrower, so the graph keeps its room. */
    static final double MAX_LABEL_WIDTH = 96;
    /** The view's stylesheet (resource {@code /css/network-graph.css}), for the scene or a parent to add. */
    public static final String STYLESHEET = Styles.stylesheet("/css/network-graph.css");
    /** Gap between the pointer and the hover card. */
    private static final double CARD_OFFSET = 14;

    private final PlaygroundViewModel vm;
    private final Canvas canvas = new Canvas();
    private final GraphHeaders headers;
    private final GraphPainter painter = new GraphPainter();
    private final ThumbnailImages thumbnails = new ThumbnailImages();
    private final Label hoverCard = new Label();
    private final ValueEditor editor = new ValueEditor();

    private Snapshot snapshot;
    private GraphShape shape;
    private GraphLayout layout;
    private GraphHitTester hitTester;
    /** The link or bias under the pointer, or being edited: drawn picked out. */
    private GraphHit pointed;
    private GraphHit editing;
    /** The first input the input column shows, when a data file has more columns than rows fit. */
    private int firstInput;

    public NetworkGraphView(PlaygroundViewModel vm) {
        this.vm = Objects.requireNonNull(vm);
        this.headers = new GraphHeaders(vm);
        getStyleClass().add("network-graph");
        hoverCard.getStyleClass().add("graph-hover-card");
        hoverCard.setMouseTransparent(true);
        hoverCard.setManaged(false);
        hoverCard.setVisible(false);
        hoverCard.setWrapText(false);
        canvas.setManaged(false);
        getChildren().add(canvas);
        getChildren().addAll(headers.nodes());
        getChildren().addAll(hoverCard, editor);
        // What is left between the data and output columns of the smallest window (1024 wide), the data column
        // with its scroll bar.
        setMinSize(410, 420);
        setPrefSize(700, 560);

        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointAt(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> pointAt(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> pointAt(Double.NaN, Double.NaN));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (editor.isOpen()) {
                closeEditor();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scroll);
        editor.visibleProperty().addListener((o, was, now) -> {
            if (!now) {
                editing = null;
                redraw();
            }
        });

        sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(paintOnPulse);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(paintOnPulse);
            }
        });
        vm.snapshotProperty().addListener((o, was, now) -> show(now));
        vm.heatmapsProperty().addListener((o, was, now) -> {
            if (now != null) {
                thumbnails.update(now);
                redraw();
            }
        });
        vm.hoveredProperty().addListener((o, was, now) -> redraw());
        if (vm.heatmapsProperty().get() != null) {
            thumbnails.update(vm.heatmapsProperty().get());
        }
        show(vm.snapshotProperty().get());
    }

    /** The current geometry (null before the view has a size): where nodes and links are, for tests and scripts. */
    public GraphLayout graphLayout() {
        return layout;
    }

    /** The inline editor of weights and biases. */
    public ValueEditor editor() {
        return editor;
    }

    /** The card that tells the value of the link or bias under the pointer. */
    public Label hoverCard() {
        return hoverCard;
    }

    /** What is at (x, y) of the view, or null. */
    public GraphHit hitAt(double x, double y) {
        return hitTester == null || snapshot == null ? null : hitTester.hit(x, y, snapshot.network());
    }

    /**
     * Takes a new snapshot. Within one build only the weights change (any change of shape, features or
     * activations makes a new build), so the shape and the headers are looked at only when the build changes.
     */
    private void show(Snapshot next) {
        if (next == null) {
            return;
        }
        boolean rebuilt = snapshot == null || snapshot.build() != next.build() || !shape.matches(next.network());
        snapshot = next;
        if (rebuilt) {
            newBuild(next);
        }
        redraw();
    }

    private void newBuild(Snapshot next) {
        if (editor.isOpen()) {
            // The weight being edited belongs to a network that is gone.
            closeEditor();
        }
        GraphShape nextShape = GraphShape.of(next);
        boolean reshaped = !nextShape.equals(shape);
        if (shape == null || !nextShape.offered().equals(shape.offered())) {
            // Other inputs to show: from the first. Switching one on or off keeps the column where it was.
            firstInput = 0;
        }
        shape = nextShape;
        if (reshaped) {
            pointed = null;
            hoverCard.setVisible(false);
            NodeRef hovered = vm.hoveredProperty().get();
            if (hovered != null && !exists(hovered)) {
                vm.hoveredProperty().set(null);
            }
        }
        int version = headers.version();
        List<Node> before = headers.nodes().isEmpty() ? List.of() : List.copyOf(headers.nodes());
        boolean headersChanged = headers.update(next.network());
        if (headers.version() != version) {
            getChildren().removeAll(before);
            getChildren().addAll(1, headers.nodes());
        }
        if (reshaped || headersChanged) {
            placeEverything();
            // New or changed controls know their size only after CSS: place them again in the next layout pass.
            requestLayout();
        }
    }

    /** Whether {@code node} is a node of the network shown: an enabled feature or an existing neuron. */
    private boolean exists(NodeRef node) {
        if (node instanceof NodeRef.Input in) {
            return shape.inputs().contains(in.id());
        }
        NodeRef.Neuron n = (NodeRef.Neuron) node;
        return n.layer() < shape.depth() && n.unit() < shape.units(n.layer());
    }

    /** Whether something changed that the canvas does not show yet. */
    private boolean dirty;
    private final Runnable paintOnPulse = this::paintIfDirty;

    @Override
    protected void layoutChildren() {
        placeEverything();
        paintNow();
    }

    private void placeEverything() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0 || shape == null) {
            return;
        }
        canvas.setWidth(w);
        canvas.setHeight(h);
        if (layout == null || !layout.fits(w, h, shape, firstInput)) {
            layout = GraphLayout.compute(w, h, shape, widestLabel(shape), firstInput);
            // The layout keeps the column within its inputs (a taller view may show them all).
            firstInput = layout.firstInput();
            hitTester = new GraphHitTester(layout);
        }
        headers.layout(layout, this);
        hoverCard.autosize();
        editor.autosize();
    }

    /**
     * Asks for a repaint after the next layout pass: a snapshot, its heatmaps and a hover can all arrive in one
     * frame, and the graph is painted once for them.
     */
    private void redraw() {
        if (!dirty) {
            dirty = true;
            javafx.application.Platform.requestNextPulse();
        }
    }

    /** Paints if something asked for it since the last pulse (a scene's post-layout pulse listener). */
    private void paintIfDirty() {
        if (dirty) {
            paintNow();
        }
    }

    private void paintNow() {
        dirty = false;
        if (layout == null || snapshot == null || !layout.shape().matches(snapshot.network())
                || layout.width() != canvas.getWidth() || layout.height() != canvas.getHeight()) {
            return;
        }
        GraphHit picked = editing != null ? editing : pointed;
        painter.paint(canvas.getGraphicsContext2D(), layout, snapshot.network(), shape.inputs(), thumbnails,
                snapshot.build(), new GraphPainter.Highlights(vm.hoveredProperty().get(), picked), renderScale());
    }

    /** Screen pixels per unit of length where the view is shown (2 on a high-density screen). */
    private double renderScale() {
        if (getScene() == null || getScene().getWindow() == null) {
            return 1;
        }
        return Math.max(1, getScene().getWindow().getRenderScaleX());
    }

    /** The pointer is at (x, y) (NaN when it left): hovered node, cursor, hover card. */
    private void pointAt(double x, double y) {
        GraphHit hit = Double.isNaN(x) ? null : hitAt(x, y);
        NodeRef node = nodeOf(hit);
        if (!Objects.equals(node, vm.hoveredProperty().get())) {
            vm.hoveredProperty().set(node);
        }
        canvas.setCursor(hit instanceof GraphHit.Neuron || hit == null ? Cursor.DEFAULT : Cursor.HAND);
        GraphHit nextPointed = hit instanceof GraphHit.Link || hit instanceof GraphHit.Bias ? hit : null;
        if (!Objects.equals(nextPointed, pointed)) {
            pointed = nextPointed;
            redraw();
        }
        String text = hit == null ? null : cardText(hit);
        if (text == null) {
            hoverCard.setVisible(false);
            return;
        }
        hoverCard.setText(text);
        hoverCard.autosize();
        // Below the pointer, slid left as far as needed to stay in the view; above it near the bottom.
        double cx = Math.min(x + CARD_OFFSET, getWidth() - hoverCard.getWidth() - 2);
        double cy = y + CARD_OFFSET;
        if (cy + hoverCard.getHeight() > getHeight() - 2) {
            cy = y - CARD_OFFSET / 2 - hoverCard.getHeight();
        }
        hoverCard.relocate(Math.max(2, cx), Math.max(2, cy));
        hoverCard.setVisible(true);
    }

    /** The node the output plot should show for a hit: an enabled input or a neuron. */
    private NodeRef nodeOf(GraphHit hit) {
        if (hit instanceof GraphHit.Input in && shape.inputs().contains(in.id())) {
            return new NodeRef.Input(in.id());
        }
        if (hit instanceof GraphHit.Neuron n) {
            return new NodeRef.Neuron(n.layer(), n.unit());
        }
        return null;
    }

    private String cardText(GraphHit hit) {
        Network network = snapshot.network();
        if (hit instanceof GraphHit.Link link) {
            var layer = network.layer(link.layer());
            return GraphTexts.weight(shape, link.layer(), link.input(), link.unit(),
                    layer.weight(link.input(), link.unit()), layer.isFrozen(link.input(), link.unit()))
                    + "\nClick to edit";
        }
        if (hit instanceof GraphHit.Bias bias) {
            return GraphTexts.bias(shape, bias.layer(), bias.unit(), network.layer(bias.layer()).bias(bias.unit()))
                    + "\nClick to edit";
        }
        if (hit instanceof GraphHit.Input in) {
            boolean on = shape.inputs().contains(in.id());
            return shape.label(in.id()) + (on ? " is on: click to switch it off" : " is off: click to switch it on");
        }
        if (hit instanceof GraphHit.MoreInputs more) {
            int away = more.rows() < 0 ? layout.inputsAbove() : layout.inputsBelow();
            return away + (away == 1 ? " input" : " inputs") + (more.rows() < 0 ? " above" : " below")
                    + ": click here, or scroll over the graph, to show them";
        }
        return null;
    }

    /** Scrolls the input column by {@code rows} (negative: up), when it has more inputs than rows fit. */
    public void scrollInputs(int rows) {
        if (layout == null || !layout.scrollsInputs()) {
            return;
        }
        int next = Math.max(0, Math.min(firstInput + rows, shape.offered().size() - layout.shownInputs()));
        if (next != firstInput) {
            firstInput = next;
            pointed = null;
            hoverCard.setVisible(false);
            placeEverything();
            redraw();
        }
    }

    /** The wheel or the touchpad over the graph scrolls a long input column, three rows a notch. */
    private void scroll(ScrollEvent e) {
        if (layout == null || !layout.scrollsInputs() || e.getDeltaY() == 0) {
            return;
        }
        double notches = -e.getDeltaY() / (e.getMultiplierY() > 0 ? e.getMultiplierY() : 40);
        int rows = (int) Math.signum(notches) * Math.max(1, (int) Math.round(Math.abs(notches) * 3));
        scrollInputs(rows);
        e.consume();
    }

    private void click(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        GraphHit hit = hitAt(e.getX(), e.getY());
        if (hit instanceof GraphHit.Input in) {
            vm.toggleInput(in.id());
        } else if (hit instanceof GraphHit.MoreInputs more) {
            scrollInputs(more.rows());
        } else if (hit instanceof GraphHit.Link link) {
            double value = snapshot.network().layer(link.layer()).weight(link.input(), link.unit());
            openEditor(hit, e.getX(), e.getY(), value);
        } else if (hit instanceof GraphHit.Bias bias) {
            double value = snapshot.network().layer(bias.layer()).bias(bias.unit());
            openEditor(hit, e.getX(), e.getY(), value);
        }
    }

    private void openEditor(GraphHit target, double x, double y, double value) {
        hoverCard.setVisible(false);
        editing = target;
        editor.open(value, v -> {
            if (target instanceof GraphHit.Link link) {
                vm.setWeight(link.layer(), link.input(), link.unit(), v);
            } else if (target instanceof GraphHit.Bias bias) {
                vm.setBias(bias.layer(), bias.unit(), v);
            }
        });
        editor.autosize();
        double ex = Math.min(x + 6, getWidth() - editor.getWidth() - 2);
        double ey = Math.min(y - editor.getHeight() / 2, getHeight() - editor.getHeight() - 2);
        editor.relocate(Math.max(2, ex), Math.max(2, ey));
        redraw();
    }

    private void closeEditor() {
        editor.cancel();
        editing = null;
        redraw();
    }

    /**
     * The room the input labels need: the widest of Playground's features at least (so that switching features
     * keeps the layout), a data file's column names up to {@link #MAX_LABEL_WIDTH}.
     */
    private static double widestLabel(GraphShape shape) {
        double widest = 0;
        for (InputNode input : InputNode.FEATURES.equals(shape.offered()) ? InputNode.FEATURES
                : java.util.stream.Stream.concat(InputNode.FEATURES.stream(), shape.offered().stream()).toList()) {
            Text text = new Text(input.label());
            text.setFont(GraphPainter.LABEL_FONT);
            widest = Math.max(widest, text.getLayoutBounds().getWidth());
        }
        return Math.min(MAX_LABEL_WIDTH, Math.ceil(widest));
    }
}
