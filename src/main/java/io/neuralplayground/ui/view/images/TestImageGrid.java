package io.neuralplayground.ui.view.images;

import io.neuralplayground.data.images.ImageSet;
import io.neuralplayground.ui.viewmodel.images.TestImageBrowser;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A page of test images, as many as fit: each picture (dark on light) with the network's prediction under it and
 * the true class under that; a mistake has a red frame and its prediction in red, the selected image a blue frame.
 * A click selects an image. Redraws when the page, the predictions or the size change, not on every frame.
 */
final class TestImageGrid extends CanvasPane {
    static final Color MISTAKE = Color.web("#d62728");
    private static final Color SELECTED = Color.web("#0877bd");
    private static final Color TEXT = Color.web("#333333");
    private static final Color MUTED = Color.web("#888888");
    private static final Font FONT = Font.font("DejaVu Sans", 10);
    private static final Font BOLD = Font.font("DejaVu Sans", FontWeight.BOLD, 10);
    private static final double TEXT_HEIGHT = 28;
    private static final double MIN_CELL_WIDTH = 64;

    private final TestImageBrowser browser;
    private WritableImage sheet;
    private int[] sheetPixels = new int[0];
    private int[] shown = new int[0];
    private double imageSize = 42;
    private double cellWidth = MIN_CELL_WIDTH;
    private double cellHeight = 42 + TEXT_HEIGHT;
    private int columns = 1;

    TestImageGrid(TestImageBrowser browser) {
        this.browser = browser;
        getStyleClass().add("test-image-grid");
        setPrefSize(560, 440);
        browser.versionProperty().addListener(o -> redraw());
        canvas.setOnMouseClicked(e -> {
            int index = indexAt(e.getX(), e.getY());
            if (index >= 0) {
                browser.select(shown[index] == browser.selectedProperty().get() ? -1 : shown[index]);
            }
        });
    }

    @Override
    protected void resized() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        // The largest pictures (2×, 1.5× or 1× the pixels) that still leave a page of at least 4 × 3.
        imageSize = 28;
        for (double size : new double[] {56, 42}) {
            double cw = Math.max(MIN_CELL_WIDTH, size + 10);
            if (Math.floor(w / cw) >= 4 && Math.floor(h / (size + TEXT_HEIGHT + 6)) >= 3) {
                imageSize = size;
                break;
            }
        }
        cellWidth = Math.max(MIN_CELL_WIDTH, imageSize + 10);
        cellHeight = imageSize + TEXT_HEIGHT + 6;
        columns = Math.max(1, (int) Math.floor(w / cellWidth));
        int rows = Math.max(1, (int) Math.floor(h / cellHeight));
        // The page size moving redraws through the browser's version; the redraw after this one is then cheap.
        browser.pageSizeProperty().set(columns * rows);
    }

    /** Which entry of the page is at (x, y), or −1. */
    int indexAt(double x, double y) {
        int col = (int) Math.floor(x / cellWidth);
        int row = (int) Math.floor(y / cellHeight);
        if (col < 0 || col >= columns || row < 0) {
            return -1;
        }
        int index = row * columns + col;
        return index < shown.length ? index : -1;
    }

    /** The centre of page entry {@code index}'s picture (for tests). */
    double[] centreOf(int index) {
        return new double[] {index % columns * cellWidth + cellWidth / 2,
            index / columns * cellHeight + 3 + imageSize / 2};
    }

    int[] shownImages() {
        return shown;
    }

    @Override
    protected void draw(GraphicsContext g, double width, double height) {
        ImageSet images = browser.images();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, width, height);
        if (images == null) {
            return;
        }
        shown = browser.page();
        if (shown.length == 0) {
            g.setFill(MUTED);
            g.setFont(FONT);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(browser.results() == null ? "No predictions yet." : "No test image passes the filters.", 4,
                    4);
            return;
        }
        int rows = images.rows();
        int cols = images.cols();
        // All pictures of the page in one image, drawn tile by tile: one upload to the graphics pipeline a page.
        int sheetWidth = cols * shown.length;
        if (sheet == null || sheet.getWidth() < sheetWidth || sheet.getHeight() != rows) {
            sheet = new WritableImage(Math.max(sheetWidth, cols * 64), rows);
            sheetPixels = new int[(int) sheet.getWidth() * rows];
        }
        int stride = (int) sheet.getWidth();
        for (int n = 0; n < shown.length; n++) {
            GreyPixels.copy(images, shown[n], sheetPixels, stride, n * cols, 0);
        }
        sheet.getPixelWriter().setPixels(0, 0, sheetWidth, rows, PixelFormat.getIntArgbInstance(), sheetPixels, 0,
                stride);
        List<String> names = images.classNames();
        g.setImageSmoothing(false);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        int selected = browser.selectedProperty().get();
        for (int n = 0; n < shown.length; n++) {
            int image = shown[n];
            double x = n % columns * cellWidth + (cellWidth - imageSize) / 2;
            double y = n / columns * cellHeight + 3;
            g.drawImage(sheet, n * cols, 0, cols, rows, x, y, imageSize, imageSize);
            boolean wrong = browser.isMistake(image);
            if (image == selected || wrong) {
                g.setStroke(image == selected ? SELECTED : MISTAKE);
                g.setLineWidth(image == selected ? 3 : 2);
                g.strokeRect(x - 1.5, y - 1.5, imageSize + 3, imageSize + 3);
            }
            double cx = n % columns * cellWidth + cellWidth / 2;
            int predicted = browser.predicted(image);
            g.setFont(BOLD);
            g.setFill(wrong ? MISTAKE : TEXT);
            g.fillText(predicted < 0 ? "–" : names.get(predicted), cx, y + imageSize + 3, cellWidth - 2);
            g.setFont(FONT);
            g.setFill(MUTED);
            g.fillText(names.get(images.label(image)), cx, y + imageSize + 15, cellWidth - 2);
        }
    }
}
