package io.neuralplayground.ui.view.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.viewmodel.teaching.AutodiffViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Renders the autodiff view as the window's tab gets it and saves PNGs to look at: {@code target/autodiff.png}
 * (the default example in the middle of the backward pass, at the tab's usual 1400×780) and, under target/,
 * the smallest size, a parse error and a bigger function. Checks that the boxes and edge labels do not overlap
 * and stay inside the canvas.
 */
class AutodiffViewScreenshotTest {
    @RegisterExtension
    final FxFixture window = new FxFixture();
    private AutodiffViewModel vm;
    private AutodiffView view;
    private Scene scene;

    private FxRobot open(double width, double height) throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage stage) -> {
            window.start(stage);
            vm = new AutodiffViewModel();
            view = new AutodiffView(vm);
            scene = window.show(view, width, height);
        });
        return new FxRobot();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private Path save(FxRobot robot, Path path) throws IOException {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            view.layout();
            image[0] = scene.snapshot(null);
        });
        Files.createDirectories(path.toAbsolutePath().getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", path.toFile());
        assertThat(Files.size(path)).isGreaterThan(10_000);
        return path;
    }

    private void assertNothingOverlaps() {
        AutodiffLayout layout = view.graphLayout();
        List<AutodiffLayout.Box> boxes = layout.boxes();
        double w = view.graphPane().getWidth();
        double h = view.graphPane().getHeight();
        for (AutodiffLayout.Box a : boxes) {
            assertThat(layout.offsetX() + a.x() * layout.scale()).isGreaterThanOrEqualTo(0);
            assertThat(layout.offsetX() + a.right() * layout.scale()).isLessThanOrEqualTo(w);
            assertThat(layout.offsetY() + (a.y() - AutodiffLayout.CAPTION) * layout.scale()).isGreaterThanOrEqualTo(0);
            assertThat(layout.offsetY() + (a.y() + a.height()) * layout.scale()).isLessThanOrEqualTo(h);
            for (AutodiffLayout.Box b : boxes) {
                if (a != b) {
                    assertThat(a.x() < b.right() && b.x() < a.right() && a.y() < b.y() + b.height()
                            && b.y() < a.y() + a.height()).as("boxes %s and %s overlap", a, b).isFalse();
                }
            }
        }
        List<double[]> labels = view.painter().labelRects();
        for (double[] r : labels) {
            for (AutodiffLayout.Box b : boxes) {
                assertThat(r[0] < b.right() && b.x() < r[0] + r[2] && r[1] < b.y() + b.height()
                        && b.y() < r[1] + r[3]).as("a label overlaps box %s", b).isFalse();
            }
            for (double[] s : labels) {
                if (r != s) {
                    assertThat(r[0] < s[0] + s[2] && s[0] < r[0] + r[2] && r[1] < s[1] + s[3] && s[1] < r[1] + r[3])
                            .as("edge labels overlap").isFalse();
                }
            }
        }
    }

    @Test
    void theDefaultExampleInTheBackwardPass() throws Exception {
        FxRobot robot = open(1400, 780);
        robot.interact(() -> vm.moveTo(11));
        save(robot, Path.of("target", "autodiff.png"));
        assertThat(view.stepTextLabel().getText()).startsWith("c");
        assertNothingOverlaps();
        assertThat(view.graphLayout().scale()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theSmallestTabAtTheEnd() throws Exception {
        FxRobot robot = open(1100, 640);
        robot.interact(vm::toEnd);
        save(robot, Path.of("target", "autodiff-small.png"));
        assertNothingOverlaps();
        assertThat(view.graphLayout().scale()).isGreaterThan(0.75);
    }

    @Test
    void aParseErrorUnderTheField() throws Exception {
        FxRobot robot = open(1400, 780);
        robot.interact(() -> {
            vm.moveTo(4);
            view.expressionField().setText("sqrt(x^2 + exp(x^2)) + cos(x^2 + exp(x^2)))");
            view.expressionField().fireEvent(new javafx.event.ActionEvent());
        });
        save(robot, Path.of("target", "autodiff-error.png"));
        assertThat(view.errorLabel().isVisible()).isTrue();
        assertNothingOverlaps();
    }

    @Test
    void aBiggerFunctionForward() throws Exception {
        FxRobot robot = open(1400, 780);
        robot.interact(() -> {
            vm.setExpression("sigmoid(3*x - 1) * tanh(x/2) + log(1 + exp(x*x)) / (x^2 + 1) - relu(sin(x) - 0.5)");
            vm.setX(0.8);
            vm.moveTo(9);
        });
        save(robot, Path.of("target", "autodiff-bigger.png"));
        assertNothingOverlaps();
        robot.interact(vm::toEnd);
        save(robot, Path.of("target", "autodiff-bigger-end.png"));
        assertNothingOverlaps();
    }

    @Test
    void undefinedNumbersAreSaidBelowTheResults() throws Exception {
        FxRobot robot = open(1400, 780);
        robot.interact(() -> {
            vm.setExpression("log(x - 2) * sqrt(x)");
            vm.setX(1);
            vm.toEnd();
        });
        save(robot, Path.of("target", "autodiff-undefined.png"));
        assertThat(robot.lookup(".autodiff-problems").queryLabeled().getText())
                .isEqualTo("b = log(a) is NaN at a = −1.0000: log needs a positive argument");
        assertNothingOverlaps();
    }
}
