package io.neuralplayground.ui.view.tuning;

import io.neuralplayground.tune.Hyperparameter;
import io.neuralplayground.tune.SearchProblem;
import io.neuralplayground.ui.viewmodel.tuning.TrialRow;
import io.neuralplayground.ui.viewmodel.tuning.TuningViewModel;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The table of trials, sortable by any column (a click on its header): number, status, each hyperparameter, the
 * objective, epochs run, time, and Hyperband's bracket and round. The view model's list keeps its order; the table
 * shows a sorted view of it.
 */
final class TrialTableView extends TableView<TrialRow> {
    /** Numbers by value, then text; blanks last. */
    static final Comparator<Object> CELLS = Comparator.nullsLast((a, b) -> {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    });

    TrialTableView(TuningViewModel vm) {
        SortedList<TrialRow> sorted = new SortedList<>(vm.trials());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        setPlaceholder(new Label("No trials yet: set up the search and press Start"));
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        vm.shownProblemProperty().addListener((o, was, now) -> columns(now));
        columns(null);
    }

    private void columns(SearchProblem problem) {
        getColumns().clear();
        getColumns().add(column("#", TrialRow::number, 40));
        getColumns().add(column("Status", TrialRow::status, 110));
        if (problem != null) {
            for (Hyperparameter h : problem.space().hyperparameters()) {
                // Wide enough for the name in the header (about 7 px a letter at the table's font).
                getColumns().add(column(h.name(), r -> r.parameters().get(h.name()),
                        Math.max(90, 7.5 * h.name().length() + 24)));
            }
        }
        String metric = problem == null ? "Objective" : problem.goal().metric();
        TableColumn<TrialRow, Object> value = column(metric, r -> r.isComplete() ? (Object) r.value() : null, 90);
        value.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                TrialRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty || row == null ? null : row.isComplete()
                        ? String.format(Locale.ROOT, "%.4f", row.value())
                        : row.error() != null ? "failed" : row.state() == TrialRow.State.RUNNING ? "…" : "—");
                setTooltip(row != null && row.error() != null ? new javafx.scene.control.Tooltip(row.error()) : null);
            }
        });
        getColumns().add(value);
        getColumns().add(column("Epochs", r -> r.epochsRun(), 60));
        // A running trial's time is known only once it ends.
        TableColumn<TrialRow, Object> time = column("Time (s)", r -> r.state() == TrialRow.State.RUNNING ? null
                : (Object) r.seconds(), 70);
        time.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format(Locale.ROOT, "%.2f", (Double) item));
            }
        });
        getColumns().add(time);
        getColumns().add(column("Bracket", TrialRow::bracket, 60));
        getColumns().add(column("Round", TrialRow::round, 55));
    }

    private static TableColumn<TrialRow, Object> column(String title, Function<TrialRow, Object> value, double width) {
        TableColumn<TrialRow, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setComparator(CELLS);
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item instanceof Double d
                        ? String.format(Locale.ROOT, "%.4g", d) : String.valueOf(item));
            }
        });
        c.setPrefWidth(width);
        return c;
    }
}
