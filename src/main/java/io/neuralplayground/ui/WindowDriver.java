package io.neuralplayground.ui;

import io.neuralplayground.ui.viewmodel.HeatmapFrame;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/** What a {@link WindowScript} can do with the window, from its own thread. */
public final class WindowDriver {
    private final MainWindow window;
    private final PlaygroundViewModel vm;
    private final Scene scene;
    private final FrameLoop frames;

    WindowDriver(MainWindow window, FrameLoop frames) {
        this.window = window;
        this.vm = window.viewModel();
        this.scene = window.scene();
        this.frames = frames;
    }

    public PlaygroundViewModel viewModel() {
        return vm;
    }

    /** The window itself: its views and teaching view models (use them on the FX thread, see {@link #onFxThread}). */
    public MainWindow window() {
        return window;
    }

    /** Runs {@code task} on the FX thread and waits for its result. */
    public <T> T onFxThread(Callable<T> task) throws Exception {
        FutureTask<T> future = new FutureTask<>(task);
        Platform.runLater(future);
        return future.get(60, TimeUnit.SECONDS);
    }

    /** Waits until the window has drawn {@code count} more frames. */
    public void awaitFrames(int count) throws InterruptedException {
        long target = frames.frames() + count;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (frames.frames() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the window drew no frames for 60 s");
            }
            Thread.sleep(5);
        }
    }

    /**
     * Waits until the window shows the session's newest snapshot with its heatmaps, so that a picture taken now
     * shows the state the script asked for.
     */
    public void awaitUpToDate() throws Exception {
        vm.session().sync();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            awaitFrames(2);
            boolean current = onFxThread(() -> {
                HeatmapFrame heatmaps = vm.heatmapsProperty().get();
                var shown = vm.snapshotProperty().get();
                var newest = vm.session().latest();
                return shown == newest && heatmaps != null && heatmaps.build() == newest.build()
                        && heatmaps.epoch() == newest.epoch();
            });
            if (current) {
                awaitFrames(2);
                return;
            }
        }
        throw new IllegalStateException("the window did not catch up with the session within 60 s");
    }

    /**
     * Opens a menu and the submenus on the way, as a click on each would: {@code "File", "Export network"}. Call on
     * the FX thread.
     *
     * @throws IllegalArgumentException naming the first title that is not there
     */
    public void openMenu(String... titles) {
        MenuOpener.open(window.menuBar(), titles);
    }

    /** The whole scene as an image, with the open menus (popup windows of their own) drawn where they are. */
    public WritableImage snapshot() throws Exception {
        return onFxThread(() -> {
            WritableImage image = scene.snapshot(null);
            double originX = scene.getWindow().getX() + scene.getX();
            double originY = scene.getWindow().getY() + scene.getY();
            for (Window window : Window.getWindows()) {
                if (window instanceof PopupWindow popup && popup.isShowing() && popup.getScene() != null) {
                    Scene popupScene = popup.getScene();
                    drawOver(image, popupScene.snapshot(null),
                            (int) Math.round(popup.getX() + popupScene.getX() - originX),
                            (int) Math.round(popup.getY() + popupScene.getY() - originY));
                }
            }
            return image;
        });
    }

    /** Draws {@code top} over {@code image} at (x, y), blending by its alpha (menus have soft shadows). */
    private static void drawOver(WritableImage image, Image top, int x, int y) {
        PixelReader under = image.getPixelReader();
        PixelReader over = top.getPixelReader();
        PixelWriter out = image.getPixelWriter();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        for (int row = 0; row < (int) top.getHeight(); row++) {
            for (int col = 0; col < (int) top.getWidth(); col++) {
                int tx = x + col;
                int ty = y + row;
                if (tx < 0 || ty < 0 || tx >= width || ty >= height) {
                    continue;
                }
                Color a = over.getColor(col, row);
                Color b = under.getColor(tx, ty);
                double alpha = a.getOpacity();
                out.setColor(tx, ty, new Color(a.getRed() * alpha + b.getRed() * (1 - alpha),
                        a.getGreen() * alpha + b.getGreen() * (1 - alpha),
                        a.getBlue() * alpha + b.getBlue() * (1 - alpha), 1.0));
            }
        }
    }

    /** Starts recording frame times. */
    public void startRecordingFrames() throws Exception {
        onFxThread(() -> {
            frames.startRecording();
            return null;
        });
    }

    /** Stops recording and returns the frame intervals in nanoseconds. */
    public long[] stopRecordingFrames() throws Exception {
        return onFxThread(frames::stopRecording);
    }
}
