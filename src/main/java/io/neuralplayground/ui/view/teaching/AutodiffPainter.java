package io.neuralplayground.ui.view.teaching;

import io.neuralplayground.engine.autodiff.AutodiffNumbers;
import io.neuralplayground.engine.autodiff.AutodiffSteps;
import io.neuralplayground.engine.autodiff.ComputationalGraph;
import io.neuralplayground.engine.autodiff.Edge;
import io.neuralplayground.engine.autodiff.Evaluation;
import io.neuralplayground.engine.autodiff.GraphNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws the computational graph at a position of the stepping: every node as a rounded box with its formula and
 * operation, its value once the forward pass has reached it and its adjoint once the backward pass has; every edge
 * as a curve, labelled with its local derivative (formula and number) once the backward step that uses it is done.
 * The current step's node is filled with the accent colour and the edges it reads are drawn strong (accent going
 * forward, orange going backward); nodes already reached are calm, nodes not yet reached grey.
 */
final class AutodiffPainter {
    static final Color ACCENT = Color.web("#183d4e");
    /** Adjoints and the backward pass: the warm colour of TF Playground's palette, darkened to read as text. */
    static final Color BACKWARD = Color.web("#c2570c");
    private static final Color BACKWARD_ON_ACCENT = Color.web("#ffc48f");
    private static final Color TEXT = Color.web("#1f2b31");
    private static final Color MUTED = Color.web("#6f7b82");
    private static final Color PENDING_TEXT = Color.web("#b3b9bd");
    private static final Color PENDING_BORDER = Color.web("#dadee0");
    private static final Color VISITED_FILL = Color.web("#f1f5f7");
    private static final Color VISITED_BORDER = Color.web("#8da3b0");
    private static final Color EDGE_PENDING = Color.web("#e1e4e6");
    private static final Color EDGE_DONE = Color.web("#a7b6bf");
    private static final Color ON_ACCENT_MUTED = Color.web("#b8cbd5");
    private static final double RADIUS = 9;
    private static final double PAD = 10;
    private static final String FAMILY = Font.getDefault().getFamily();
    static final Font TITLE = Font.font(FAMILY, FontWeight.BOLD, 14);
    static final Font SMALL = Font.font(FAMILY, 10.5);
    static final Font NUMBER = Font.font(FAMILY, 13);
    static final Font LABEL = Font.font(FAMILY, 11.5);
    private static final Font CAPTION = Font.font(FAMILY, FontWeight.BOLD, 10.5);
    /** Measures texts, see {@link #width}: {@link #fit} tries a text at many sizes. */
    private static final Text MEASURE = new Text();

    /** Where each edge label was put at the last paint (natural coordinates), for tests. */
    private final List<double[]> labelRects = new ArrayList<>();

