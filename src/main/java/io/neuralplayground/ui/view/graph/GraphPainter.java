package io.neuralplayground.ui.view.graph;

import io.neuralplayground.data.Feature;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.ui.viewmodel.ColorScale;
import io.neuralplayground.ui.viewmodel.InputNode;
import io.neuralplayground.ui.viewmodel.NodeRef;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws the network on a canvas in TF Playground's look: white ground, links as Bézier curves coloured and
 * widened by their weights (drawn first, under the nodes), nodes as squares showing their pictures, biases as
 * small squares at the neurons' lower-left corners, feature labels left of the inputs.
 *
 * <p>It draws everything from scratch each time (a full opaque fill first, so the canvas drops its old
 * commands) and allocates almost nothing: the links go through a {@link LinkRaster} and one image kept from frame
 * to frame, colours come from a table, geometry from the {@link GraphLayout}.
 */
public final class GraphPainter {
    public static final Font LABEL_FONT = Font.font(12);
    static final Color BACKGROUND = Color.WHITE;
    static final Color NODE_BORDER = Color.web("#9e9e9e");
    static final Color HOVER_BORDER = Color.web("#183d4e");
    static final Color EMPTY_NODE = Color.web("#f4f4f4");
    static final Color OFF_NODE = Color.web("#f2f2f2");
    static final Color OFF_BORDER = Color.web("#d9d9d9");
    static final Color LABEL = Color.web("#333333");
    static final Color OFF_LABEL = Color.web("#b4b4b4");
    /** The stand-in links of inputs scrolled out of view, and the ground of their markers. */
    static final Color HIDDEN_LINKS = Color.web("#9e9e9e", 0.55);
    static final Color MORE_GROUND = Color.web("#ececec");
    static final int BACKGROUND_ARGB = 0xFFFFFFFF;
    static final int FROZEN_ARGB = 0xFFD4D4D4;
    static final int HIGHLIGHT_ARGB = 0x59183D4E;

    /** Colours of the weights −1 … 1 in {@value #STEPS} steps each side (finer than a colour channel). */
    private static final int STEPS = 256;
    private static final Color[] PALETTE = new Color[2 * STEPS + 1];

