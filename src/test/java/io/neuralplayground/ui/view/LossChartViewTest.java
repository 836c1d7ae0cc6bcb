package io.neuralplayground.ui.view;

import static io.neuralplayground.ui.view.ViewTesting.frame;
import static io.neuralplayground.ui.view.ViewTesting.train;
import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.session.EpochLog;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.Arrays;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LossChartViewTest {
    private Stage stage;
    private PlaygroundViewModel vm;
    private LossChartView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    private void show(FxRobot robot, int maxPoints) throws InterruptedException {
        robot.interact(() -> {
            vm = new PlaygroundViewModel(PlaygroundSettings.defaults(), Runnable::run);
            view = new LossChartView(vm, maxPoints);
            Scene scene = new Scene(view, 400, 220);
            Styles.apply(scene);
            stage.setScene(scene);
            stage.show();
        });
        frame(robot, vm);
    }

    private static double maxY(XYSeries series) {
        return series.getMaxY();
    }

    /** A slice of {@code n} epochs from {@code start} whose losses {@code loss} gives. */
    private static EpochLog.Slice slice(int start, int n, java.util.function.IntToDoubleFunction loss) {
        int[] epochs = new int[n];
        double[] train = new double[n];
        double[] test = new double[n];
        for (int i = 0; i < n; i++) {
            epochs[i] = start + i;
            train[i] = loss.applyAsDouble(start + i);
            test[i] = loss.applyAsDouble(start + i) * 1.1;
        }
        return new EpochLog.Slice(start, epochs, train, test);
    }

    @Test
    void everyEpochArrivesAndIsShownBelowTheLimit(FxRobot robot) throws Exception {
        show(robot, LossChartView.DEFAULT_MAX_POINTS);
        assertThat(view.historySize()).isEqualTo(1);
        train(robot, vm, 20);
        train(robot, vm, 30);
        assertThat(view.historySize()).isEqualTo(51);
        XYSeries training = view.trainingSeries();
        assertThat(training.getItemCount()).isEqualTo(51);
        assertThat(view.testSeries().getItemCount()).isEqualTo(51);
        for (int i = 0; i <= 50; i++) {
            assertThat(training.getX(i).intValue()).isEqualTo(i);
        }
        assertThat(training.getY(50).doubleValue()).isEqualTo(vm.trainLossProperty().get());
        assertThat(view.testSeries().getY(50).doubleValue()).isEqualTo(vm.testLossProperty().get());
        // a new build starts the history over
        robot.interact(vm::newWeights);
        frame(robot, vm);
        assertThat(view.historySize()).isEqualTo(1);
        assertThat(training.getItemCount()).isEqualTo(1);
    }

    @Test
    void aLongRunIsDecimatedButKeepsItsEndsAndItsSpikes(FxRobot robot) throws Exception {
        show(robot, 100);
        train(robot, vm, 499);
        assertThat(view.historySize()).isEqualTo(500);
        XYSeries training = view.trainingSeries();
        assertThat(training.getItemCount()).isBetween(50, 101);
        assertThat(training.getX(0).intValue()).isZero();
        assertThat(training.getX(training.getItemCount() - 1).intValue()).isEqualTo(499);
        assertThat(training.getY(training.getItemCount() - 1).doubleValue()).isEqualTo(vm.trainLossProperty().get());
    }

    @Test
    void aMillionEpochsStayWithinTheLimit(FxRobot robot) throws Exception {
        show(robot, 1000);
        long[] nanos = new long[1];
        robot.interact(() -> {
            long start = System.nanoTime();
            view.reset(99);
            for (int from = 0; from < 1_000_000; from += 10_000) {
                // losses falling from 1 with one spike of 5 at epoch 654 321
                view.append(slice(from, 10_000, e -> e == 654_321 ? 5 : 1.0 / (1 + e)));
            }
            nanos[0] = System.nanoTime() - start;
        });
        assertThat(view.historySize()).isEqualTo(1_000_000);
        XYSeries training = view.trainingSeries();
        assertThat(training.getItemCount()).isBetween(500, 1001);
        assertThat(maxY(training)).isEqualTo(5);
        assertThat(training.getX(training.getItemCount() - 1).intValue()).isEqualTo(999_999);
        assertThat(training.getMinY()).isEqualTo(1.0 / 1_000_000);
        assertThat(nanos[0] / 1e9).as("seconds for a million epochs").isLessThan(5);
        // and one more epoch costs little: only the bucket still filling changes
        robot.interact(() -> view.append(slice(1_000_000, 1, e -> 0.5)));
        assertThat(training.getY(training.getItemCount() - 1).doubleValue()).isEqualTo(0.5);
    }

    @Test
    void testLossNaNIsSkipped(FxRobot robot) throws Exception {
        show(robot, 100);
        robot.interact(() -> {
            view.reset(7);
            double[] nan = new double[5];
            Arrays.fill(nan, Double.NaN);
            view.append(new EpochLog.Slice(0, new int[] {0, 1, 2, 3, 4}, new double[] {1, 0.8, 0.6, 0.5, 0.4}, nan));
        });
        assertThat(view.trainingSeries().getItemCount()).isEqualTo(5);
        assertThat(view.testSeries().getItemCount()).isZero();
    }

    @Test
    void theLogScaleToggleSwapsTheAxisAndClampsZero(FxRobot robot) throws Exception {
        show(robot, 100);
        robot.interact(() -> {
            view.reset(3);
            view.append(new EpochLog.Slice(0, new int[] {0, 1, 2}, new double[] {0.5, 0.01, 0}, new double[] {0.6, 0.02,
                0.001}));
        });
        XYPlot plot = view.chart().getXYPlot();
        assertThat(plot.getRangeAxis()).isInstanceOf(NumberAxis.class);
        assertThat(view.trainingSeries().getMinY()).isZero();
        robot.clickOn(view.logScaleToggle());
        assertThat(view.logScaleToggle().isSelected()).isTrue();
        assertThat(plot.getRangeAxis()).isInstanceOf(LogAxis.class);
        assertThat(view.trainingSeries().getMinY()).isEqualTo(LossChartView.LOG_FLOOR);
        assertThat(view.trainingSeries().getItemCount()).isEqualTo(3);
        robot.clickOn(view.logScaleToggle());
        assertThat(plot.getRangeAxis()).isInstanceOf(NumberAxis.class).isNotInstanceOf(LogAxis.class);
        assertThat(view.trainingSeries().getMinY()).isZero();
    }

    @Test
    void theCurvesAreDrawn(FxRobot robot) throws Exception {
        show(robot, LossChartView.DEFAULT_MAX_POINTS);
        Image empty = ViewTesting.snapshot(robot, view.getScene());
        train(robot, vm, 100);
        Image drawn = ViewTesting.snapshot(robot, view.getScene());
        assertThat(darkPixels(drawn)).isGreaterThan(darkPixels(empty) + 100);
    }

    private static long darkPixels(Image image) {
        long dark = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int c = ViewTesting.argb(image, x, y);
                if (ViewTesting.red(c) < 140 && ViewTesting.blue(c) < 140) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
