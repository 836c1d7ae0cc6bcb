package io.neuralplayground.ui.view;

import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextFormatter;
import javafx.util.StringConverter;

/**
 * Editable spinners of whole numbers that never take bad text. The editor accepts only digits (and a leading minus
 * where the range allows one); a number typed past an end becomes that end; empty text, once committed (Enter or
 * leaving the field), gives the value back. JavaFX's own converter would throw on such text, on the FX thread, and
 * leave the editor showing a number the spinner does not hold.
 */
public final class WholeNumberSpinner {
    private WholeNumberSpinner() {
    }

    /** An editable spinner from {@code min} to {@code max}, at {@code initial}. */
    public static Spinner<Integer> of(int min, int max, int initial) {
        Spinner<Integer> spinner = new Spinner<>(min, max, initial);
        spinner.setEditable(true);
        SpinnerValueFactory<Integer> factory = spinner.getValueFactory();
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                return parse(text, min, max, factory.getValue());
            }
        });
        String allowed = min < 0 ? "-?\\d*" : "\\d*";
        spinner.getEditor().setTextFormatter(new TextFormatter<>(change ->
                change.getControlNewText().matches(allowed) ? change : null));
        // The spinner commits as focus leaves; text that gave the value back (or was clamped) shows what it holds.
        spinner.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                spinner.getEditor().setText(factory.getConverter().toString(spinner.getValue()));
            }
        });
        return spinner;
    }

    /** {@code text} as a number clamped to [min, max]; {@code current} when it is not a whole number. */
    static Integer parse(String text, int min, int max, Integer current) {
        try {
            long n = Long.parseLong(text.trim());
            return (int) Math.max(min, Math.min(max, n));
        } catch (NumberFormatException e) {
            return current;
        }
    }
}
