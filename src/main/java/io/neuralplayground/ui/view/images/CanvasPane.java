package io.neuralplayground.ui.view.images;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A canvas that takes the size its parent gives and redraws when that size changes or when asked; never on a frame
 * where nothing changed.
 */
abstract class CanvasPane extends Region {
    protected final Canvas canvas = new Canvas();

    CanvasPane() {
        getChildren().add(canvas);
        setMinSize(60, 60);
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth() - snappedLeftInset() - snappedRightInset());
        double h = Math.floor(getHeight() - snappedTopInset() - snappedBottomInset());
        canvas.relocate(snappedLeftInset(), snappedTopInset());
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(Math.max(0, w));
            canvas.setHeight(Math.max(0, h));
            resized();
            redraw();
        }
    }

    /** The canvas has a new size (before the redraw it causes). */
    protected void resized() {
    }

    /** Draws everything again. */
    final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() > 0 && canvas.getHeight() > 0) {
            draw(g, canvas.getWidth(), canvas.getHeight());
        }
    }

    protected abstract void draw(GraphicsContext g, double width, double height);

    Canvas canvas() {
        return canvas;
    }
}
