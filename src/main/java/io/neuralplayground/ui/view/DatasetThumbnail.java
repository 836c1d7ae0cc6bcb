package io.neuralplayground.ui.view;

import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.Rng;
import io.neuralplayground.ui.viewmodel.PlaneGrid;
import javafx.css.PseudoClass;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * A small picture of one of the playground's datasets, drawn once from its generator (a many-class one with four
 * classes, so that the picture says "many"); selectable.
 */
public final class DatasetThumbnail extends StackPane {
    static final double SIZE = 56;
    private static final int POINTS = 300;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final Color BACKGROUND = Color.web("#f4f4f4");

    private final PlaygroundDataset kind;

    public DatasetThumbnail(PlaygroundDataset kind) {
        this.kind = kind;
        getStyleClass().add("dataset-thumb");
        Canvas canvas = new Canvas(SIZE, SIZE);
        draw(canvas.getGraphicsContext2D(), kind);
        getChildren().add(canvas);
        setCursor(Cursor.HAND);
        Tooltip.install(this, new Tooltip(kind.displayName() + " (" + kind.id() + "): " + classesText(kind)));
        setAccessibleText(kind.displayName());
    }

    /** What the tooltip says of the classes: "two classes", "3 to 6 classes", "regression". */
    static String classesText(PlaygroundDataset kind) {
        if (!kind.isClassification()) {
            return "regression";
        }
        return kind.isManyClass() ? kind.minClasses() + " to " + kind.maxClasses() + " classes" : "two classes";
    }

    private static void draw(GraphicsContext gc, PlaygroundDataset kind) {
        gc.setFill(BACKGROUND);
        gc.fillRect(0, 0, SIZE, SIZE);
        Dataset data = Dataset.playground(kind, POINTS, 0, kind.isManyClass() ? 4 : kind.defaultClasses(), new Rng(1));
        gc.save();
        gc.beginPath();
        gc.rect(0, 0, SIZE, SIZE);
        gc.clip();
        PointPainter.draw(gc, data, PlaneGrid.PLAYGROUND, 0, 0, SIZE, 1.4, null, 0);
        gc.restore();
        if (kind.isManyClass()) {
            // A badge in the corner: this one has k classes, not Playground's two.
            String badge = kind.minClasses() + "\u2013" + kind.maxClasses();
            gc.setFont(javafx.scene.text.Font.font(9));
            gc.setFill(Color.rgb(255, 255, 255, 0.85));
            gc.fillRect(SIZE - 22, SIZE - 12, 22, 12);
            gc.setFill(Color.web("#333333"));
            gc.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
            gc.setTextBaseline(javafx.geometry.VPos.CENTER);
            gc.fillText(badge, SIZE - 11, SIZE - 6);
        }
    }

    public PlaygroundDataset kind() {
        return kind;
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    public boolean isSelected() {
        return getPseudoClassStates().contains(SELECTED);
    }
}
