package io.neuralplayground.ui.view.graph;

import io.neuralplayground.ui.viewmodel.NumberTexts;
import java.util.function.DoubleConsumer;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/**
 * A small inline editor for one number, placed over the graph where the user clicked: pre-filled with the value,
 * Enter applies, Escape or a click elsewhere (focus loss) cancels. Text that is not a finite number is refused:
 * the field turns red ({@code :invalid}), a short message says what to type, and nothing is applied.
 */
public final class ValueEditor extends VBox {
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    static final String REFUSED = "Type a number, like 0.5 or -1.2";

    private final TextField field = new TextField();
    private final Label message = new Label(REFUSED);
    private DoubleConsumer onApply;

    public ValueEditor() {
        getStyleClass().add("value-editor");
        field.getStyleClass().add("value-editor-field");
        field.setPrefColumnCount(7);
        field.setTooltip(new Tooltip("Enter applies the value, Escape cancels"));
        message.getStyleClass().add("value-editor-message");
        message.setVisible(false);
        message.setManaged(false);
        getChildren().addAll(field, message);
        setVisible(false);
        setManaged(false);
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                apply();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                cancel();
                e.consume();
            }
        });
        field.textProperty().addListener((o, was, now) -> showRefused(false));
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                cancel();
            }
        });
    }

    /** Opens the editor showing {@code value}; {@code onApply} gets the number the user enters. */
    public void open(double value, DoubleConsumer onApply) {
        this.onApply = onApply;
        field.setText(NumberTexts.valueAsTyped(value));
        showRefused(false);
        setVisible(true);
        field.requestFocus();
        field.selectAll();
    }

    public boolean isOpen() {
        return isVisible();
    }

    /** Closes without applying anything. */
    public void cancel() {
        onApply = null;
        setVisible(false);
    }

    public TextField field() {
        return field;
    }

    /** Whether the last text entered was refused. */
    public boolean isRefused() {
        return field.getPseudoClassStates().contains(INVALID);
    }

    private void apply() {
        Double value = GraphTexts.parse(field.getText());
        if (value == null) {
            showRefused(true);
            return;
        }
        DoubleConsumer target = onApply;
        cancel();
        if (target != null) {
            target.accept(value);
        }
    }

    private void showRefused(boolean refused) {
        field.pseudoClassStateChanged(INVALID, refused);
        message.setVisible(refused);
        message.setManaged(refused);
        // The editor is placed by hand over the graph, not laid out by it: it sizes itself.
        autosize();
    }
}
