package io.neuralplayground.ui.view.images;

import io.neuralplayground.ui.viewmodel.images.Drawing;
import io.neuralplayground.ui.viewmodel.images.ImagesViewModel;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;

/**
 * The drawing as a square of 28 × 28 cells that the mouse paints with a soft brush (dark ink on white, as the test
 * images are shown). Each drag lays a stroke from the last point; the network's answer follows at once.
 */
final class DrawingCanvas extends CanvasPane {
    private static final Color GRID = Color.web("#eeeeee");
    private static final Color FRAME = Color.web("#bbbbbb");
    private final ImagesViewModel vm;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;

    DrawingCanvas(ImagesViewModel vm) {
        this.vm = vm;
        getStyleClass().add("drawing-canvas");
        setPrefSize(280, 280);
        setMinSize(112, 112);
        canvas.setOnMousePressed(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                double[] p = toPixels(e.getX(), e.getY());
                lastX = p[0];
                lastY = p[1];
                paint(p[0], p[1]);
            }
        });
        canvas.setOnMouseDragged(e -> {
            if (Double.isNaN(lastX)) {
                return;
            }
            double[] p = toPixels(e.getX(), e.getY());
            vm.stroke(lastX, lastY, p[0], p[1]);
            lastX = p[0];
            lastY = p[1];
            redraw();
        });
        canvas.setOnMouseReleased(e -> lastX = Double.NaN);
    }

    private void paint(double x, double y) {
        vm.stroke(x, y, x, y);
        redraw();
    }

    /** The side of the square and its corner. */
    private double side() {
        return Math.floor(Math.min(canvas.getWidth(), canvas.getHeight()));
    }

    /** (x, y) on the canvas in the drawing's pixel units. */
    double[] toPixels(double x, double y) {
        Drawing d = vm.drawing();
        double side = side();
        return new double[] {x / side * d.cols(), y / side * d.rows()};
    }

    /** Where the drawing's pixel (col, row) is on the canvas, its centre (for tests). */
    double[] toCanvas(double col, double row) {
        Drawing d = vm.drawing();
        double side = side();
        return new double[] {col / d.cols() * side, row / d.rows() * side};
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        Drawing d = vm.drawing();
        double side = side();
        double cw = side / d.cols();
        double ch = side / d.rows();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, side, side);
        for (int r = 0; r < d.rows(); r++) {
            for (int c = 0; c < d.cols(); c++) {
                float ink = d.ink(r, c);
                if (ink > 0) {
                    g.setFill(Color.gray(1 - ink));
                    g.fillRect(c * cw, r * ch, Math.ceil(cw), Math.ceil(ch));
                }
            }
        }
        g.setStroke(GRID);
        g.setLineWidth(1);
        for (int k = 1; k < d.cols(); k++) {
            double x = Math.round(k * cw) + 0.5;
            g.strokeLine(x, 0, x, side);
        }
        for (int k = 1; k < d.rows(); k++) {
            double y = Math.round(k * ch) + 0.5;
            g.strokeLine(0, y, side, y);
        }
        g.setStroke(FRAME);
        g.strokeRect(0.5, 0.5, side - 1, side - 1);
    }
}
