package io.neuralplayground.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;

/**
 * What "nothing is cut off" means for a laid-out window, as a list of complaints (empty when all is well): every
 * shown text is the whole text (no "…"), and every shown control lies within the window and within the viewport
 * of the scroll pane it is in, sideways (a scroll pane shows what is below by scrolling, not what is beside).
 */
final class LayoutChecks {
    private LayoutChecks() {
    }

    /** Problems under {@code root}, which is laid out in a scene {@code sceneWidth} wide. */
    static List<String> cutOff(Parent root, double sceneWidth) {
        List<String> problems = new ArrayList<>();
        visit(root, sceneWidth, null, problems);
        return problems;
    }

    private static void visit(Node node, double sceneWidth, ScrollPane scroll, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            String shown = displayedText(labeled);
            String text = labeled.getText();
            if (text != null && !text.isEmpty() && shown != null && !shown.equals(text)) {
                problems.add(describe(node) + " shows '" + shown + "' of '" + text + "'");
            }
        }
        if (node instanceof Control) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getWidth() > 0 && (b.getMinX() < -0.5 || b.getMaxX() > sceneWidth + 0.5)) {
                problems.add(describe(node) + " reaches " + range(b) + ", outside the window (0 to " + sceneWidth
                        + ")");
            }
            if (scroll != null && b.getWidth() > 0) {
                Node viewport = scroll.lookup(".viewport");
                Bounds v = viewport.localToScene(viewport.getLayoutBounds());
                if (b.getMinX() < v.getMinX() - 0.5 || b.getMaxX() > v.getMaxX() + 0.5) {
                    problems.add(describe(node) + " reaches " + range(b) + ", beyond its scroll pane's view "
                            + range(v));
                }
            }
        }
        if (node instanceof ScrollPane pane) {
            if (pane.getContent() != null) {
                visit(pane.getContent(), sceneWidth, pane, problems);
            }
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, sceneWidth, scroll, problems);
            }
        }
    }

    /** The text the skin draws (an ellipsis where the label is too short), or null before there is a skin. */
    static String displayedText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    private static String range(Bounds b) {
        return String.format(java.util.Locale.ROOT, "x %.0f to %.0f", b.getMinX(), b.getMaxX());
    }

    private static String describe(Node node) {
        String text = node instanceof Labeled l && l.getText() != null ? " '" + l.getText() + "'" : "";
        return node.getClass().getSimpleName() + node.getStyleClass() + text;
    }
}
