package io.neuralplayground.ui.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import org.testfx.api.FxRobot;

/** What the view tests share: letting the session catch up, snapshots, pixels. */
final class ViewTesting {
    private ViewTesting() {
    }

    /** Waits until the session applied every command, then runs one frame on the FX thread. */
    static void frame(FxRobot robot, PlaygroundViewModel vm) throws InterruptedException {
        vm.session().sync();
        robot.interact(vm::onFrame);
    }

    /** Trains {@code epochs} epochs, then one frame. */
    static void train(FxRobot robot, PlaygroundViewModel vm, int epochs) throws InterruptedException {
        vm.session().trainEpochs(epochs);
        frame(robot, vm);
    }

    /** Whether {@code node} and every parent of it are visible (what the user sees). */
    static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    static WritableImage snapshot(FxRobot robot, Scene scene) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        return image[0];
    }

    static WritableImage snapshot(FxRobot robot, Node node) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = node.snapshot(null, null));
        return image[0];
    }

    /** The ARGB colour at (x, y) of {@code image}, rounded to the nearest pixel. */
    static int argb(Image image, double x, double y) {
        return image.getPixelReader().getArgb((int) Math.floor(x), (int) Math.floor(y));
    }

    static int red(int argb) {
        return argb >> 16 & 0xFF;
    }

    static int green(int argb) {
        return argb >> 8 & 0xFF;
    }

    static int blue(int argb) {
        return argb & 0xFF;
    }

    /** Whether two pictures have the same size and every pixel the same. */
    static boolean samePixels(Image a, Image b) {
        int w = (int) a.getWidth();
        int h = (int) a.getHeight();
        if (w != (int) b.getWidth() || h != (int) b.getHeight()) {
            return false;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Largest per-channel difference. */
    static int distance(int a, int b) {
        return Math.max(Math.abs(red(a) - red(b)), Math.max(Math.abs(green(a) - green(b)), Math.abs(blue(a) - blue(b))));
    }

    static String hex(int argb) {
        return String.format("#%06x", argb & 0xFFFFFF);
    }

    /** Writes {@code image} as a PNG under target/ (the pictures to look at). */
    static Path save(Image image, String name) throws IOException {
        Path path = Path.of("target", name);
        Files.createDirectories(path.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", path.toFile());
        return path;
    }
}
