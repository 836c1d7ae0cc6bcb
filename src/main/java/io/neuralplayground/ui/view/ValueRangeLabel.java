package io.neuralplayground.ui.view;

import io.neuralplayground.data.Split;
import io.neuralplayground.session.Snapshot;
import io.neuralplayground.ui.viewmodel.NumberTexts;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * For regression, the values the data's labels span, in numbers ("Values / −0.98 to 0.97"), beside the losses
 * and above the colour key that marks the same span. Hidden for classification, whose labels are classes.
 */
final class ValueRangeLabel extends Label {
    private Split shown;

    ValueRangeLabel(PlaygroundViewModel vm) {
        getStyleClass().add("value-range");
        setMinWidth(Region.USE_PREF_SIZE);
        setTooltip(new Tooltip("The data's values, coloured on the scale beside the plot from −1 (orange) to 1 "
                + "(blue); values beyond take the end colours"));
        vm.snapshotProperty().addListener((o, was, now) -> show(now));
        show(vm.snapshotProperty().get());
    }

    private void show(Snapshot snapshot) {
        Split split = snapshot == null ? null : snapshot.split();
        if (split == shown && snapshot != null) {
            return;
        }
        shown = split;
        ColorLegend.Span span = ColorLegend.Span.of(split);
        setText(span == null ? "" : "Values\n" + number(span.min()) + " to " + number(span.max()));
        setVisible(span != null);
        setManaged(span != null);
    }

    /** Two decimals, with a typographic minus as the plot's axes. */
    static String number(double value) {
        return NumberTexts.withMinus(String.format(Locale.ROOT, "%.2f", value));
    }
}
