package io.neuralplayground.ui.view;

import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/**
 * A {@link NetworkGraphView} alone in {@code window}'s stage, its view model computing heatmaps on the FX thread
 * (and closed after the test by {@code window}). Made on the FX thread.
 */
final class GraphViewFixture {
    final PlaygroundViewModel vm;
    final NetworkGraphView view;
    final Scene scene;

    GraphViewFixture(FxFixture window, PlaygroundSettings settings, double width, double height) {
        vm = window.playground(settings);
        view = new NetworkGraphView(vm);
        scene = window.show(view, width, height, NetworkGraphView.STYLESHEET);
    }

    /** Waits for the session to apply every command, then runs a frame: the view gets the newest snapshot. */
    void frame(FxRobot robot) throws InterruptedException {
        vm.session().sync();
        robot.interact(vm::onFrame);
    }

    /** A point of the view in screen coordinates, for the robot. */
    Point2D screen(double x, double y) {
        return view.localToScreen(x, y);
    }

    WritableImage render(FxRobot robot) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        return image[0];
    }

    /** Renders the window and saves it as a PNG under target/. */
    Path save(FxRobot robot, String name) throws IOException {
        Path file = Path.of("target", name);
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(render(robot), null), "png", file.toFile());
        return file;
    }
}
