package io.neuralplayground.ui.view.teaching;

import io.neuralplayground.engine.GradientCheck;
import io.neuralplayground.ui.view.Styles;
import io.neuralplayground.ui.viewmodel.NumberTexts;
import io.neuralplayground.ui.viewmodel.teaching.GradientCheckViewModel;
import io.neuralplayground.ui.viewmodel.teaching.GradientCheckViewModel.ExampleChoice;
import io.neuralplayground.ui.viewmodel.teaching.GradientCheckViewModel.Level;
import io.neuralplayground.ui.viewmodel.teaching.GradientCheckViewModel.Row;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The gradient check tab: the largest relative error big in the header, coloured by size; which network and which
 * examples; Run; a table of every parameter with backprop's gradient, the finite difference and their relative
 * error; and beside it how the check works.
 */
public final class GradientCheckView extends BorderPane {
    /** The view's style sheet, a classpath resource. */
    public static final String CSS = "/css/gradcheck.css";

    static final String GOOD = "gradcheck-good";
    static final String FAIR = "gradcheck-fair";
    static final String BAD = "gradcheck-bad";
    private static final List<String> LEVEL_CLASSES = List.of(GOOD, FAIR, BAD);

    /** The filter's steps: every parameter, or those above a relative error. */
    private static final List<Double> FILTERS = List.of(0.0, 1e-10, 1e-8, GradientCheckViewModel.GOOD_BELOW,
            GradientCheckViewModel.BAD_ABOVE);

    private final GradientCheckViewModel vm;
    private final Label largest = new Label();
    private final Label worstName = new Label();
    private final Label counts = new Label();
    private final TableView<Row> table = new TableView<>();
    private final TableColumn<Row, Row> parameterColumn = new TableColumn<>();
    private final TableColumn<Row, Double> backpropColumn = new TableColumn<>();
    private final TableColumn<Row, Double> numericColumn = new TableColumn<>();
    private final TableColumn<Row, Double> errorColumn = new TableColumn<>();
    private final Button run = new Button("Run");

    public GradientCheckView(GradientCheckViewModel vm) {
        this.vm = Objects.requireNonNull(vm);
        getStyleClass().add("gradcheck");
        getStylesheets().add(Styles.stylesheet(CSS));
        setTop(header());
        setCenter(table());
        setRight(explanation());
    }

    // ---- header ----

