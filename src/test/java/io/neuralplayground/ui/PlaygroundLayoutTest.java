package io.neuralplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.view.NetworkGraphView;
import io.neuralplayground.ui.view.OutputPlot;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The playground's layout at the smallest window size (1024 × 640: nothing cut off, a plot big enough to read)
 * and on a projector (1600 × 1000: the plot and the network grow into the room).
 */
@ExtendWith(ApplicationExtension.class)
class PlaygroundLayoutTest {
    /** The output plot's square at the smallest window, TF Playground's 300 less the room a small window lacks. */
    static final double SMALLEST_PLOT = 260;

    private Stage shown;
    private PlaygroundViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        // each test opens windows of its own sizes
    }

    @AfterEach
    void close(FxRobot robot) {
        if (vm != null) {
            vm.close();
        }
        robot.interact(() -> {
            if (shown != null) {
                shown.close();
            }
        });
    }

    private void open(FxRobot robot, PlaygroundSettings settings, double width, double height) throws Exception {
        if (vm != null) {
            vm.close();
        }
        robot.interact(() -> {
            // A window of its own for each size: Monocle's headless painter does not follow a window that grows.
            if (shown != null) {
                shown.close();
            }
            shown = new Stage();
            vm = new PlaygroundViewModel(settings, Runnable::run);
            window = new MainWindow(vm, Runnable::run, width, height);
            shown.setScene(window.scene());
            shown.sizeToScene();
            shown.show();
        });
        vm.session().trainEpochs(20);
        vm.session().sync();
        robot.interact(vm::onFrame);
        // Labels and controls know their sizes after CSS: a second pass places them for good.
        robot.interact(() -> window.scene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static PlaygroundSettings noHiddenLayer(PlaygroundDataset dataset) {
        return PlaygroundSettings.defaults().withDataset(dataset).withHidden(List.of(), List.of());
    }

    private OutputPlot plot() {
        return (OutputPlot) window.scene().lookup(".plot-area");
    }

    private NetworkGraphView graph() {
        return (NetworkGraphView) window.scene().lookup(".network-graph");
    }

    private List<String> problems() {
        return LayoutChecks.cutOff((Parent) window.scene().lookup(".playground"), window.scene().getWidth());
    }

    /** The plot's square in the scene. */
    private Bounds plotSquare() {
        OutputPlot plot = plot();
        return plot.localToScene(plot.plotBounds());
    }

    @Test
    void atTheSmallestSizeNothingIsCutOffWithGaussAndNoHiddenLayer(FxRobot robot) throws Exception {
        open(robot, noHiddenLayer(PlaygroundDataset.GAUSS), MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        assertThat(vm.trainAccuracyProperty().get()).isGreaterThan(0.9);
        assertThat(problems()).isEmpty();
        assertThat(plotSquare().getWidth()).isGreaterThanOrEqualTo(SMALLEST_PLOT);
    }

    @Test
    void atTheSmallestSizeNothingIsCutOffWithMultigauss(FxRobot robot) throws Exception {
        open(robot, noHiddenLayer(PlaygroundDataset.MULTIGAUSS), MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        assertThat(problems()).isEmpty();
        assertThat(plotSquare().getWidth()).isGreaterThanOrEqualTo(SMALLEST_PLOT);
    }

    @Test
    void atTheSmallestSizeTheWholePlotShowsWithoutScrolling(FxRobot robot) throws Exception {
        open(robot, PlaygroundSettings.defaults(), MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        Bounds square = plotSquare();
        assertThat(square.getMaxY()).isLessThanOrEqualTo(window.scene().getHeight());
        assertThat(square.getMaxX()).isLessThanOrEqualTo(window.scene().getWidth());
        assertThat(problems()).isEmpty();
        assertThat(scrollBarShown(".output-scroll")).as("the loss chart is a scroll away").isTrue();
    }

    @Test
    void atElevenHundredBySevenHundredTheOutputColumnShowsWholeWithoutScrolling(FxRobot robot) throws Exception {
        open(robot, PlaygroundSettings.defaults(), 1100, 700);
        assertThat(scrollBarShown(".output-scroll")).isFalse();
        assertThat(scrollBarShown(".data-column")).isFalse();
        assertThat(plotSquare().getWidth()).isGreaterThanOrEqualTo(SMALLEST_PLOT);
        assertThat(problems()).isEmpty();
    }

    /** Whether the vertical scroll bar of the column with style class {@code column} shows. */
    private boolean scrollBarShown(String column) {
        return window.scene().lookup(column).lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL)
                .anyMatch(javafx.scene.Node::isVisible);
    }

    @Test
    void onAProjectorThePlotAndTheNetworkGrow(FxRobot robot) throws Exception {
        PlaygroundSettings settings = PlaygroundSettings.defaults().withHidden(List.of(8, 8, 8),
                List.of(io.neuralplayground.engine.Activation.TANH, io.neuralplayground.engine.Activation.TANH,
                        io.neuralplayground.engine.Activation.TANH));
        open(robot, settings, 1100, 700);
        double smallPlot = plotSquare().getWidth();
        double smallNode = graph().graphLayout().nodeSize();
        assertThat(problems()).isEmpty();
        open(robot, settings, 1600, 1000);
        double bigPlot = plotSquare().getWidth();
        double bigNode = graph().graphLayout().nodeSize();
        assertThat(problems()).isEmpty();
        assertThat(bigPlot).isGreaterThan(smallPlot * 1.3);
        assertThat(bigNode).isGreaterThan(smallNode * 1.3);
        // more than they were (394 and 40 px): the room under the network is used
        assertThat(bigPlot).isGreaterThan(420);
        assertThat(bigNode).isGreaterThan(56);
    }
}
