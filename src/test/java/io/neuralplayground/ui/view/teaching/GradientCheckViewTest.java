package io.neuralplayground.ui.view.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.engine.GradientCheck;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import io.neuralplayground.ui.viewmodel.teaching.GradientCheckViewModel;
import io.neuralplayground.ui.viewmodel.teaching.GradientCheckViewModel.ExampleChoice;
import io.neuralplayground.ui.viewmodel.teaching.GradientCheckViewModel.Row;
import io.neuralplayground.ui.viewmodel.teaching.TeachingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The gradient check tab under headless JavaFX, on the playground's default network. */
@ExtendWith(ApplicationExtension.class)
class GradientCheckViewTest {
    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private PlaygroundViewModel playground;
    private TeachingContext context;
    private GradientCheckViewModel vm;
    private GradientCheckView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        fx.start(stage);
    }

    /** The default playground trained {@code epochs}, its copy in the context, the tab in a window of w × h. */
    private void show(FxRobot robot, int epochs, double width, double height) throws InterruptedException {
        robot.interact(() -> playground = fx.playground(PlaygroundSettings.defaults()));
        if (epochs > 0) {
            playground.session().trainEpochs(epochs);
        }
        playground.session().sync();
        robot.interact(() -> {
            playground.onFrame();
            context = new TeachingContext(playground);
            vm = new GradientCheckViewModel(context, Runnable::run, Runnable::run);
            view = new GradientCheckView(vm);
            scene = fx.show(view, width, height);
        });
    }

    @Test
    void runShowsTheLargestErrorAndOneRowPerParameter(FxRobot robot) throws Exception {
        show(robot, 50, 1400, 780);
        assertThat(view.tableView().getItems()).isEmpty();
        assertThat(view.largestLabel().getText()).isEqualTo("–");
        robot.clickOn(view.runButton());
        robot.interact(() -> { });

        int parameters = context.network().network().parameterCount();
        assertThat(parameters).isEqualTo(2 * 4 + 4 + 4 * 2 + 2 + 2 + 1);
        assertThat(view.tableView().getItems()).hasSize(parameters);
        assertThat(view.largestLabel().getText())
                .isEqualTo(GradientCheckView.errorText(vm.largestErrorProperty().get()))
                .matches("\\d\\.\\d\\de-\\d\\d");
        assertThat(view.largestLabel().getStyleClass()).contains(GradientCheckView.GOOD);
        assertThat(robot.lookup(".table-row-cell").queryAll().stream()
                .filter(n -> ((TableRow<?>) n).getItem() != null).count())
                .as("rows drawn in a 780 high tab").isEqualTo(parameters);
        assertThat(texts(robot)).contains("1 example", "the playground", "Run");
    }

    @Test
    void sortingByTheRelativeErrorPutsTheWorstFirst(FxRobot robot) throws Exception {
        show(robot, 50, 1400, 780);
        robot.interact(vm::run);
        assertThat(view.tableView().getItems().get(0).index()).isZero();

        // a click on the header sorts ascending, a second descending
        Node header = robot.lookup(".column-header").match(n -> n.getId() != null
                && n.getId().equals(view.errorColumn().getId())).query();
        robot.clickOn(header);
        robot.clickOn(header);
        robot.interact(() -> { });
        assertThat(view.tableView().getSortOrder()).containsExactly(view.errorColumn());
        assertThat(view.errorColumn().getSortType()).isEqualTo(TableColumn.SortType.DESCENDING);
        List<Double> shown = view.tableView().getItems().stream().map(Row::relativeError).toList();
        assertThat(shown).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(view.tableView().getItems().get(0)).isSameAs(vm.worstProperty().get());
    }

    @Test
    void colourClassesFollowTheThresholds(FxRobot robot) throws Exception {
        show(robot, 0, 1400, 780);
        GradientCheck.Result made = new GradientCheck.Result(List.of(
                new GradientCheck.Entry(0, false, 0, 0, 0.25, 0.25, 3e-12),
                new GradientCheck.Entry(0, false, 1, 0, 0.25, 0.2500025, 1e-5),
                new GradientCheck.Entry(0, true, 0, 0, 0.1, 0.3, 0.6667)), 0.6667);
        robot.interact(() -> vm.show(made));
        // The table lays out its rows on a later pulse; on a loaded machine that can take more than one.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".gradcheck-error-cell").queryAll()
                .stream().filter(n -> ((javafx.scene.control.TableCell<?, ?>) n).getItem() != null).count() == 3);
        List<Set<String>> classes = robot.lookup(".gradcheck-error-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.TableCell<?, ?>) n).getItem() != null)
                .sorted((a, b) -> Double.compare(a.localToScene(0, 0).getY(), b.localToScene(0, 0).getY()))
                .map(n -> n.getStyleClass().stream().filter(c -> c.startsWith("gradcheck-") && !c.endsWith("cell"))
                        .collect(Collectors.toSet()))
                .toList();
        assertThat(classes).containsExactly(Set.of(GradientCheckView.GOOD), Set.of(GradientCheckView.FAIR),
                Set.of(GradientCheckView.BAD));
        assertThat(view.largestLabel().getText()).isEqualTo("6.67e-01");
        assertThat(view.largestLabel().getStyleClass()).contains(GradientCheckView.BAD)
                .doesNotContain(GradientCheckView.GOOD, GradientCheckView.FAIR);
        assertThat(texts(robot)).contains("at b(1)[0]  ·  layer 0 bias[0]", "3.00e-12", "1.00e-05");

        // the red cell is drawn red, the green one green
        WritableImage image = snapshot(robot);
        save(image, Path.of("target", "gradcheck-colours.png"));
        Node[] cells = robot.lookup(".gradcheck-error-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.TableCell<?, ?>) n).getItem() != null)
                .sorted((a, b) -> Double.compare(a.localToScene(0, 0).getY(), b.localToScene(0, 0).getY()))
                .toArray(Node[]::new);
        int good = pixelLeftIn(image, cells[0]);
        int bad = pixelLeftIn(image, cells[2]);
        assertThat(green(good)).isGreaterThan(red(good));
        assertThat(red(bad)).isGreaterThan(green(bad));
    }

    @Test
    void formats() {
        assertThat(GradientCheckView.errorText(3.2e-11)).isEqualTo("3.20e-11");
        assertThat(GradientCheckView.errorText(0)).isEqualTo("0");
        assertThat(GradientCheckView.gradientText(-0.00123456789)).isEqualTo("\u22121.234568e-03");
        assertThat(GradientCheckView.fullText(-0.1)).isEqualTo("\u22120.1");
        assertThat(GradientCheckView.sci(1e-4)).isEqualTo("1e-4");
        assertThat(GradientCheckView.sci(1e-10)).isEqualTo("1e-10");
    }

    @Test
    void pictureOfTheTrainedDefaultNetworkOnAMinibatchOfTen(FxRobot robot) throws Exception {
        show(robot, 300, 1400, 780);
        robot.interact(() -> {
            vm.exampleChoiceProperty().set(ExampleChoice.PLAYGROUND_MINIBATCH);
            vm.minibatchSizeProperty().set(10);
            vm.run();
        });
        robot.interact(() -> { });
        assertThat(vm.examplesTextProperty().get()).isEqualTo("minibatch of 10");
        assertThat(texts(robot)).contains("minibatch of 10");
        Path png = save(snapshot(robot), Path.of("target", "gradcheck.png"));
        assertThat(Files.size(png)).isGreaterThan(10_000);

        robot.interact(() -> {
            scene.setRoot(new javafx.scene.layout.Pane());
            scene = fx.show(view, 1100, 640);
        });
        robot.interact(() -> { });
        Path small = save(snapshot(robot), Path.of("target", "gradcheck-small.png"));
        assertThat(Files.size(small)).isGreaterThan(10_000);
        assertThat(view.runButton().localToScene(view.runButton().getBoundsInLocal()).getMaxX())
                .as("Run inside a 1100 wide window").isLessThan(1100);
    }

    private static Set<String> texts(FxRobot robot) {
        return robot.lookup(n -> n instanceof javafx.scene.control.Labeled).queryAll().stream()
                .map(n -> ((javafx.scene.control.Labeled) n).getText())
                .filter(t -> t != null)
                .collect(Collectors.toSet());
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        return image[0];
    }

    private static int pixelLeftIn(WritableImage image, Node cell) {
        var b = cell.localToScene(cell.getBoundsInLocal());
        return image.getPixelReader().getArgb((int) b.getMinX() + 3, (int) b.getCenterY());
    }

    private static int red(int argb) {
        return argb >> 16 & 0xFF;
    }

    private static int green(int argb) {
        return argb >> 8 & 0xFF;
    }

    private static Path save(WritableImage image, Path path) throws IOException {
        Files.createDirectories(path.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", path.toFile());
        return path;
    }
}
