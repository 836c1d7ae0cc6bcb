package io.neuralplayground.ui.view.graph;

import io.neuralplayground.data.Feature;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.ui.viewmodel.ColorScale;
import io.neuralplayground.ui.viewmodel.NodeRef;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws the network on a canvas in TF Playground's look: white ground, links as Bézier curves coloured and
 * widened by their weights (drawn first, under the nodes), nodes as squares showing their pictures, biases as
 * small squares at the neurons' lower-left corners, feature labels left of the inputs.
 *
 * <p>It draws everything from scratch each time (a full opaque fill first, so the canvas drops its old
 * commands) and allocates almost nothing: colours come from a table, geometry from the {@link GraphLayout}.
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
    static final Color FROZEN_LINK = Color.web("#c4c4c4");
    static final Color HIGHLIGHT = Color.web("#183d4e", 0.35);
    static final double[] FROZEN_DASHES = {4, 3};

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

    /** What to draw beyond the network: the hovered node and a link or bias to pick out. */
    public record Highlights(NodeRef hoveredNode, GraphHit picked) {
        public static final Highlights NONE = new Highlights(null, null);
    }

    /**
     * Paints {@code network} (which must have the layout's shape) with the features in {@code enabled} switched on.
     *
     * @param build the snapshot's build, to tell current pictures from those of an older network
     */
    public void paint(GraphicsContext gc, GraphLayout layout, Network network, List<Feature> enabled,
            ThumbnailImages thumbnails, long build, Highlights highlights) {
        gc.setGlobalAlpha(1);
        gc.setFill(BACKGROUND);
        gc.fillRect(0, 0, layout.width(), layout.height());
        gc.setImageSmoothing(true);
        drawLinks(gc, layout, network);
        if (highlights.picked() instanceof GraphHit.Link link) {
            drawPickedLink(gc, layout, network, link);
        }
        drawInputs(gc, layout, enabled, thumbnails, highlights.hoveredNode());
        drawNeurons(gc, layout, network, thumbnails, build, highlights);
    }

    private static void drawLinks(GraphicsContext gc, GraphLayout layout, Network network) {
        gc.setLineCap(StrokeLineCap.BUTT);
        gc.setLineDashes((double[]) null);
        boolean anyFrozen = false;
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            double[] ends = layout.linkEnds(l);
            int units = layer.units();
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < units; j++) {
                    if (layer.isFrozen(i, j)) {
                        anyFrozen = true;
                        continue;
                    }
                    double w = layer.weight(i, j);
                    gc.setStroke(color(w));
                    gc.setLineWidth(LinkStyle.width(w));
                    curve(gc, ends, (i * units + j) * 4);
                }
            }
        }
        if (anyFrozen) {
            drawFrozen(gc, layout, network);
        }
    }

    private static void drawFrozen(GraphicsContext gc, GraphLayout layout, Network network) {
        gc.setStroke(FROZEN_LINK);
        gc.setLineWidth(LinkStyle.MIN_WIDTH);
        gc.setLineDashes(FROZEN_DASHES);
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            double[] ends = layout.linkEnds(l);
            int units = layer.units();
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < units; j++) {
                    if (layer.isFrozen(i, j)) {
                        curve(gc, ends, (i * units + j) * 4);
                    }
                }
            }
        }
        gc.setLineDashes((double[]) null);
    }

    /** The picked link again on top, with a dark halo. */
    private static void drawPickedLink(GraphicsContext gc, GraphLayout layout, Network network, GraphHit.Link link) {
        DenseLayer layer = network.layer(link.layer());
        double[] ends = layout.linkEnds(link.layer());
        int k = (link.input() * layer.units() + link.unit()) * 4;
        boolean frozen = layer.isFrozen(link.input(), link.unit());
        double w = layer.weight(link.input(), link.unit());
        double width = frozen ? LinkStyle.MIN_WIDTH : LinkStyle.width(w);
        gc.setStroke(HIGHLIGHT);
        gc.setLineWidth(width + 4);
        curve(gc, ends, k);
        gc.setStroke(frozen ? FROZEN_LINK : color(w));
        gc.setLineWidth(width);
        curve(gc, ends, k);
    }

    private static void curve(GraphicsContext gc, double[] ends, int k) {
        double x0 = ends[k];
        double y0 = ends[k + 1];
        double x1 = ends[k + 2];
        double y1 = ends[k + 3];
        double mid = (x0 + x1) / 2;
        gc.beginPath();
        gc.moveTo(x0, y0);
        gc.bezierCurveTo(mid, y0, mid, y1, x1, y1);
        gc.stroke();
    }

    private static void drawInputs(GraphicsContext gc, GraphLayout layout, List<Feature> enabled,
            ThumbnailImages thumbnails, NodeRef hovered) {
        gc.setFont(LABEL_FONT);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        for (Feature f : Feature.values()) {
            Box box = layout.input(f);
            boolean on = enabled.contains(f);
            gc.setFill(on ? LABEL : OFF_LABEL);
            gc.fillText(f.label(), layout.labelRight(), box.centerY());
            if (on) {
                NodeRef ref = new NodeRef.Input(f);
                square(gc, box, thumbnails.get(ref, 0), ref.equals(hovered));
            } else {
                gc.setFill(OFF_NODE);
                gc.fillRect(box.x(), box.y(), box.width(), box.height());
                border(gc, box, OFF_BORDER, 1);
            }
        }
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

    /** A border inside the box's edge, on the pixel grid. */
    private static void border(GraphicsContext gc, Box box, Color color, double width) {
        gc.setStroke(color);
        gc.setLineWidth(width);
        double inset = width / 2;
        gc.strokeRect(box.x() + inset, box.y() + inset, box.width() - width, box.height() - width);
    }
}
