package io.neuralplayground.ui.view;

import io.neuralplayground.session.Snapshot;
import io.neuralplayground.ui.viewmodel.ClassColors;
import io.neuralplayground.ui.viewmodel.ColorScale;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import io.neuralplayground.ui.viewmodel.ProblemType;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/**
 * What a click on the plot paints: for classification a point of one of the classes (orange or blue, and for
 * more classes their colours), for regression a value on a slider from −1 to 1; and a button that removes every
 * painted point.
 */
public final class PaintControls extends HBox {
    /** The most classes the generated data have; each gets a button. */
    private static final int MAX_CLASSES = 6;
    private final ToggleButton orange = classButton("Orange (−1)", ColorScale.ORANGE);
    private final ToggleButton blue = classButton("Blue (+1)", ColorScale.BLUE);
    private final List<ToggleButton> classButtons = new ArrayList<>(List.of(orange, blue));
    private final Slider value = new Slider(-1, 1, 0.5);
    private final Button clear = new Button("Clear painted");

    public PaintControls(PlaygroundViewModel vm) {
        getStyleClass().add("paint-controls");
        setAlignment(Pos.CENTER_LEFT);
        Label caption = new Label("Click to add");
        caption.getStyleClass().add("readout-name");
        caption.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        caption.setTooltip(new Tooltip("A click on the plot adds a training point of the chosen colour"));

        ToggleGroup group = new ToggleGroup();
        orange.setTooltip(new Tooltip("A click on the plot adds an orange (−1) training point"));
        blue.setTooltip(new Tooltip("A click on the plot adds a blue (+1) training point"));
        for (int k = 2; k < MAX_CLASSES; k++) {
            ToggleButton more = classButton("Class " + k, ClassColors.of(k));
            more.setTooltip(new Tooltip("A click on the plot adds a training point of class " + k));
            classButtons.add(more);
        }
        classButtons.forEach(b -> b.setToggleGroup(group));
        selectClass(vm.paintClassProperty().get());
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                // One colour is always chosen: a second click on the chosen one keeps it.
                group.selectToggle(was);
            } else {
                vm.paintClassProperty().set(classButtons.indexOf(now));
            }
        });
        vm.paintClassProperty().addListener((o, was, now) -> selectClass(now.intValue()));
        HBox classes = new HBox();
        classes.getChildren().setAll(classButtons);
        classes.getStyleClass().add("paint-classes");
        Runnable showClasses = () -> {
            int shown = Math.max(2, vm.classesProperty().get());
            for (int k = 0; k < classButtons.size(); k++) {
                classButtons.get(k).setVisible(k < shown);
                classButtons.get(k).setManaged(k < shown);
            }
            // The two-class names say what Playground's colours stand for; with more, the classes' numbers.
            orange.setAccessibleText(shown > 2 ? "Class 0" : "Orange (−1)");
            blue.setAccessibleText(shown > 2 ? "Class 1" : "Blue (+1)");
        };
        vm.classesProperty().addListener(o -> showClasses.run());
        showClasses.run();

        value.valueProperty().bindBidirectional(vm.paintValueProperty());
        value.setBlockIncrement(0.1);
        value.setPrefWidth(90);
        // In a narrow column the slider gives way; the number and the button beside it keep their text.
        value.setMinWidth(50);
        value.setTooltip(new Tooltip("The value a click on the plot gives the new point, from −1 (orange) to 1 (blue)"));
        Circle swatch = new Circle(5);
        swatch.getStyleClass().add("paint-swatch");
        swatch.fillProperty().bind(Bindings.createObjectBinding(
                () -> PointPainter.color(ColorScale.argb(value.getValue())), value.valueProperty()));
        Label number = new Label();
        number.getStyleClass().add("readout-value");
        number.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(java.util.Locale.ROOT, "%+.1f", value.getValue()), value.valueProperty()));
        number.setMinWidth(Region.USE_PREF_SIZE);
        HBox regression = new HBox(4, swatch, value, number);
        regression.setAlignment(Pos.CENTER_LEFT);

        Runnable showProblem = () -> {
            boolean c = vm.problemProperty().get() != ProblemType.REGRESSION;
            classes.setVisible(c);
            classes.setManaged(c);
            regression.setVisible(!c);
            regression.setManaged(!c);
        };
        vm.problemProperty().addListener(o -> showProblem.run());
        showProblem.run();

        clear.setTooltip(new Tooltip("Remove every point you painted"));
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setOnAction(e -> vm.clearPainted());
        clear.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            Snapshot s = vm.snapshotProperty().get();
            return s == null || s.settings().paintedPoints().isEmpty();
        }, vm.snapshotProperty()));

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(caption, classes, regression, gap, clear);
    }

    private void selectClass(int k) {
        classButtons.get(Math.max(0, Math.min(classButtons.size() - 1, k))).setSelected(true);
    }

    private static ToggleButton classButton(String name, int argb) {
        Circle dot = new Circle(5, PointPainter.color(argb));
        dot.getStyleClass().add("paint-swatch");
        ToggleButton button = new ToggleButton(null, dot);
        button.getStyleClass().add("paint-class");
        button.setAccessibleText(name);
        return button;
    }

    ToggleButton orangeButton() {
        return orange;
    }

    ToggleButton blueButton() {
        return blue;
    }

    /** The button of class {@code k}: 0 orange, 1 blue, then the other classes' colours. */
    ToggleButton classButton(int k) {
        return classButtons.get(k);
    }

    Slider valueSlider() {
        return value;
    }

    Button clearButton() {
        return clear;
    }
}
