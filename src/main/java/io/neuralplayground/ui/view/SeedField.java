package io.neuralplayground.ui.view;

import javafx.beans.property.ObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The seed as a text field: Enter or leaving the field applies it; text that is not a whole number is refused
 * with a hint, and the seed stays what it was. The hint is a label of its own ({@link #hint()}) for the parent
 * to place where it has room.
 */
public final class SeedField extends HBox {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final ObjectProperty<Long> seed;
    private final TextField field = new TextField();
    private final Label hint = new Label();

    public SeedField(ObjectProperty<Long> seed) {
        this.seed = seed;
        getStyleClass().add("seed-field");
        Label caption = new Label("Seed");
        caption.getStyleClass().add("setting-label");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        field.getStyleClass().add("seed-text");
        field.setPrefColumnCount(5);
        field.setTooltip(new Tooltip("Drives the data, the initial weights and the shuffling: the same seed gives "
                + "the same run. Press Enter to apply."));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        showHint(null);
        showValue();
        field.setOnAction(e -> commit());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now && !commit()) {
                // Leaving the field with bad text: the field shows the seed in force again, the hint says why.
                field.setText(text(seed.get()));
            }
        });
        field.textProperty().addListener((o, was, now) -> field.pseudoClassStateChanged(INVALID,
                parse(now) == null && !now.isBlank()));
        seed.addListener((o, was, now) -> {
            showValue();
            showHint(null);
        });
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(caption, field);
    }

    /** Applies the text; false (and a hint) if it is not a whole number. */
    private boolean commit() {
        Long value = parse(field.getText());
        if (value == null) {
            showHint("“" + field.getText().strip() + "” is not a whole number: the seed stays " + text(seed.get()));
            return false;
        }
        showHint(null);
        seed.set(value);
        showValue();
        return true;
    }

    private static Long parse(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void showValue() {
        field.setText(text(seed.get()));
    }

    private static String text(Long value) {
        return value == null ? "" : value.toString();
    }

    private void showHint(String text) {
        hint.setText(text == null ? "" : text);
        hint.setVisible(text != null);
        hint.setManaged(text != null);
    }

    public TextField field() {
        return field;
    }

    /** The hint under the field, empty when the text is fine. */
    public Label hint() {
        return hint;
    }
}