    private Node header() {
        HBox header = new HBox(largestBox(), facts(), new Region(), controls());
        HBox.setHgrow(header.getChildren().get(2), Priority.ALWAYS);
        header.getStyleClass().add("gradcheck-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node largestBox() {
        Label title = new Label("LARGEST RELATIVE ERROR");
        title.getStyleClass().add("gradcheck-caption");
        largest.getStyleClass().add("gradcheck-largest");
        largest.setMinWidth(Region.USE_PREF_SIZE);
        worstName.getStyleClass().add("gradcheck-worst-name");
        vm.largestErrorProperty().addListener(o -> showLargest());
        vm.worstProperty().addListener(o -> showLargest());
        showLargest();
        VBox box = new VBox(title, largest, worstName);
        box.getStyleClass().add("gradcheck-largest-box");
        Tooltip tip = new Tooltip(String.format(Locale.ROOT,
                "Relative error |b − n| / max(|b|, |n|, %s) of backprop's b and the finite difference n,%n"
                        + "the largest over all parameters.%n%n"
                        + "green  below %s: they agree up to rounding%n"
                        + "amber  %s to %s: worth a look%n"
                        + "red    above %s: a bug in the gradient, or a difference taken across a kink (relu at 0)",
                sci(GradientCheck.FLOOR), sci(GradientCheckViewModel.GOOD_BELOW),
                sci(GradientCheckViewModel.GOOD_BELOW), sci(GradientCheckViewModel.BAD_ABOVE),
                sci(GradientCheckViewModel.BAD_ABOVE)));
        tip.setShowDuration(Duration.seconds(30));
        Tooltip.install(box, tip);
        return box;
    }

    private void showLargest() {
        double value = vm.largestErrorProperty().get();
        Row worst = vm.worstProperty().get();
        largest.getStyleClass().removeAll(LEVEL_CLASSES);
        if (worst == null) {
            largest.setText("–");
            worstName.setText("not checked yet");
            return;
        }
        largest.setText(errorText(value));
        largest.getStyleClass().add(levelClass(GradientCheckViewModel.level(value)));
        worstName.setText("at " + worst.textbook() + "  ·  " + worst.keras());
    }

    private Node facts() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("gradcheck-facts");
        Label network = value(vm.sourceProperty().map(s -> s.isEmpty() ? "–" : s));
        Label loss = value(vm.lossProperty().map(s -> s.isEmpty() ? "–" : s));
        Label examples = value(vm.examplesTextProperty().map(s -> s.isEmpty() ? "–" : s));
        counts.getStyleClass().add("gradcheck-fact");
        vm.rows().addListener((javafx.collections.ListChangeListener<Row>) c -> showCounts());
        vm.shownRows().addListener((javafx.collections.ListChangeListener<Row>) c -> showCounts());
        showCounts();
        grid.addRow(0, name("Network"), network);
        grid.addRow(1, name("Loss"), loss);
        grid.addRow(2, name("Examples"), examples);
        grid.addRow(3, name("Parameters"), counts);
        Tooltip.install(network, new Tooltip("The network checked: a frozen copy of the playground's, or a model file"));
        Tooltip.install(loss, new Tooltip("The loss whose gradient is checked (its mean over the examples, "
                + "without regularization)"));
        Tooltip.install(examples, new Tooltip("The examples the mean loss is taken over"));

        Label stale = new Label("The network or the examples changed: Run again");
        stale.getStyleClass().add("gradcheck-stale");
        stale.visibleProperty().bind(vm.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());
        Label message = new Label();
        message.getStyleClass().add("gradcheck-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setMaxWidth(420);
        TeachingControls.showWhenNotEmpty(message);
        VBox box = new VBox(grid, stale, message);
        box.getStyleClass().add("gradcheck-facts-box");
        return box;
    }

    private void showCounts() {
        int all = vm.rows().size();
        int shown = vm.shownRows().size();
        counts.setText(all == 0 ? "–" : shown == all ? Integer.toString(all) : all + " (" + shown + " shown)");
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("gradcheck-fact-name");
        return label;
    }

    private static Label value(javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.getStyleClass().add("gradcheck-fact");
        label.textProperty().bind(text);
        return label;
    }

    private Node controls() {
        ToggleGroup group = new ToggleGroup();
        RadioButton example = new RadioButton("The stepper's example");
        example.setToggleGroup(group);
        example.setUserData(ExampleChoice.CONTEXT);
        example.setTooltip(new Tooltip("The example (or minibatch) the backprop stepper works on"));
        RadioButton minibatch = new RadioButton("The first");
        minibatch.setToggleGroup(group);
        minibatch.setUserData(ExampleChoice.PLAYGROUND_MINIBATCH);
        minibatch.setTooltip(new Tooltip("A minibatch: the playground's first N training examples"));
        minibatch.disableProperty().bind(vm.minibatchAvailableProperty().not());
        Spinner<Integer> size = io.neuralplayground.ui.view.WholeNumberSpinner.of(1, 500,
                vm.minibatchSizeProperty().get());
        size.getStyleClass().add("gradcheck-size");
        size.setPrefWidth(76);
        size.setTooltip(new Tooltip("How many training examples the minibatch takes"));
        size.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.minibatchSizeProperty().set(now);
            }
        });
        size.disableProperty().bind(vm.minibatchAvailableProperty().not());
        Label examplesWord = new Label("training examples");
        HBox minibatchLine = new HBox(minibatch, size, examplesWord);
        minibatchLine.getStyleClass().add("gradcheck-line");
        minibatchLine.setAlignment(Pos.CENTER_LEFT);
        group.selectToggle(vm.exampleChoiceProperty().get() == ExampleChoice.CONTEXT ? example : minibatch);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                vm.exampleChoiceProperty().set((ExampleChoice) now.getUserData());
            }
        });
        vm.exampleChoiceProperty().addListener((o, was, now) -> group.selectToggle(
                now == ExampleChoice.CONTEXT ? example : minibatch));
        Label on = new Label("Check on");
        on.getStyleClass().add("gradcheck-caption");
        VBox choice = new VBox(on, example, minibatchLine);
        choice.getStyleClass().add("gradcheck-choice");

        run.getStyleClass().add("gradcheck-run");
        run.setDefaultButton(true);
        run.setTooltip(new Tooltip("Compare backprop with finite differences for every parameter, now"));
        run.setOnAction(e -> vm.run());
        run.textProperty().bind(Bindings.when(vm.runningProperty()).then("Running…").otherwise("Run"));
        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("gradcheck-busy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(vm.runningProperty());
        Button follow = new Button("Copy playground");
        follow.getStyleClass().add("gradcheck-follow");
        follow.setTooltip(new Tooltip("Take a fresh copy of the playground's network as it is now "
                + "(the teaching views work on a frozen copy, which training does not change)"));
        follow.setOnAction(e -> vm.followPlayground());
        HBox buttons = new HBox(run, busy);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.getStyleClass().add("gradcheck-line");

        ChoiceBox<Double> filter = new ChoiceBox<>();
        filter.getItems().setAll(FILTERS);
        filter.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null || value <= 0 ? "all parameters" : "errors above " + sci(value);
            }

            @Override
            public Double fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        filter.setValue(vm.showAboveProperty().get());
        filter.valueProperty().addListener((o, was, now) -> vm.showAboveProperty().set(now == null ? 0 : now));
        filter.setTooltip(new Tooltip("Show only the parameters whose relative error is above a size"));
        Label showLabel = new Label("Show");
        HBox filterLine = new HBox(showLabel, filter);
        filterLine.setAlignment(Pos.CENTER_LEFT);
        filterLine.getStyleClass().add("gradcheck-line");

        VBox actions = new VBox(buttons, new HBox(6, follow, OlderCopyMark.of(vm.context())), filterLine);
        actions.getStyleClass().add("gradcheck-actions");
        HBox controls = new HBox(choice, actions);
        controls.getStyleClass().add("gradcheck-controls");
        return controls;
    }

    // ---- table ----

    private Node table() {
        table.getStyleClass().add("gradcheck-table");
        SortedList<Row> sorted = new SortedList<>(vm.shownRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        Label placeholder = new Label("Press Run to compare backprop's gradient with finite differences");
        placeholder.getStyleClass().add("gradcheck-placeholder");
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        header(parameterColumn, "Parameter", "W(k)[unit, input] is the weight from an input of layer k into one of "
                + "its units (W = Kᵀ, counted from 0), b(k)[unit] a bias;\nbeside it Keras' name: layer k−1, "
                + "kernel[input][unit]");
        parameterColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        parameterColumn.setComparator(Comparator.comparingInt(Row::index));
        parameterColumn.setCellFactory(c -> new ParameterCell());
        parameterColumn.setPrefWidth(240);

        header(backpropColumn, "Backprop", "∂L/∂θ as backpropagation computes it (the mean over the examples)");
        backpropColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().backprop()));
        backpropColumn.setCellFactory(c -> new NumberCell(false));
        backpropColumn.setPrefWidth(170);

        header(numericColumn, "Finite difference", String.format(Locale.ROOT,
                "(L(θ−2h) − 8·L(θ−h) + 8·L(θ+h) − L(θ+2h)) / 12h with h = %s", sci(GradientCheck.STEP)));
        numericColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().numeric()));
        numericColumn.setCellFactory(c -> new NumberCell(false));
        numericColumn.setPrefWidth(170);

        header(errorColumn, "Relative error", String.format(Locale.ROOT,
                "|b − n| / max(|b|, |n|, %s); click to sort by it", sci(GradientCheck.FLOOR)));
        errorColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().relativeError()));
        errorColumn.setCellFactory(c -> new NumberCell(true));
        errorColumn.setPrefWidth(130);

        table.getColumns().setAll(List.of(parameterColumn, backpropColumn, numericColumn, errorColumn));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                boolean worst = !empty && item != null && item == vm.worstProperty().get();
                getStyleClass().remove("gradcheck-worst-row");
                if (worst) {
                    getStyleClass().add("gradcheck-worst-row");
                }
            }
        });
        VBox box = new VBox(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.getStyleClass().add("gradcheck-table-box");
        return box;
    }

    /** A column header as a label, so that it carries a tooltip; clicking it still sorts. */
    private static void header(TableColumn<Row, ?> column, String text, String tip) {
        Label label = new Label(text);
        label.setTooltip(new Tooltip(tip));
        label.setMinWidth(Region.USE_PREF_SIZE);
        column.setGraphic(label);
        column.setId(text);
    }

    /** "W(2)[1,3]" and, in grey, "layer 1 kernel[3][1]". */
    private static final class ParameterCell extends TableCell<Row, Row> {
        private final Label textbook = new Label();
        private final Label keras = new Label();
        private final HBox box = new HBox(textbook, keras);

        ParameterCell() {
            textbook.getStyleClass().add("gradcheck-textbook");
            textbook.setMinWidth(Region.USE_PREF_SIZE);
            keras.getStyleClass().add("gradcheck-keras");
            box.getStyleClass().add("gradcheck-parameter");
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            textbook.setText(row.textbook());
            keras.setText(row.keras());
            setGraphic(box);
            GradientCheck.Entry e = row.entry();
            setTooltip(new Tooltip(e.bias()
                    ? "Bias of unit " + e.col() + " in layer " + (e.layer() + 1) + " (Keras' layer " + e.layer() + ")"
                    : "Weight from input " + e.row() + " into unit " + e.col() + " of layer " + (e.layer() + 1)
                            + " (Keras' layer " + e.layer() + "), counted from 0"));
        }
    }

    /** A number in scientific notation, full precision in the tooltip; a relative error coloured by its size. */
    private static final class NumberCell extends TableCell<Row, Double> {
        private final boolean error;

        NumberCell(boolean error) {
            this.error = error;
            getStyleClass().add(error ? "gradcheck-error-cell" : "gradcheck-number-cell");
        }

        @Override
        protected void updateItem(Double value, boolean empty) {
            super.updateItem(value, empty);
            getStyleClass().removeAll(LEVEL_CLASSES);
            if (empty || value == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(error ? errorText(value) : gradientText(value));
            setTooltip(new Tooltip(fullText(value)));
            if (error) {
                getStyleClass().add(levelClass(GradientCheckViewModel.level(value)));
            }
        }
    }

    // ---- explanation ----

    private Node explanation() {
        Label title = new Label("HOW THE CHECK WORKS");
        title.getStyleClass().add("gradcheck-caption");
        Label method = paragraph("Each weight or bias θ is moved by ±h and ±2h, the others fixed, and the mean "
                + "loss L over the examples is computed again (without regularization):");
        Label stencil = new Label("∂L/∂θ ≈ (L(θ−2h) − 8·L(θ−h)\n          + 8·L(θ+h) − L(θ+2h)) / 12h");
        stencil.getStyleClass().add("gradcheck-formula");
        stencil.setMinHeight(Region.USE_PREF_SIZE);
        Label step = paragraph("with h = " + sci(GradientCheck.STEP) + ". This central difference is off by "
                + "O(h⁴) only, so what remains is rounding, about 10⁻¹²·L.");
        Label compare = paragraph("Backprop's b and the difference n are compared by the relative error");
        Label formula = new Label("|b − n| / max(|b|, |n|, " + sci(GradientCheck.FLOOR) + ")");
        formula.getStyleClass().add("gradcheck-formula");
        Label floor = paragraph("The floor keeps gradients that are zero up to rounding from showing large errors.");
        VBox legend = new VBox(
                legend(GOOD, "below " + sci(GradientCheckViewModel.GOOD_BELOW), "agree up to rounding"),
                legend(FAIR, sci(GradientCheckViewModel.GOOD_BELOW) + " to " + sci(GradientCheckViewModel.BAD_ABOVE),
                        "worth a look"),
                legend(BAD, "above " + sci(GradientCheckViewModel.BAD_ABOVE), "a bug, or a kink"));
        legend.getStyleClass().add("gradcheck-legend");
        Label kink = paragraph("Near a kink, relu at 0 for example, a difference across the kink is not a "
                + "derivative: large errors there are expected, not bugs.");
        kink.getStyleClass().add("gradcheck-note");
        VBox box = new VBox(title, method, stencil, step, compare, formula, floor, legend, kink);
        box.getStyleClass().add("gradcheck-explanation");
        return box;
    }

    private static Node legend(String levelClass, String range, String meaning) {
        Label swatch = new Label(range);
        swatch.getStyleClass().addAll("gradcheck-swatch", levelClass);
        swatch.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(meaning);
        text.getStyleClass().add("gradcheck-legend-text");
        HBox line = new HBox(swatch, text);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("gradcheck-legend-line");
        return line;
    }

    private static Label paragraph(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("gradcheck-text");
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    // ---- formats ----

    static String levelClass(Level level) {
        return switch (level) {
            case GOOD -> GOOD;
            case FAIR -> FAIR;
            case BAD -> BAD;
        };
    }

    /** "1e-4", "1e-10": a threshold. */
    static String sci(double value) {
        int exponent = (int) Math.round(Math.log10(value));
        return Math.abs(value - Math.pow(10, exponent)) < 1e-9 * value ? "1e" + exponent
                : String.format(Locale.ROOT, "%.0e", value);
    }

    /** "3.21e-11": a relative error to three digits; 0 as "0". */
    static String errorText(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return value == 0 ? "0" : NumberTexts.withMinus(String.format(Locale.ROOT, "%.2e", value));
    }

    /** "−1.234567e-03": a gradient to seven digits, with a real minus sign. */
    static String gradientText(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return value == 0 ? "0" : NumberTexts.withMinus(String.format(Locale.ROOT, "%.6e", value));
    }

    /** Every digit a double has, with a real minus sign. */
    static String fullText(double value) {
        return NumberTexts.withMinus(NumberTexts.allDigits(value));
    }

    // ---- for tests ----

    TableView<Row> tableView() {
        return table;
    }

    Label largestLabel() {
        return largest;
    }

    Button runButton() {
        return run;
    }

    TableColumn<Row, Double> errorColumn() {
        return errorColumn;
    }
}
