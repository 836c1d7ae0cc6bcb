package io.neuralplayground.ui.view;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;

/**
 * A column of the playground that scrolls up and down when the window is too short for it, and never sideways:
 * its content is always as wide as the column, and as tall as the column where it fits (so a part of it that
 * grows, the loss chart, takes the room a tall window has).
 *
 * <p>It never takes the keyboard: the playground's keys (Space, →) must reach the window, not scroll the column.
 */
public final class ScrollColumn extends ScrollPane {
    /** Whether the column grows by the scroll bar's width when one shows, rather than squeeze its content. */
    private final boolean roomForBar;

    /** A column whose content is squeezed by the scroll bar when one shows (it must be able to give way). */
    public ScrollColumn(Region content, String styleClass) {
        this(content, styleClass, false);
    }

    /** @param roomForBar whether the column grows by the bar's width when one shows, for content of fixed width */
    public ScrollColumn(Region content, String styleClass, boolean roomForBar) {
        super(content);
        this.roomForBar = roomForBar;
        getStyleClass().addAll("scroll-column", styleClass);
        setFitToWidth(true);
        setFitToHeight(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        setFocusTraversable(false);
    }

    /**
     * As wide as the content wants, plus the scroll bar when one shows if asked: a scroll pane's own preferred width
     * leaves the bar out, so a column that scrolls would squeeze its content by the bar's width and cut its labels.
     */
    @Override
    protected double computePrefWidth(double height) {
        double width = super.computePrefWidth(height);
        if (!roomForBar) {
            return width;
        }
        for (Node bar : lookupAll(".scroll-bar")) {
            if (bar instanceof ScrollBar s && s.getOrientation() == Orientation.VERTICAL && s.isVisible()) {
                width += s.getWidth();
            }
        }
        return width;
    }
}
