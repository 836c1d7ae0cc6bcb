package io.neuralplayground.ui.view;

import io.neuralplayground.engine.ConfusionMatrix;
import io.neuralplayground.ui.viewmodel.ClassColors;
import io.neuralplayground.ui.viewmodel.ClassReport;
import io.neuralplayground.ui.viewmodel.ConfusionCell;
import io.neuralplayground.ui.viewmodel.ConfusionSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * The confusion matrix of the network now, live while training: rows are the true classes, columns the predicted
 * ones (scikit-learn's convention), each cell the number of examples and its share of the row, shaded by that
 * share; the classes' colours beside their names on both axes. Beside it each class's precision, recall, F1 and
 * support, and under it the macro averages and the accuracy. Training or test examples, switchable. A click on a
 * cell marks its examples in the output plot; a second click, or a click on another part, clears the mark.
 *
 * <p>For a class j: precision = TP_j / (predicted j), recall = TP_j / (true j), F1 = 2·TP_j / (predicted j +
 * true j), each 0 where its denominator is 0 (scikit-learn's {@code zero_division=0}).
 */
public final class ConfusionMatrixView extends VBox {
    /** The shade of a cell holding its whole row. */
    private static final Color FULL = Color.web("#0877bd");
    private static final Color TEXT = Color.web("#333333");
    private static final List<String> MEASURES = List.of("precision", "recall", "F1", "support");

    /** Above this many classes the column headers are turned, so that the columns stay as narrow as the cells. */
    private static final int TURNED_HEADERS_ABOVE = 5;
    /**
     * Above this many classes a cell shows its count alone (its share is its shade, and its tooltip says it), so
     * that ten classes fit beside the curves.
     */
    private static final int COUNTS_ONLY_ABOVE = 6;

    private final ConfusionSource vm;
    private final ToggleButton trainButton = new ToggleButton("Training");
    private final ToggleButton testButton = new ToggleButton("Test");
    private final GridPane grid = new GridPane();
    private final Label accuracy = new Label();
    private final Label empty = new Label("Regression has no classes: the confusion matrix is for classification.");
    private Label[][] cells = new Label[0][0];
    private Label[][] measures = new Label[0][0];
    private Label[] averages = new Label[0];
    private List<String> shownClasses = List.of();

    public ConfusionMatrixView(ConfusionSource vm) {
        this.vm = vm;
        getStyleClass().add("confusion-matrix");
        Label header = new Label("CONFUSION MATRIX");
        header.getStyleClass().add("section-header");
        ToggleGroup part = new ToggleGroup();
        trainButton.setToggleGroup(part);
        testButton.setToggleGroup(part);
        trainButton.setSelected(true);
        trainButton.setTooltip(new Tooltip("The training examples' matrix"));
        testButton.setTooltip(new Tooltip("The test examples' matrix"));
        trainButton.setFocusTraversable(false);
        testButton.setFocusTraversable(false);
        part.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                part.selectToggle(was);
                return;
            }
            vm.highlightedCellProperty().set(null);
            show(vm.classReportProperty().get());
        });
        HBox parts = new HBox(trainButton, testButton);
        parts.getStyleClass().add("confusion-parts");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        accuracy.getStyleClass().add("readout-value");
        header.setMinWidth(Region.USE_PREF_SIZE);
        trainButton.setMinWidth(Region.USE_PREF_SIZE);
        testButton.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(8, header, parts, gap);
        top.setAlignment(Pos.CENTER_LEFT);
        if (!vm.reportsTrainingPart()) {
            // The test part alone, and the tab around names the panel: no title row.
            testButton.setSelected(true);
            top.setVisible(false);
            top.setManaged(false);
        }

        grid.getStyleClass().add("confusion-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        empty.setWrapText(true);
        empty.getStyleClass().add("question");
        // Many classes, or a narrow column: the matrix scrolls sideways inside the column, never past the window.
        ScrollPane sideways = new ScrollPane(grid);
        sideways.getStyleClass().add("confusion-scroll");
        sideways.setFitToHeight(true);
        sideways.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        sideways.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideways.setMinWidth(0);
        sideways.setFocusTraversable(false);
        sideways.visibleProperty().bind(grid.visibleProperty());
        sideways.managedProperty().bind(grid.managedProperty());
        getChildren().addAll(top, sideways, empty);
        setSpacing(6);
        vm.classReportProperty().addListener((o, was, now) -> show(now));
        vm.highlightedCellProperty().addListener(o -> showHighlight());
        show(vm.classReportProperty().get());
    }

    /** Whether the test part's matrix is shown. */
    public boolean showsTest() {
        return testButton.isSelected();
    }

    /** Shows the training part's matrix, or the test part's. */
    public void showTest(boolean test) {
        (test ? testButton : trainButton).setSelected(true);
    }

    private void show(ClassReport report) {
        boolean classification = report != null;
        grid.setVisible(classification);
        grid.setManaged(classification);
        empty.setVisible(!classification);
        empty.setManaged(!classification);
        if (!classification) {
            accuracy.setText("");
            return;
        }
        if (!report.classNames().equals(shownClasses)) {
            build(report.classNames());
        }
        ConfusionMatrix m = report.matrix(showsTest());
        int k = m.classes();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double share = m.rowShare(i, j);
                Label cell = cells[i][j];
                String shareText = Double.isNaN(share) ? "–" : percent(share);
                if (k > COUNTS_ONLY_ABOVE) {
                    cell.setText(Integer.toString(m.count(i, j)));
                    cell.getTooltip().setText("True " + shownClasses.get(i) + ", predicted " + shownClasses.get(j)
                            + ": " + m.count(i, j) + " (" + shareText + " of the row); " + vm.cellClickMeaning());
                } else {
                    cell.setText(m.count(i, j) + "\n" + shareText);
                }
                double t = Double.isNaN(share) ? 0 : share;
                // Set as properties, not as a style string: a style string makes CSS run again on every update.
                cell.setBackground(Background.fill(Color.WHITE.interpolate(FULL, 0.85 * t)));
                cell.setTextFill(t > 0.55 ? Color.WHITE : TEXT);
            }
            measures[i][0].setText(fixed(m.precision(i)));
            measures[i][1].setText(fixed(m.recall(i)));
            measures[i][2].setText(fixed(m.f1(i)));
            measures[i][3].setText(Integer.toString(m.support(i)));
        }
        averages[0].setText(fixed(m.macroPrecision()));
        averages[1].setText(fixed(m.macroRecall()));
        averages[2].setText(fixed(m.macroF1()));
        averages[3].setText(Integer.toString(m.total()));
        accuracy.setText(m.total() == 0 ? "no examples" : "accuracy " + percent(m.accuracy()));
        showHighlight();
    }

    /** A grid for these classes: header row and column, k × k cells, the measures, the averages. */
    private void build(List<String> classes) {
        shownClasses = List.copyOf(classes);
        int k = classes.size();
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        ColumnConstraints names = new ColumnConstraints();
        names.setHalignment(HPos.LEFT);
        grid.getColumnConstraints().add(names);
        for (int j = 0; j < k + MEASURES.size(); j++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHalignment(HPos.CENTER);
            grid.getColumnConstraints().add(c);
        }
        Label corner = small("predicted →\ntrue ↓");
        corner.setTooltip(new Tooltip("Rows: the true class; columns: the class the network predicts"));
        grid.add(corner, 0, 0);
        for (int j = 0; j < k; j++) {
            Label name = classLabel(classes.get(j), j);
            if (k > TURNED_HEADERS_ABOVE) {
                name.setRotate(-90);
                grid.add(new javafx.scene.Group(name), j + 1, 0);
            } else {
                grid.add(name, j + 1, 0);
            }
        }
        for (int q = 0; q < MEASURES.size(); q++) {
            grid.add(small(MEASURES.get(q)), k + 1 + q, 0);
        }
        cells = new Label[k][k];
        measures = new Label[k][MEASURES.size()];
        for (int i = 0; i < k; i++) {
            grid.add(classLabel(classes.get(i), i), 0, i + 1);
            for (int j = 0; j < k; j++) {
                Label cell = new Label();
                cell.getStyleClass().add("confusion-cell");
                if (k > COUNTS_ONLY_ABOVE) {
                    cell.getStyleClass().add("compact");
                }
                cell.setAlignment(Pos.CENTER);
                cell.setMinWidth(Region.USE_PREF_SIZE);
                int trueClass = i;
                int predictedClass = j;
                cell.setTooltip(new Tooltip("True " + classes.get(i) + ", predicted " + classes.get(j)
                        + ": " + vm.cellClickMeaning()));
                cell.setOnMouseClicked(e -> toggle(trueClass, predictedClass));
                cells[i][j] = cell;
                grid.add(cell, j + 1, i + 1);
            }
            for (int q = 0; q < MEASURES.size(); q++) {
                measures[i][q] = small("");
                grid.add(measures[i][q], k + 1 + q, i + 1);
            }
        }
        grid.add(small("macro avg"), 0, k + 1);
        // The accuracy under the matrix, where it is read with it (the title's row has no room at 1024 pixels).
        accuracy.getStyleClass().setAll("label", "confusion-measure");
        grid.add(accuracy, 1, k + 1, k, 1);
        GridPane.setHalignment(accuracy, HPos.LEFT);
        averages = new Label[MEASURES.size()];
        for (int q = 0; q < MEASURES.size(); q++) {
            averages[q] = small("");
            grid.add(averages[q], k + 1 + q, k + 1);
        }
    }

    private void toggle(int trueClass, int predictedClass) {
        ConfusionCell cell = new ConfusionCell(showsTest(), trueClass, predictedClass);
        vm.highlightedCellProperty().set(cell.equals(vm.highlightedCellProperty().get()) ? null : cell);
    }

    private void showHighlight() {
        ConfusionCell h = vm.highlightedCellProperty().get();
        for (int i = 0; i < cells.length; i++) {
            for (int j = 0; j < cells[i].length; j++) {
                boolean marked = h != null && h.testPart() == showsTest() && h.trueClass() == i
                        && h.predictedClass() == j;
                cells[i][j].pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("marked"), marked);
            }
        }
    }

    /** A class's name with its colour's dot. */
    private static Label classLabel(String name, int k) {
        Label label = new Label(name, new Circle(4, PointPainter.color(ClassColors.of(k))));
        label.getStyleClass().add("confusion-class");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label small(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("confusion-measure");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** The cell of true class i and predicted class j, as shown (for tests). */
    public Label cell(int i, int j) {
        return cells[i][j];
    }

    /** The measures of class i: precision, recall, F1, support, as shown (for tests). */
    List<String> measures(int i) {
        List<String> texts = new ArrayList<>();
        for (Label l : measures[i]) {
            texts.add(l.getText());
        }
        return texts;
    }

    String accuracyText() {
        return accuracy.getText();
    }
}
