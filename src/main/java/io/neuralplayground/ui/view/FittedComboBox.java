package io.neuralplayground.ui.view;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

/**
 * A combo box as wide as the text of its widest choice and its arrow. JavaFX makes a combo box as wide as its open
 * list, and measures the list with room for a scroll bar (30 pixels) whether it has one or not: six such fields
 * in the top bar would not fit a 1024-pixel window. The open list may be wider than the field; that is fine.
 */
public final class FittedComboBox<T> extends ComboBox<T> {
    /** Keeps a text that measures a fraction of a pixel wider than computed from being shown with "…". */
    private static final double SLACK = 2;

    @Override
    protected double computePrefWidth(double height) {
        ListCell<?> cell = buttonCell();
        Region arrow = (Region) lookup(".arrow-button");
        if (cell == null || arrow == null || getItems().isEmpty()) {
            return super.computePrefWidth(height);
        }
        Text text = new Text();
        text.setFont(cell.getFont());
        StringConverter<T> converter = getConverter();
        double widest = 0;
        for (T item : getItems()) {
            text.setText(converter == null ? String.valueOf(item) : converter.toString(item));
            widest = Math.max(widest, text.getLayoutBounds().getWidth());
        }
        return snappedLeftInset() + cell.snappedLeftInset() + Math.ceil(widest) + SLACK + cell.snappedRightInset()
                + arrow.prefWidth(-1) + snappedRightInset();
    }

    /** The cell that shows the chosen value in the field (the skin's; the open list's cells are elsewhere). */
    private ListCell<?> buttonCell() {
        for (Node child : getChildrenUnmodifiable()) {
            if (child instanceof ListCell<?> cell) {
                return cell;
            }
        }
        return null;
    }
}
