package io.neuralplayground.ui.view.teaching;

import io.neuralplayground.ui.viewmodel.NumberTexts;
import io.neuralplayground.ui.viewmodel.teaching.Term;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A matrix as the textbook prints it: its symbol above, the numbers at four decimals ({@link NumberTexts#value})
 * between brackets, what its rows and columns are below; every number shows its full precision (as {@code trace}
 * prints it) on hover.
 * Matrices larger than {@value #MAX_SHOWN} × {@value #MAX_SHOWN} show their first rows and columns and "…".
 */
final class MatrixNode extends VBox {
    /** Rows or columns beyond this many are elided. */
    static final int MAX_SHOWN = 12;

    /**
     * @param term    the matrix
     * @param compact the small form of the list of values computed so far
     */
    MatrixNode(Term term, boolean compact) {
        getStyleClass().addAll("stepper-matrix", compact ? "stepper-matrix-compact" : "stepper-matrix-large");
        setAlignment(Pos.CENTER);
        Label symbol = new Label(term.symbol());
        symbol.getStyleClass().add("stepper-matrix-symbol");
        getChildren().add(symbol);
        if (term.isNumber()) {
            Label value = cell(term.get(0, 0));
            value.getStyleClass().add("stepper-number");
            getChildren().add(value);
            return;
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("stepper-matrix-grid");
        int rows = Math.min(term.rows(), MAX_SHOWN);
        int columns = Math.min(term.columns(), MAX_SHOWN);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                Label cell = cell(term.get(r, c));
                GridPane.setHalignment(cell, javafx.geometry.HPos.RIGHT);
                grid.add(cell, c, r);
            }
            if (columns < term.columns()) {
                grid.add(ellipsis(), columns, r);
            }
        }
        if (rows < term.rows()) {
            for (int c = 0; c < columns; c++) {
                Label more = ellipsis();
                GridPane.setHalignment(more, javafx.geometry.HPos.CENTER);
                grid.add(more, c, rows);
            }
        }
        HBox bracketed = new HBox(bracket("stepper-bracket-left"), grid, bracket("stepper-bracket-right"));
        bracketed.setAlignment(Pos.CENTER);
        bracketed.setMaxWidth(Region.USE_PREF_SIZE);
        getChildren().add(bracketed);
        String shape = term.rows() + " × " + term.columns()
                + (term.caption().isEmpty() ? "" : ", " + term.caption());
        Label caption = new Label(shape);
        caption.getStyleClass().add("stepper-matrix-caption");
        getChildren().add(caption);
        Tooltip.install(bracketed, tooltip(term.symbol() + ": " + shape + (rows < term.rows()
                || columns < term.columns() ? " (the first " + MAX_SHOWN + " rows and columns shown)" : "")));
    }

    private static Label cell(double value) {
        Label label = new Label(NumberTexts.value(value));
        label.getStyleClass().add("stepper-cell");
        label.setTooltip(tooltip(NumberTexts.allDigits(value)));
        return label;
    }

    private static Label ellipsis() {
        Label label = new Label("…");
        label.getStyleClass().add("stepper-cell");
        return label;
    }

    private static Region bracket(String styleClass) {
        Region bracket = new Region();
        bracket.getStyleClass().addAll("stepper-bracket", styleClass);
        bracket.setMinWidth(5);
        bracket.setPrefWidth(5);
        bracket.setMaxHeight(Double.MAX_VALUE);
        return bracket;
    }

    private static Tooltip tooltip(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(Duration.millis(250));
        return tip;
    }
}