    static {
        for (int k = 0; k <= 2 * STEPS; k++) {
            int argb = ColorScale.argb((double) (k - STEPS) / STEPS);
            PALETTE[k] = Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF);
        }
    }

    /** ColorScale's colour of {@code value}, from the table. */
    public static Color color(double value) {
        if (Double.isNaN(value)) {
            return PALETTE[STEPS];
        }
        double v = Math.max(-1, Math.min(1, value));
        return PALETTE[(int) Math.round((v + 1) * STEPS)];
    }

    private LinkRaster raster;
    private WritableImage linkImage;
    /** What the link image shows, so that a repaint for new thumbnails or a hover does not raster links again. */
    private Network linksOf;
    private GraphHit linksPicked;
    private GraphLayout linksLayout;
    /** Every link's traced curve, {@code [layer][input·units + unit]}, for the layout and scale they were made for. */
    private LinkRaster.Curve[][] curves;
    /** Each link's width and colour as last drawn, see {@link #looksUnchanged}. */
    private int[] looks;
    private GraphLayout curvesLayout;
    private double curvesScale;

    /** What to draw beyond the network: the hovered node and a link or bias to pick out. */
    public record Highlights(NodeRef hoveredNode, GraphHit picked) {
    }

    /**
     * Paints {@code network} (which must have the layout's shape) with the features in {@code enabled} switched on.
     *
     * @param build the snapshot's build, to tell current pictures from those of an older network
     * @param scale the screen's pixels per unit of length (2 on a high-density screen): links are drawn at it
     */
    public void paint(GraphicsContext gc, GraphLayout layout, Network network, List<String> enabled,
            ThumbnailImages thumbnails, long build, Highlights highlights, double scale) {
        gc.setGlobalAlpha(1);
        gc.setFill(BACKGROUND);
        gc.fillRect(0, 0, layout.width(), layout.height());
        gc.setImageSmoothing(true);
        drawLinks(gc, layout, network, scale, highlights.picked());
        drawHiddenInputLinks(gc, layout, network);
        drawInputs(gc, layout, enabled, thumbnails, highlights.hoveredNode());
        drawNeurons(gc, layout, network, thumbnails, build, highlights);
    }

    /**
     * Every link into the raster, then the raster onto the canvas in one image: the software pipeline strokes
     * hundreds of curves slowly, and blits one image fast.
     */
    private void drawLinks(GraphicsContext gc, GraphLayout layout, Network network, double scale, GraphHit picked) {
        int w = (int) Math.ceil(layout.width() * scale);
        int h = (int) Math.ceil(layout.height() * scale);
        if (raster == null || raster.width() != w || raster.height() != h) {
            raster = new LinkRaster(w, h);
            linkImage = new WritableImage(w, h);
            linksOf = null;
        }
        boolean sameLooks = looksUnchanged(network);
        if ((network == linksOf || sameLooks) && layout == linksLayout && java.util.Objects.equals(picked, linksPicked)) {
            gc.drawImage(linkImage, 0, 0, w / scale, h / scale);
            return;
        }
        linksOf = network;
        linksLayout = layout;
        linksPicked = picked;
        if (layout != curvesLayout || scale != curvesScale) {
            traceCurves(layout, network, scale);
        }
        raster.clear(BACKGROUND_ARGB);
        // The frozen links, thin and dashed, over the others.
        if (rasterLinks(network, scale, false)) {
            rasterLinks(network, scale, true);
        }
        if (picked instanceof GraphHit.Link p && curves[p.layer()][p.input() * network.layer(p.layer()).units()
                + p.unit()] != null) {
            // The picked link again on top, with a dark halo.
            DenseLayer layer = network.layer(p.layer());
            int k = p.input() * layer.units() + p.unit();
            boolean frozen = layer.isFrozen(p.input(), p.unit());
            double weight = layer.weight(p.input(), p.unit());
            double width = frozen ? LinkStyle.MIN_WIDTH : LinkStyle.width(weight);
            link(p.layer(), k, scale, width + 4, HIGHLIGHT_ARGB, false);
            link(p.layer(), k, scale, width, frozen ? FROZEN_ARGB : ColorScale.argb(weight), frozen);
        }
        linkImage.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), raster.pixels(), 0, w);
        gc.drawImage(linkImage, 0, 0, w / scale, h / scale);
    }

    /**
     * Rasters the links of {@code network} that are frozen, or those that are not; returns whether it left any
     * out (the other kind).
     */
    private boolean rasterLinks(Network network, double scale, boolean frozen) {
        boolean leftOut = false;
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            int units = layer.units();
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < units; j++) {
                    if (layer.isFrozen(i, j) != frozen) {
                        leftOut = true;
                    } else if (frozen) {
                        link(l, i * units + j, scale, LinkStyle.MIN_WIDTH, FROZEN_ARGB, true);
                    } else {
                        double weight = layer.weight(i, j);
                        link(l, i * units + j, scale, LinkStyle.width(weight), ColorScale.argb(weight), false);
                    }
                }
            }
        }
        return leftOut;
    }

    /**
     * Whether every link of {@code network} would be drawn exactly as in the image already made: the same width
     * to a quarter of a pixel and the same colour, frozen or not. Flat out, weights change every frame but mostly
     * by less than that, and rastering hundreds of links again for an identical picture is the largest cost of a
     * frame. Remembers the looks it checked.
     */
    private boolean looksUnchanged(Network network) {
        int count = 0;
        for (int l = 0; l < network.depth(); l++) {
            count += network.layer(l).inputs() * network.layer(l).units();
        }
        if (looks == null || looks.length != count) {
            looks = new int[count];
            java.util.Arrays.fill(looks, -1);
        }
        boolean same = true;
        int k = 0;
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < layer.units(); j++) {
                    double weight = layer.weight(i, j);
                    int look = layer.isFrozen(i, j) ? Integer.MAX_VALUE
                            : (int) Math.round(LinkStyle.width(weight) * 4) << 24 | ColorScale.argb(weight) & 0xFFFFFF;
                    if (looks[k] != look) {
                        looks[k] = look;
                        same = false;
                    }
                    k++;
                }
            }
        }
        return same;
    }

    private void traceCurves(GraphLayout layout, Network network, double scale) {
        curves = new LinkRaster.Curve[network.depth()][];
        for (int l = 0; l < network.depth(); l++) {
            double[] ends = layout.linkEnds(l);
            curves[l] = new LinkRaster.Curve[ends.length / 4];
            for (int k = 0; k < ends.length; k += 4) {
                if (Double.isNaN(ends[k])) {
                    // An input out of view: its links are not drawn.
                    continue;
                }
                curves[l][k / 4] = LinkRaster.Curve.of(ends[k] * scale, ends[k + 1] * scale, ends[k + 2] * scale,
                        ends[k + 3] * scale);
            }
        }
        curvesLayout = layout;
        curvesScale = scale;
    }

    /** Link number {@code k} (kernel order) of layer {@code layer}, from its traced curve (none out of view). */
    private void link(int layer, int k, double scale, double width, int argb, boolean dashed) {
        LinkRaster.Curve curve = curves[layer][k];
        if (curve != null) {
            raster.link(curve, width * scale, argb, dashed);
        }
    }

    /**
     * For a scrolling input column, the "▲ 3 more" and "▼ 40 more" markers' stand-ins for the links of the inputs
     * out of view: one faint dashed curve from each marker to each first-layer unit that such an input feeds.
     */
    private static void drawHiddenInputLinks(GraphicsContext gc, GraphLayout layout, Network network) {
        if (!layout.scrollsInputs()) {
            return;
        }
        gc.setStroke(HIDDEN_LINKS);
        gc.setLineWidth(1);
        gc.setLineDashes(4, 3);
        for (Box marker : new Box[] {layout.moreAbove(), layout.moreBelow()}) {
            if (marker == null || !feedsTheNetwork(layout, marker == layout.moreAbove())) {
                continue;
            }
            double x0 = marker.right();
            double y0 = marker.centerY();
            for (int j = 0; j < network.layer(0).units(); j++) {
                Box to = layout.node(0, j);
                double mid = (x0 + to.x()) / 2;
                gc.beginPath();
                gc.moveTo(x0, y0);
                gc.bezierCurveTo(mid, y0, mid, to.centerY(), to.x(), to.centerY());
                gc.stroke();
            }
        }
        gc.setLineDashes((double[]) null);
    }

    /** Whether any input switched on is scrolled away above ({@code above}) or below the column's view. */
    private static boolean feedsTheNetwork(GraphLayout layout, boolean above) {
        GraphShape shape = layout.shape();
        for (String id : shape.inputs()) {
            int row = shape.row(id);
            if (above ? row < layout.firstInput() : row >= layout.firstInput() + layout.shownInputs()) {
                return true;
            }
        }
        return false;
    }

    private static void drawInputs(GraphicsContext gc, GraphLayout layout, List<String> enabled,
            ThumbnailImages thumbnails, NodeRef hovered) {
        gc.setFont(LABEL_FONT);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        drawMoreMarker(gc, layout.moreAbove(), "▲ " + layout.inputsAbove() + " more");
        drawMoreMarker(gc, layout.moreBelow(), "▼ " + layout.inputsBelow() + " more");
        gc.setTextAlign(TextAlignment.RIGHT);
        for (InputNode input : layout.shape().offered()) {
            Box box = layout.input(input.id());
            if (box == null) {
                continue;
            }
            boolean on = enabled.contains(input.id());
            gc.setFill(on ? LABEL : OFF_LABEL);
            // A long column name is drawn narrower rather than over the squares.
            gc.fillText(input.label(), layout.labelRight(), box.centerY(), layout.labelRight() - layout.labelLeft());
            if (on) {
                NodeRef ref = new NodeRef.Input(input.id());
                square(gc, box, thumbnails.get(ref, 0), ref.equals(hovered));
            } else {
                gc.setFill(OFF_NODE);
                gc.fillRect(box.x(), box.y(), box.width(), box.height());
                border(gc, box, OFF_BORDER, 1);
            }
        }
    }

    /** A scrolling input column's marker, right-aligned over the input squares, when there is one. */
    private static void drawMoreMarker(GraphicsContext gc, Box marker, String text) {
        if (marker == null) {
            return;
        }
        gc.setFill(MORE_GROUND);
        gc.fillRect(marker.x(), marker.y(), marker.width(), marker.height());
        gc.setFill(LABEL);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.fillText(text, marker.right() - 3, marker.centerY(), marker.width() - 6);
    }

    private static void drawNeurons(GraphicsContext gc, GraphLayout layout, Network network,
            ThumbnailImages thumbnails, long build, Highlights highlights) {
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            for (int j = 0; j < layer.units(); j++) {
                NodeRef ref = new NodeRef.Neuron(l, j);
                square(gc, layout.node(l, j), thumbnails.get(ref, build), ref.equals(highlights.hoveredNode()));
                Box bias = layout.bias(l, j);
                gc.setFill(color(layer.bias(j)));
                gc.fillRect(bias.x(), bias.y(), bias.width(), bias.height());
                boolean picked = highlights.picked() instanceof GraphHit.Bias b && b.layer() == l && b.unit() == j;
                border(gc, bias, picked ? HOVER_BORDER : NODE_BORDER, picked ? 2 : 1);
            }
        }
    }

    private static void square(GraphicsContext gc, Box box, Image picture, boolean hovered) {
        if (picture != null) {
            gc.drawImage(picture, box.x(), box.y(), box.width(), box.height());
        } else {
            gc.setFill(EMPTY_NODE);
            gc.fillRect(box.x(), box.y(), box.width(), box.height());
        }
        border(gc, box, hovered ? HOVER_BORDER : NODE_BORDER, hovered ? 2 : 1);
    }

    /**
     * A border inside the box's edge, on the pixel grid: four filled rectangles, which software rendering draws
     * without the antialiasing rasterizer that a stroke goes through (a few dozen strokes a frame add up).
     */
    private static void border(GraphicsContext gc, Box box, Color color, double width) {
        gc.setFill(color);
        double x = box.x();
        double y = box.y();
        double w = box.width();
        double h = box.height();
        gc.fillRect(x, y, w, width);
        gc.fillRect(x, y + h - width, w, width);
        gc.fillRect(x, y + width, width, h - 2 * width);
        gc.fillRect(x + w - width, y + width, width, h - 2 * width);
    }
}
