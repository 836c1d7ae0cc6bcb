package io.neuralplayground.ui.view;

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
    public ScrollColumn(Region content, String styleClass) {
        super(content);
        getStyleClass().addAll("scroll-column", styleClass);
        setFitToWidth(true);
        setFitToHeight(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        setFocusTraversable(false);
    }
}