    void paint(GraphicsContext gc, double width, double height, AutodiffLayout layout, AutodiffSteps steps,
            int position) {
        gc.save();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, width, height);
        gc.translate(layout.offsetX(), layout.offsetY());
        gc.scale(layout.scale(), layout.scale());
        ComputationalGraph graph = steps.evaluation().graph();
        AutodiffSteps.Step current = steps.current(position);
        Set<Edge> active = new HashSet<>(steps.activeEdges(position));
        boolean backward = current != null && current.phase() == AutodiffSteps.Phase.BACKWARD;
        for (AutodiffLayout.Route route : layout.routes()) {
            if (!active.contains(route.edge())) {
                edge(gc, route, steps.valueKnown(route.edge().to(), position) ? EDGE_DONE : EDGE_PENDING, 1.4);
            }
        }
        for (AutodiffLayout.Route route : layout.routes()) {
            if (active.contains(route.edge())) {
                edge(gc, route, backward ? BACKWARD : ACCENT, 2.6);
            }
        }
        labelRects.clear();
        for (AutodiffLayout.Route route : layout.routes()) {
            if (steps.derivativeKnown(route.edge(), position)) {
                edgeLabel(gc, layout, graph, steps.evaluation(), route, active.contains(route.edge()));
            }
        }
        for (AutodiffLayout.Box box : layout.boxes()) {
            node(gc, box, graph.node(box.node()), steps, position, current != null && current.node() == box.node());
        }
        captions(gc, layout, graph);
        gc.restore();
    }

    /** The label rectangles {x, y, w, h} of the last paint, in natural coordinates. */
    List<double[]> labelRects() {
        return labelRects;
    }

    private static void edge(GraphicsContext gc, AutodiffLayout.Route route, Color color, double width) {
        List<AutodiffLayout.Point> p = route.points();
        gc.setStroke(color);
        gc.setLineWidth(width);
        gc.beginPath();
        gc.moveTo(p.get(0).x(), p.get(0).y());
        for (int i = 0; i + 1 < p.size(); i += 2) {
            AutodiffLayout.Point a = p.get(i);
            AutodiffLayout.Point b = p.get(i + 1);
            if (i > 0) {
                gc.lineTo(a.x(), a.y());
            }
            double dx = (b.x() - a.x()) / 2;
            gc.bezierCurveTo(a.x() + dx, a.y(), b.x() - dx, b.y(), b.x(), b.y());
        }
        gc.stroke();
        AutodiffLayout.Point end = p.get(p.size() - 1);
        double size = 4 + width;
        gc.setFill(color);
        gc.fillPolygon(new double[] {end.x(), end.x() - size * 1.4, end.x() - size * 1.4},
                new double[] {end.y(), end.y() - size * 0.7, end.y() + size * 0.7}, 3);
    }

    /** "∂b/∂a = exp(a)" over "= 2.7183", on white, in the gap next to the source, where no other label is. */
    private void edgeLabel(GraphicsContext gc, AutodiffLayout layout, ComputationalGraph graph, Evaluation e,
            AutodiffLayout.Route route, boolean active) {
        Edge edge = route.edge();
        String partial = "∂" + graph.node(edge.to()).id() + "/∂" + graph.node(edge.from()).id();
        String number = "= " + AutodiffNumbers.value(e.localDerivative(edge));
        double room = layout.gap() - 10;
        // Two lines, "∂d/∂c = 1/(2√c)" over "= 0.2593"; three where two would need a smaller font.
        String[] lines = {partial + " = " + edge.formula(), number};
        Font font = fit(SMALL, room - 8, lines);
        if (font.getSize() < 10) {
            lines = new String[] {partial, "= " + edge.formula(), number};
            font = fit(SMALL, room - 8, lines);
        }
        double textWidth = 0;
        for (String line : lines) {
            textWidth = Math.max(textWidth, width(line, font));
        }
        double w = Math.min(room, textWidth + 8);
        double lineHeight = font.getSize() * 1.25;
        double h = lines.length * lineHeight + 4;
        AutodiffLayout.Point a = route.start();
        AutodiffLayout.Point b = route.firstGapEnd();
        double[] chosen = null;
        for (double t : new double[] {0.5, 0.32, 0.68, 0.2, 0.8}) {
            double s = 1 - t;
            double dx = (b.x() - a.x()) / 2;
            double px = s * s * s * a.x() + 3 * s * s * t * (a.x() + dx) + 3 * s * t * t * (b.x() - dx) + t * t * t * b.x();
            double py = s * s * s * a.y() + 3 * s * s * t * a.y() + 3 * s * t * t * b.y() + t * t * t * b.y();
            double x = Math.max(a.x() + 5, Math.min(b.x() - 5 - w, px - w / 2));
            double[] rect = {x, py - h / 2, w, h};
            if (chosen == null) {
                chosen = rect;
            }
            if (labelRects.stream().noneMatch(r -> overlaps(r, rect))) {
                chosen = rect;
                break;
            }
        }
        labelRects.add(chosen);
        gc.setFill(Color.color(1, 1, 1, 0.94));
        gc.fillRoundRect(chosen[0], chosen[1], chosen[2], chosen[3], 6, 6);
        if (active) {
            gc.setStroke(BACKWARD);
            gc.setLineWidth(1);
            gc.strokeRoundRect(chosen[0], chosen[1], chosen[2], chosen[3], 6, 6);
        }
        gc.setFont(font);
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        double cx = chosen[0] + chosen[2] / 2;
        for (int i = 0; i < lines.length; i++) {
            gc.setFill(i == lines.length - 1 ? BACKWARD : TEXT);
            gc.fillText(lines[i], cx, chosen[1] + 2 + lineHeight * (i + 0.5), chosen[2] - 4);
        }
    }

    private static boolean overlaps(double[] r, double[] s) {
        return r[0] < s[0] + s[2] && s[0] < r[0] + r[2] && r[1] < s[1] + s[3] && s[1] < r[1] + r[3];
    }

    private static void node(GraphicsContext gc, AutodiffLayout.Box box, GraphNode node, AutodiffSteps steps,
            int position, boolean current) {
        boolean valueKnown = steps.valueKnown(node.index(), position);
        boolean adjointKnown = steps.adjointKnown(node.index(), position);
        Color fill = current ? ACCENT : valueKnown ? VISITED_FILL : Color.WHITE;
        Color border = current ? ACCENT : valueKnown ? VISITED_BORDER : PENDING_BORDER;
        Color title = current ? Color.WHITE : valueKnown ? TEXT : PENDING_TEXT;
        Color muted = current ? ON_ACCENT_MUTED : valueKnown ? MUTED : PENDING_TEXT;
        gc.setFill(fill);
        gc.fillRoundRect(box.x(), box.y(), box.width(), box.height(), 2 * RADIUS, 2 * RADIUS);
        gc.setStroke(border);
        gc.setLineWidth(current ? 2 : 1.2);
        gc.strokeRoundRect(box.x(), box.y(), box.width(), box.height(), 2 * RADIUS, 2 * RADIUS);

        double left = box.x() + PAD;
        double right = box.right() - PAD;
        gc.setTextBaseline(VPos.CENTER);
        String op = node.op().jsonName();
        gc.setFont(SMALL);
        gc.setFill(muted);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.fillText(op, right, box.y() + 15);
        double opWidth = width(op, SMALL);
        String label = node.label();
        Font titleFont = fit(TITLE, right - left - opWidth - 6, label);
        gc.setFont(titleFont);
        gc.setFill(title);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(label, left, box.y() + 16, right - left - opWidth - 6);

        gc.setStroke(current ? Color.web("#2f5668") : valueKnown ? Color.web("#dfe7eb") : Color.web("#eeeeee"));
        gc.setLineWidth(1);
        gc.strokeLine(left, box.y() + 30, right, box.y() + 30);

        row(gc, box, box.y() + 43, "value",
                valueKnown ? AutodiffNumbers.value(steps.evaluation().value(node.index())) : "—", muted,
                current ? Color.WHITE : valueKnown ? TEXT : PENDING_TEXT);
        String bar = io.neuralplayground.engine.autodiff.AutodiffSteps.bar(node.id());
        row(gc, box, box.y() + 61, "adjoint " + bar,
                adjointKnown ? AutodiffNumbers.value(steps.evaluation().adjoint(node.index())) : "—", muted,
                adjointKnown ? (current ? BACKWARD_ON_ACCENT : BACKWARD) : current ? ON_ACCENT_MUTED : PENDING_TEXT);
    }

    private static void row(GraphicsContext gc, AutodiffLayout.Box box, double y, String name, String number,
            Color nameColor, Color numberColor) {
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(LABEL);
        gc.setFill(nameColor);
        gc.fillText(name, box.x() + PAD, y);
        double nameWidth = width(name, LABEL);
        double room = box.width() - 2 * PAD - nameWidth - 8;
        Font font = fit(NUMBER, room, number);
        gc.setFont(font);
        gc.setFill(numberColor);
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.fillText(number, box.right() - PAD, y, room);
    }

    private static void captions(GraphicsContext gc, AutodiffLayout layout, ComputationalGraph graph) {
        gc.setFont(CAPTION);
        gc.setFill(MUTED);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.BOTTOM);
        AutodiffLayout.Box in = layout.box(graph.input().index());
        AutodiffLayout.Box out = layout.box(graph.output().index());
        if (in == out) {
            gc.fillText("INPUT x = OUTPUT f(x)", in.x() + 2, in.y() - 4);
            return;
        }
        gc.fillText("INPUT", in.x() + 2, in.y() - 4);
        gc.fillText("OUTPUT f(x)", out.x() + 2, out.y() - 4);
    }

    /** {@code font}, or a smaller size of it (down to 8 px) at which every text is at most {@code room} wide. */
    static Font fit(Font font, double room, String... texts) {
        double size = font.getSize();
        Font f = font;
        while (size > 8) {
            boolean fits = true;
            for (String t : texts) {
                fits &= width(t, f) <= room;
            }
            if (fits) {
                return f;
            }
            size -= 0.5;
            f = Font.font(font.getFamily(), weight(font), size);
        }
        return f;
    }

    private static FontWeight weight(Font font) {
        return font.getStyle().toLowerCase(java.util.Locale.ROOT).contains("bold") ? FontWeight.BOLD : FontWeight.NORMAL;
    }

    /** The width of {@code text} in {@code font}. On the FX thread, as all painting: one node measures them all. */
    static double width(String text, Font font) {
        MEASURE.setText(text);
        MEASURE.setFont(font);
        return MEASURE.getLayoutBounds().getWidth();
    }
}
