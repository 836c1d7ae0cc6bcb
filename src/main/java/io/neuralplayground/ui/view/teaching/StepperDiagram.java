package io.neuralplayground.ui.view.teaching;

import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.ui.view.graph.LinkStyle;
import io.neuralplayground.ui.viewmodel.ColorScale;
import io.neuralplayground.ui.viewmodel.NumberTexts;
import io.neuralplayground.ui.viewmodel.teaching.BackpropStep;
import io.neuralplayground.ui.viewmodel.teaching.BackpropStep.Kind;
import io.neuralplayground.ui.viewmodel.teaching.BackpropSteps;
import io.neuralplayground.ui.viewmodel.teaching.Highlight;
import io.neuralplayground.ui.viewmodel.teaching.TeachingNetwork;
import io.neuralplayground.ui.viewmodel.teaching.Term;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The network as the stepper draws it: input nodes, neurons and links, coloured by the weights as in the
 * playground. Nodes show their values once the forward pass has computed them (h inside, a below); the current
 * step's neurons, links or biases light up in the accent colour, backward steps with their gradients written on
 * the links. With a minibatch the nodes show the first example.
 */
final class StepperDiagram extends Region {
    static final Color ACCENT = Color.web("#183d4e");
    private static final Color ACCENT_FILL = Color.web("#dce9ef");
    private static final Color NODE_STROKE = Color.web("#9aa5ab");
    private static final Color TEXT = Color.web("#333333");
    private static final Color MUTED = Color.web("#6b6b6b");
    private static final double TOP = 44;
    private static final double BOTTOM = 26;
    private static final double LEFT = 44;
    private static final double RIGHT = 96;
    /** Headers, names and labels; the numbers inside the nodes take a size that fits. */
    private static final Font SMALL = Font.font(11);
    private static final Font SMALL_BOLD = Font.font(null, FontWeight.BOLD, 11);

    private final Canvas canvas = new Canvas();
    private TeachingNetwork network;
    private BackpropSteps steps;
    private int done;

    StepperDiagram() {
        getStyleClass().add("stepper-diagram");
        getChildren().add(canvas);
        setMinSize(260, 180);
        setPrefSize(480, 300);
    }

