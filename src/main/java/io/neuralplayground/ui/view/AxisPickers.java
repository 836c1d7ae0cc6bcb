package io.neuralplayground.ui.view;

import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import io.neuralplayground.ui.viewmodel.PlotAxes;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * Above the plot, for the user's data only: which two columns are its axes. Every other input is held at its
 * training mean, and the points are drawn at their values in the two columns ({@link PlotAxes}).
 */
final class AxisPickers extends HBox {
    private final ComboBox<String> x = new ComboBox<>();
    private final ComboBox<String> y = new ComboBox<>();
    private boolean showing;

    AxisPickers(PlaygroundViewModel vm) {
        super(6);
        getStyleClass().add("axis-pickers");
        setAlignment(Pos.CENTER_LEFT);
        String tip = "The columns the plot shows across and up; every other input is held at its mean over the "
                + "training examples";
        for (ComboBox<String> box : List.of(x, y)) {
            box.setTooltip(new Tooltip(tip));
            box.setFocusTraversable(false);
            box.setMaxWidth(150);
            box.setVisibleRowCount(12);
        }
        Label across = new Label("Plot across");
        Label up = new Label("up");
        across.setMinWidth(Region.USE_PREF_SIZE);
        up.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(across, x, up, y);
        Runnable pick = () -> {
            if (!showing && x.getValue() != null && y.getValue() != null) {
                vm.plotAxesProperty().set(new PlotAxes(x.getValue(), y.getValue()));
            }
        };
        x.valueProperty().addListener(o -> pick.run());
        y.valueProperty().addListener(o -> pick.run());
        Runnable show = () -> show(vm.settings(), vm.plotAxesProperty().get());
        vm.plotAxesProperty().addListener(o -> show.run());
        vm.snapshotProperty().addListener(o -> show.run());
        show.run();
    }

    private void show(PlaygroundSettings settings, PlotAxes axes) {
        boolean data = settings.hasDataFile();
        setVisible(data);
        setManaged(data);
        if (!data || axes == null) {
            return;
        }
        showing = true;
        try {
            List<String> columns = settings.data().dataset().columnNames();
            if (!x.getItems().equals(columns)) {
                x.getItems().setAll(columns);
                y.getItems().setAll(columns);
            }
            x.setValue(axes.x());
            y.setValue(axes.y());
        } finally {
            showing = false;
        }
    }

    ComboBox<String> xChoice() {
        return x;
    }

    ComboBox<String> yChoice() {
        return y;
    }
}
