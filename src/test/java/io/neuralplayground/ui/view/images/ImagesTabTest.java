package io.neuralplayground.ui.view.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.images.ImageCollection;
import io.neuralplayground.data.images.ImageSource;
import io.neuralplayground.data.images.ImageSources;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.MainWindow;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import io.neuralplayground.ui.viewmodel.images.ImagesViewModel;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Images tab in the real window, headless, on the bundled subset: keys, pictures, filters, clicks, drawing. */
@ExtendWith(ApplicationExtension.class)
class ImagesTabTest {
    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private MainWindow window;
    private ImagesViewModel images;
    private ImagesView view;

    @Start
    void start(Stage stage) {
        fx.start(stage);
        PlaygroundViewModel vm = fx.playground(PlaygroundSettings.defaults());
        vm.onFrame();
        window = new MainWindow(vm, Runnable::run, 1400, 860);
        images = window.images();
        view = window.imagesView();
        ImageSource subset = ImageSources.standard(ImageCollection.FASHION_MNIST).available().stream()
                .filter(ImageSource::isSubset).findFirst().orElseThrow();
        // Before the tab shows, so that it opens on the subset rather than on the whole set where it is installed.
        images.open(subset);
        fx.show(window.scene());
    }

    @AfterEach
    void close() {
        images.close();
    }

    /** Frames until {@code done} holds (the weight pictures come from a thread of their own). */
    private void frameUntil(FxRobot robot, BooleanSupplier done) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        boolean[] ok = {false};
        while (System.nanoTime() < end) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                images.onFrame();
                ok[0] = done.getAsBoolean();
            });
            if (ok[0]) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("not reached within 20 s");
    }

    private void trainOneEpoch(FxRobot robot) throws Exception {
        robot.type(KeyCode.RIGHT);
        images.session().sync();
        assertThat(images.session().awaitIdle(30)).isTrue();
        frameUntil(robot, () -> images.snapshotProperty().get().epoch() == 1 && images.weightsProperty().get() != null
                && images.weightsProperty().get().epoch() == 1);
    }

    private void openTab(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.selected()).isEqualTo(MainWindow.View.IMAGES);
        frameUntil(robot, () -> images.session() != null);
        assertThat(images.sourceProperty().get().isSubset()).isTrue();
    }

    /** How many distinct colours {@code node} shows: a blank picture has one or two. */
    private static int colours(FxRobot robot, Node node) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = node.snapshot(null, null));
        return distinct(shot[0]);
    }

    private static int distinct(Image image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < (int) image.getHeight(); y += 2) {
            for (int x = 0; x < (int) image.getWidth(); x += 2) {
                seen.add(image.getPixelReader().getArgb(x, y));
            }
        }
        return seen.size();
    }

    @Test
    void ctrl5OpensTheTabAndItsKeysTrainAndReset(FxRobot robot) throws Exception {
        openTab(robot);
        assertThat(images.progressTextProperty().get()).contains("1,800 images");
        trainOneEpoch(robot);
        assertThat(images.progressTextProperty().get()).startsWith("1 of 30 epochs trained");
        assertThat(view.curves().pointCount()).isEqualTo(1);
        robot.type(KeyCode.SPACE);
        frameUntil(robot, () -> images.playingProperty().get());
        robot.type(KeyCode.SPACE);
        images.session().sync();
        assertThat(images.session().awaitIdle(10)).isTrue();
        robot.type(KeyCode.R);
        images.session().sync();
        images.session().sync();
        frameUntil(robot, () -> images.snapshotProperty().get().epoch() == 0);
        assertThat(view.curves().pointCount()).isZero();
    }

    @Test
    void gridMatrixAndWeightsDrawAndAClickShowsTheBars(FxRobot robot) throws Exception {
        openTab(robot);
        trainOneEpoch(robot);
        TestImageGrid grid = view.testImages().grid();
        assertThat(colours(robot, grid)).isGreaterThan(50);
        assertThat(colours(robot, view.weights().imageView())).isGreaterThan(50);
        int[] page = grid.shownImages();
        assertThat(page.length).isGreaterThanOrEqualTo(24);
        double[] centre = grid.centreOf(3);
        Point2D onScreen = grid.canvas().localToScreen(centre[0], centre[1]);
        robot.clickOn(onScreen);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(images.browser().selectedProperty().get()).isEqualTo(page[3]);
        float[] shown = view.testImages().bars().shown();
        assertThat(shown).hasSize(10);
        assertThat(shown).isEqualTo(images.browser().selectedProbabilities());

        robot.clickOn(view.testImages().mistakesToggle());
        WaitForAsyncUtils.waitForFxEvents();
        int[] mistakes = grid.shownImages();
        assertThat(mistakes).isNotEmpty();
        for (int image : mistakes) {
            assertThat(images.browser().isMistake(image)).isTrue();
        }
        robot.interact(() -> view.testImages().classChoice().getSelectionModel().select(8));
        WaitForAsyncUtils.waitForFxEvents();
        for (int image : grid.shownImages()) {
            assertThat(images.dataProperty().get().test().label(image)).isEqualTo(7);
        }

        robot.interact(() -> view.showPanel(ImagesView.Panel.CONFUSION));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(images.classReportProperty().get().test().total()).isEqualTo(500);
        assertThat(view.confusion().showsTest()).isTrue();
        assertThat(colours(robot, view.confusion())).isGreaterThan(20);
        // A click on a cell shows its test images: true Sneaker, predicted Sneaker.
        robot.clickOn(view.confusion().cell(7, 7));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.shownPanel()).isEqualTo(ImagesView.Panel.TEST_IMAGES);
        assertThat(grid.shownImages()).isNotEmpty();
        for (int image : grid.shownImages()) {
            assertThat(images.dataProperty().get().test().label(image)).isEqualTo(7);
            assertThat(images.browser().predicted(image)).isEqualTo(7);
        }
    }

    @Test
    void drawingWithTheMouseChangesTheProbabilities(FxRobot robot) throws Exception {
        openTab(robot);
        robot.interact(() -> view.showPanel(ImagesView.Panel.DRAW));
        WaitForAsyncUtils.waitForFxEvents();
        DrawingCanvas canvas = view.drawing().canvas();
        assertThat(images.drawingProbabilitiesProperty().get()).isNull();
        double[] a = canvas.toCanvas(14, 4);
        double[] b = canvas.toCanvas(14, 24);
        robot.drag(canvas.canvas().localToScreen(a[0], a[1])).dropTo(canvas.canvas().localToScreen(b[0], b[1]));
        WaitForAsyncUtils.waitForFxEvents();
        float[] first = images.drawingProbabilitiesProperty().get();
        assertThat(first).hasSize(10);
        assertThat(images.drawing().ink(14, 14)).isGreaterThan(0.5f);
        assertThat(view.drawing().bars().shown()).isEqualTo(first);
        double[] c = canvas.toCanvas(4, 14);
        double[] d = canvas.toCanvas(24, 14);
        robot.drag(canvas.canvas().localToScreen(c[0], c[1])).dropTo(canvas.canvas().localToScreen(d[0], d[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(images.drawingProbabilitiesProperty().get()).isNotEqualTo(first);
        assertThat(colours(robot, canvas)).isGreaterThan(3);
        robot.clickOn("Clear");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(images.drawing().isEmpty()).isTrue();
        assertThat(images.drawingProbabilitiesProperty().get()).isNull();
    }
}
