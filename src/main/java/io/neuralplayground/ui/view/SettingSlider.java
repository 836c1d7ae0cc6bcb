package io.neuralplayground.ui.view;

import java.util.function.DoubleFunction;
import javafx.beans.property.Property;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * A labelled slider for a setting whose change rebuilds the network: the label follows the thumb live, but the
 * setting changes only when the user lets go (or steps it with the keyboard or a click on the track), so dragging
 * does not send a rebuild per pixel. Values snap to the step.
 */
public final class SettingSlider extends VBox {
    private final Slider slider;
    private final Label label = new Label();
    private final Property<Number> target;
    private final double step;
    private final String caption;
    private final DoubleFunction<String> format;

    /**
     * @param caption  "Noise: " (the value follows)
     * @param format   the value as the label shows it
     * @param target   the view model's property, changed on release
     */
    public SettingSlider(String caption, DoubleFunction<String> format, double min, double max, double step,
            Property<Number> target, String tooltip) {
        this.caption = caption;
        this.format = format;
        this.target = target;
        this.step = step;
        getStyleClass().add("setting-slider");
        slider = new Slider(min, max, target.getValue().doubleValue());
        slider.setMajorTickUnit(step);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(step);
        slider.setTooltip(new Tooltip(tooltip));
        label.setTooltip(new Tooltip(tooltip));
        label.getStyleClass().add("setting-label");
        showLabel();

        slider.valueProperty().addListener((o, was, now) -> {
            showLabel();
            if (!slider.isValueChanging()) {
                commit();
            }
        });
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (!now) {
                commit();
            }
        });
        target.addListener((o, was, now) -> {
            if (!slider.isValueChanging()) {
                slider.setValue(now.doubleValue());
            }
        });
        getChildren().addAll(label, slider);
    }

    private double snapped() {
        double min = slider.getMin();
        double v = min + Math.round((slider.getValue() - min) / step) * step;
        return Math.max(min, Math.min(slider.getMax(), v));
    }

    private void showLabel() {
        label.setText(caption + format.apply(snapped()));
    }

    private void commit() {
        double v = snapped();
        if (v != target.getValue().doubleValue()) {
            target.setValue(v);
        }
    }

    /**
     * Puts {@code node} at the right end of the label's row: a switch that belongs with this setting. The label keeps
     * the room its text needs (an ellipsis would hide the value): the node must be short enough to leave it.
     */
    public void addToLabelRow(javafx.scene.Node node) {
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        // Out of this box first: a node has one parent, and the row would take the label from under the slider.
        getChildren().remove(label);
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(6, label, gap, node);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().add(0, row);
    }

    public Slider slider() {
        return slider;
    }

    public String text() {
        return label.getText();
    }
}