    /** Shows {@code network} after {@code done} of {@code steps} (which may be null: no example yet). */
    void show(TeachingNetwork network, BackpropSteps steps, int done) {
        this.network = network;
        this.steps = steps;
        this.done = done;
        draw();
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    /** Node centres per column, the nodes' radius, and the distance between neighbours in a column. */
    private record Geometry(double[][] x, double[][] y, double radius, double spacing) {

        /** Whether a label fits above each node of column c, below the "a" value of the node above it. */
        boolean roomAbove(int c) {
            return y[c].length == 1 || spacing - 2 * radius >= 13 + LABEL_HEIGHT + 4;
        }
    }

    private Geometry geometry(Network n) {
        int columns = n.depth() + 1;
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        int widest = n.maxWidth();
        double spacing = Math.min(88, (h - TOP - BOTTOM) / widest);
        double radius = Math.max(7, Math.min(25, spacing * 0.34));
        double left = LEFT + radius;
        double right = w - RIGHT - radius;
        double[][] xs = new double[columns][];
        double[][] ys = new double[columns][];
        for (int c = 0; c < columns; c++) {
            int count = c == 0 ? n.inputs() : n.layer(c - 1).units();
            double x = columns == 1 ? left : left + (right - left) * c / (columns - 1);
            xs[c] = new double[count];
            ys[c] = new double[count];
            double mid = TOP + (h - TOP - BOTTOM) / 2;
            for (int i = 0; i < count; i++) {
                xs[c][i] = x;
                ys[c][i] = mid + (i - (count - 1) / 2.0) * spacing;
            }
        }
        return new Geometry(xs, ys, radius, spacing);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (network == null || w < 50 || h < 50) {
            return;
        }
        Network n = network.network();
        Geometry geo = geometry(n);
        BackpropStep current = done > 0 && steps != null ? steps.step(done - 1) : null;
        Highlight lit = current == null ? Highlight.NONE : current.highlight();

        drawHeaders(g, n, geo);
        drawLinks(g, n, geo, lit);
        drawNodes(g, n, geo, lit, current);
        drawOutputs(g, n, geo, lit);
        if (steps != null && steps.exampleCount() > 1) {
            g.setFill(MUTED);
            g.setFont(SMALL);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText("Nodes show example 1 of the " + steps.exampleCount() + ".", 8, h - 6);
        }
    }

    private void drawHeaders(GraphicsContext g, Network n, Geometry geo) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int c = 0; c <= n.depth(); c++) {
            String title = c == 0 ? "input" : "layer " + c;
            String detail = c == 0 ? "h(0) = x"
                    : n.layer(c - 1).activation().kerasName() + (c == n.depth() ? " · output" : "");
            g.setFill(MUTED);
            g.setFont(SMALL_BOLD);
            g.fillText(title, geo.x()[c][0], 6);
            g.setFont(SMALL);
            g.fillText(detail, geo.x()[c][0], 20);
        }
    }

    private void drawLinks(GraphicsContext g, Network n, Geometry geo, Highlight lit) {
        double r = geo.radius();
        for (int k = 1; k <= n.depth(); k++) {
            if (k == lit.links()) {
                continue;
            }
            DenseLayer layer = n.layer(k - 1);
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < layer.units(); j++) {
                    double weight = layer.weight(i, j);
                    int argb = ColorScale.argb(weight);
                    g.setStroke(Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF, 0.85));
                    g.setLineWidth(Math.min(LinkStyle.width(weight), 6));
                    g.strokeLine(geo.x()[k - 1][i] + r, geo.y()[k - 1][i], geo.x()[k][j] - r, geo.y()[k][j]);
                }
            }
        }
        if (lit.links() > 0) {
            int k = lit.links();
            DenseLayer layer = n.layer(k - 1);
            g.setStroke(ACCENT);
            g.setLineWidth(2.5);
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < layer.units(); j++) {
                    g.strokeLine(geo.x()[k - 1][i] + r, geo.y()[k - 1][i], geo.x()[k][j] - r, geo.y()[k][j]);
                }
            }
            double[][] labels = lit.linkLabels();
            if (labels != null) {
                drawLinkLabels(g, layer, k, geo, labels);
            }
        }
    }

    /**
     * The numbers of the lit links, near their targets where links into one neuron fan out; none at all when two
     * of them would overlap (the list of values and the formula hold them anyway).
     */
    private void drawLinkLabels(GraphicsContext g, DenseLayer layer, int k, Geometry geo, double[][] labels) {
        double r = geo.radius();
        int count = layer.inputs() * layer.units();
        double[] cx = new double[count];
        double[] cy = new double[count];
        String[] texts = new String[count];
        int n = 0;
        for (int i = 0; i < layer.inputs(); i++) {
            for (int j = 0; j < layer.units(); j++) {
                double x0 = geo.x()[k - 1][i] + r;
                double y0 = geo.y()[k - 1][i];
                double x1 = geo.x()[k][j] - r;
                double y1 = geo.y()[k][j];
                double t = 0.72;
                cx[n] = x0 + (x1 - x0) * t;
                cy[n] = y0 + (y1 - y0) * t;
                texts[n] = NumberTexts.value(labels[i][j]);
                n++;
            }
        }
        for (int a = 0; a < count; a++) {
            for (int b = a + 1; b < count; b++) {
                double w = (labelWidth(texts[a]) + labelWidth(texts[b])) / 2;
                if (Math.abs(cx[a] - cx[b]) < w + 2 && Math.abs(cy[a] - cy[b]) < LABEL_HEIGHT + 2) {
                    return;
                }
            }
        }
        for (int a = 0; a < count; a++) {
            label(g, texts[a], cx[a], cy[a], ACCENT, Color.WHITE);
        }
    }

    private void drawNodes(GraphicsContext g, Network n, Geometry geo, Highlight lit, BackpropStep current) {
        double r = geo.radius();
        boolean roomInside = r >= 15;
        double font = Math.min(11, r * 0.62);
        for (int c = 0; c <= n.depth(); c++) {
            double[] a = c == 0 ? null : values(Kind.FORWARD_A, c);
            double[] h = c == 0 ? exampleOne(steps == null ? null : steps.examples().inputs()) : values(Kind.FORWARD_H, c);
            boolean lightUp = lit.neurons() == c;
            for (int i = 0; i < geo.x()[c].length; i++) {
                double x = geo.x()[c][i];
                double y = geo.y()[c][i];
                g.setFill(lightUp ? ACCENT_FILL : Color.WHITE);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                g.setStroke(lightUp ? ACCENT : NODE_STROKE);
                g.setLineWidth(lightUp ? 3 : 1.5);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
                if (c > 0) {
                    drawBias(g, x, y, r, c, i, lit, geo.roomAbove(c));
                }
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                if (h != null && roomInside) {
                    String text = NumberTexts.value(h[i]);
                    g.setFill(TEXT);
                    // Wide numbers (−12.3456) shrink to stay inside the circle.
                    g.setFont(Font.font(Math.max(8, Math.min(font, (2 * r - 5) / (text.length() * 0.62)))));
                    g.fillText(text, x, y);
                }
                if (c == 0) {
                    g.setFill(MUTED);
                    g.setFont(SMALL);
                    g.setTextAlign(TextAlignment.RIGHT);
                    String name = i < network.inputs().size() ? network.inputLabels().get(i) : "x" + (i + 1);
                    g.fillText(name, x - r - 5, y);
                } else if (a != null && roomInside) {
                    g.setFill(MUTED);
                    g.setFont(Font.font(Math.min(10, font)));
                    g.setTextBaseline(VPos.TOP);
                    g.fillText("a " + NumberTexts.value(a[i]), x, y + r + 2);
                }
            }
            // A backward step's g, above the neurons it belongs to.
            if (lightUp && current != null && current.kind().isBackward() && roomInside && geo.roomAbove(c)) {
                double[] gradient = exampleOne(current.result());
                if (gradient != null && gradient.length == geo.x()[c].length) {
                    for (int i = 0; i < gradient.length; i++) {
                        label(g, "g " + NumberTexts.value(gradient[i]), geo.x()[c][i],
                                geo.y()[c][i] - r - 9, ACCENT, Color.WHITE);
                    }
                }
            }
        }
    }

    private void drawBias(GraphicsContext g, double x, double y, double r, int layer, int unit, Highlight lit,
            boolean roomAbove) {
        double size = Math.max(6, r * 0.34);
        double d = (r + size * 0.5) / Math.sqrt(2);
        double bx = x - d - size / 2;
        double by = y + d - size / 2;
        boolean lightUp = lit.biases() == layer;
        double bias = network.network().layer(layer - 1).bias(unit);
        int argb = ColorScale.argb(bias);
        g.setFill(lightUp ? ACCENT : Color.rgb(argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF));
        g.fillRect(bx, by, size, size);
        g.setStroke(lightUp ? ACCENT : NODE_STROKE);
        g.setLineWidth(1);
        g.strokeRect(bx, by, size, size);
        if (lightUp && lit.biasLabels() != null && roomAbove) {
            label(g, "b " + NumberTexts.value(lit.biasLabels()[unit]), x, y - r - 9, ACCENT, Color.WHITE);
        }
    }

    /** Targets beside the outputs, and the loss once computed. */
    private void drawOutputs(GraphicsContext g, Network n, Geometry geo, Highlight lit) {
        if (steps == null) {
            return;
        }
        int last = n.depth();
        double r = geo.radius();
        double[] t = exampleOne(steps.examples().targets());
        g.setFont(SMALL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(MUTED);
        double x = geo.x()[last][0] + r + 8;
        if (t.length == geo.x()[last].length) {
            for (int j = 0; j < t.length; j++) {
                g.fillText("t " + NumberTexts.value(t[j]), x, geo.y()[last][j]);
            }
        } else {
            g.fillText("class " + Math.round(t[0]), x, geo.y()[last][0]);
        }
        int lossStep = steps.indexOf(Kind.LOSS, last);
        if (done > lossStep) {
            double bottom = geo.y()[last][geo.y()[last].length - 1] + r + 22;
            double value = steps.step(lossStep).result().get(0, 0);
            String text = "L = " + NumberTexts.value(value);
            if (lit.loss()) {
                label(g, text, geo.x()[last][0], bottom, Color.WHITE, ACCENT);
            } else {
                label(g, text, geo.x()[last][0], bottom, TEXT, Color.web("#f2f2f2"));
            }
        }
    }

    private static final double LABEL_HEIGHT = 15;

    private static double labelWidth(String text) {
        return text.length() * 6.3 + 6;
    }

    /** A small text on a filled box, centred at (x, y). */
    private static void label(GraphicsContext g, String text, double x, double y, Color ink, Color ground) {
        g.setFont(SMALL);
        double w = labelWidth(text);
        double h = LABEL_HEIGHT;
        g.setFill(ground);
        g.fillRoundRect(x - w / 2, y - h / 2, w, h, 4, 4);
        g.setFill(ink);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, x, y);
    }

    /** Layer k's a or h for the first example, once the step computing it is done; otherwise null. */
    private double[] values(Kind kind, int k) {
        if (steps == null) {
            return null;
        }
        int index = steps.indexOf(kind, k);
        if (index < 0 || done <= index) {
            return null;
        }
        return exampleOne(steps.step(index).result());
    }

    /** The first example's values of a term in the steps' layout. */
    private double[] exampleOne(Term term) {
        if (term == null) {
            return null;
        }
        return steps.notation().firstExample(term.values());
    }

    private static double[] exampleOne(double[][] rows) {
        return rows == null ? null : rows[0];
    }
}
