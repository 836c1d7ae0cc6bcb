package io.neuralplayground.ui.view;

import static io.neuralplayground.ui.view.ViewTesting.frame;
import static io.neuralplayground.ui.view.ViewTesting.train;
import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.session.EpochLog;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.testing.Performance;
import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.AttributedString;
import java.text.CharacterIterator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.fx.FXGraphics2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LossChartViewTest {
    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private PlaygroundViewModel vm;
    private LossChartView view;

    @Start
    void start(Stage stage) {
        fx.start(stage);
    }

    private void show(FxRobot robot, int maxPoints) throws InterruptedException {
        show(robot, maxPoints, 400, 220);
    }

    private void show(FxRobot robot, int maxPoints, double width, double height) throws InterruptedException {
        show(robot, PlaygroundSettings.defaults(), maxPoints, width, height);
    }

    private void show(FxRobot robot, PlaygroundSettings settings, int maxPoints, double width, double height)
            throws InterruptedException {
        robot.interact(() -> {
            vm = fx.playground(settings);
            view = new LossChartView(vm, maxPoints);
            fx.show(view, width, height, Styles.outputCss());
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
        return losses(start, epochs, train, test);
    }

    /** A slice of losses only, as regression gives: no accuracy at any epoch. */
    private static EpochLog.Slice losses(int start, int[] epochs, double[] train, double[] test) {
        double[] none = new double[epochs.length];
        Arrays.fill(none, Double.NaN);
        return new EpochLog.Slice(start, epochs, train, test, none, none.clone());
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

    /** The values of {@code series}, in order. */
    private static List<Double> values(XYSeries series) {
        List<Double> values = new java.util.ArrayList<>();
        for (int i = 0; i < series.getItemCount(); i++) {
            values.add(series.getY(i).doubleValue());
        }
        return values;
    }

    private static List<Comparable<?>> keys(XYPlot plot) {
        List<Comparable<?>> keys = new java.util.ArrayList<>();
        for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
            keys.add(plot.getDataset().getSeriesKey(s));
        }
        return keys;
    }

    @Test
    void aClassificationShowsTheAccuracyOfEachEpochWhenAccuracyIsChosen(FxRobot robot) throws Exception {
        show(robot, PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR), LossChartView.DEFAULT_MAX_POINTS,
                400, 220);
        train(robot, vm, 40);
        XYPlot plot = view.chart().getXYPlot();
        assertThat(view.showsAccuracy()).isFalse();
        assertThat(keys(plot)).containsExactly("Training", "Test", "Validation");
        assertThat(ViewTesting.shown(view.accuracyChoice())).isTrue();

        robot.clickOn(view.accuracyChoice());
        assertThat(view.showsAccuracy()).isTrue();
        assertThat(keys(plot)).containsExactly("Training accuracy", "Test accuracy", "Validation accuracy");
        XYSeries training = view.trainingAccuracySeries();
        XYSeries test = view.testAccuracySeries();
        assertThat(training.getItemCount()).isEqualTo(41);
        assertThat(test.getItemCount()).isEqualTo(41);
        assertThat(values(training)).allSatisfy(a -> assertThat(a).isBetween(0.0, 1.0));
        assertThat(values(test)).allSatisfy(a -> assertThat(a).isBetween(0.0, 1.0));
        assertThat(training.getX(40).intValue()).isEqualTo(40);
        assertThat(training.getY(40).doubleValue()).isEqualTo(vm.trainAccuracyProperty().get());
        assertThat(test.getY(40).doubleValue()).isEqualTo(vm.testAccuracyProperty().get());
        // on an axis from 0 to 100 %, which the log scale leaves alone
        assertThat(plot.getRangeAxis().getRange().getLowerBound()).isZero();
        assertThat(plot.getRangeAxis().getRange().getUpperBound()).isEqualTo(LossChartView.ACCURACY_AXIS_TOP)
                .isBetween(1.0, 1.05);
        assertThat(view.logScaleToggle().isDisabled()).isTrue();
        assertThat(view.chartTooltip().getText()).startsWith("Accuracy, the share of points classified correctly");
        assertThat(view.legendItems()).extracting(javafx.scene.control.Label::getText)
                .containsExactly("Training", "Test", "Validation");

        // epochs that come while the accuracy shows arrive there
        train(robot, vm, 10);
        assertThat(training.getItemCount()).isEqualTo(51);
        assertThat(training.getY(50).doubleValue()).isEqualTo(vm.trainAccuracyProperty().get());

        robot.clickOn(view.lossChoice());
        assertThat(view.showsAccuracy()).isFalse();
        assertThat(keys(plot)).containsExactly("Training", "Test", "Validation");
        assertThat(view.trainingSeries().getItemCount()).isEqualTo(51);
        assertThat(view.trainingSeries().getY(50).doubleValue()).isEqualTo(vm.trainLossProperty().get());
        assertThat(view.logScaleToggle().isDisabled()).isFalse();
        assertThat(view.chartTooltip().getText()).startsWith("Loss on the training data");
        // a click on the choice shown keeps it
        robot.clickOn(view.lossChoice());
        assertThat(view.lossChoice().isSelected()).isTrue();
    }

    @Test
    void theLogScaleChosenWhileTheAccuracyShowsIsTheLossAxis(FxRobot robot) throws Exception {
        show(robot, PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR), 100, 400, 220);
        train(robot, vm, 5);
        XYPlot plot = view.chart().getXYPlot();
        robot.clickOn(view.accuracyChoice());
        ValueAxis percent = plot.getRangeAxis();
        // a session opened with a log scale sets it whatever the chart shows
        robot.interact(() -> vm.logScaleProperty().set(true));
        assertThat(plot.getRangeAxis()).isSameAs(percent);
        assertThat(view.trainingAccuracySeries().getItemCount()).isEqualTo(6);
        robot.clickOn(view.lossChoice());
        assertThat(plot.getRangeAxis()).isInstanceOf(LogAxis.class);
    }

    @Test
    void regressionShowsNoAccuracy(FxRobot robot) throws Exception {
        show(robot, PlaygroundSettings.defaults().withDataset(PlaygroundDataset.PLANE),
                LossChartView.DEFAULT_MAX_POINTS, 400, 220);
        train(robot, vm, 20);
        assertThat(vm.trainAccuracyProperty().get()).isNaN();
        assertThat(view.accuracyChoice().isVisible()).isFalse();
        assertThat(view.accuracyChoice().isManaged()).isFalse();
        assertThat(view.lossChoice().isSelected()).isTrue();
        assertThat(ViewTesting.shown(view.lossChoice())).as("LOSS, the title").isTrue();
        assertThat(view.showsAccuracy()).isFalse();
        assertThat(keys(view.chart().getXYPlot())).containsExactly("Training", "Test", "Validation");
        assertThat(view.trainingSeries().getItemCount()).isEqualTo(21);
        assertThat(view.trainingAccuracySeries().getItemCount()).isZero();
        assertThat(view.testAccuracySeries().getItemCount()).isZero();
    }

    @Test
    void turningToRegressionWhileTheAccuracyShowsShowsTheLoss(FxRobot robot) throws Exception {
        show(robot, 100);
        train(robot, vm, 5);
        robot.clickOn(view.accuracyChoice());
        assertThat(view.showsAccuracy()).isTrue();
        robot.interact(() -> vm.datasetProperty().set(PlaygroundDataset.MULTIGAUSS));
        frame(robot, vm);
        assertThat(view.showsAccuracy()).isFalse();
        assertThat(view.accuracyChoice().isVisible()).isFalse();
        assertThat(keys(view.chart().getXYPlot())).containsExactly("Training", "Test", "Validation");
        assertThat(view.chart().getXYPlot().getRangeAxis()).isInstanceOf(NumberAxis.class);
        assertThat(view.logScaleToggle().isDisabled()).isFalse();
        // and back to a classification, the choice is offered again
        robot.interact(() -> vm.datasetProperty().set(PlaygroundDataset.GAUSS));
        frame(robot, vm);
        assertThat(view.accuracyChoice().isVisible()).isTrue();
    }

    @Test
    void aLongAccuracyHistoryIsDecimatedAsTheLossesAre(FxRobot robot) throws Exception {
        show(robot, 1000);
        robot.interact(() -> {
            view.reset(11);
            for (int from = 0; from < 200_000; from += 10_000) {
                EpochLog.Slice losses = slice(from, 10_000, e -> 1.0 / (1 + e));
                double[] accuracy = new double[10_000];
                for (int i = 0; i < accuracy.length; i++) {
                    int e = from + i;
                    // rising towards 1, with one dip to 0.25 at epoch 123 457
                    accuracy[i] = e == 123_457 ? 0.25 : 1 - 0.5 / (1 + e);
                }
                view.append(new EpochLog.Slice(from, losses.epochs(), losses.trainLoss(), losses.testLoss(),
                        accuracy, accuracy.clone()));
            }
        });
        robot.clickOn(view.accuracyChoice());
        XYSeries training = view.trainingAccuracySeries();
        assertThat(training.getItemCount()).isBetween(500, 1001);
        assertThat(training.getMinY()).isEqualTo(0.25);
        assertThat(training.getX(0).intValue()).isZero();
        assertThat(training.getX(training.getItemCount() - 1).intValue()).isEqualTo(199_999);
        assertThat(training.getY(training.getItemCount() - 1).doubleValue()).isEqualTo(1 - 0.5 / 200_000);
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

    /** Hands the view a million epochs in slices of 10 000, as a long run would; returns the nanoseconds taken. */
    private long appendAMillionEpochs(FxRobot robot) {
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
        return nanos[0];
    }

    @Test
    void aMillionEpochsStayWithinTheLimit(FxRobot robot) throws Exception {
        show(robot, 1000);
        appendAMillionEpochs(robot);
        assertThat(view.historySize()).isEqualTo(1_000_000);
        XYSeries training = view.trainingSeries();
        assertThat(training.getItemCount()).isBetween(500, 1001);
        assertThat(maxY(training)).isEqualTo(5);
        assertThat(training.getX(training.getItemCount() - 1).intValue()).isEqualTo(999_999);
        assertThat(training.getMinY()).isEqualTo(1.0 / 1_000_000);
        // and one more epoch costs little: only the bucket still filling changes
        robot.interact(() -> view.append(slice(1_000_000, 1, e -> 0.5)));
        assertThat(training.getY(training.getItemCount() - 1).doubleValue()).isEqualTo(0.5);
    }

    @Test
    @Performance
    void aMillionEpochsAreTakenInWithinSeconds(FxRobot robot) throws Exception {
        show(robot, 1000);
        long nanos = appendAMillionEpochs(robot);
        System.out.printf("a million epochs into the loss chart in %.2f s%n", nanos / 1e9);
        assertThat(nanos / 1e9).as("seconds for a million epochs").isLessThan(5);
    }

    @Test
    void testLossNaNIsSkipped(FxRobot robot) throws Exception {
        show(robot, 100);
        robot.interact(() -> {
            view.reset(7);
            double[] nan = new double[5];
            Arrays.fill(nan, Double.NaN);
            view.append(losses(0, new int[] {0, 1, 2, 3, 4}, new double[] {1, 0.8, 0.6, 0.5, 0.4}, nan));
        });
        assertThat(view.trainingSeries().getItemCount()).isEqualTo(5);
        assertThat(view.testSeries().getItemCount()).isZero();
    }

    @Test
    void theLogScaleToggleSwapsTheAxisAndClampsZero(FxRobot robot) throws Exception {
        show(robot, 100);
        robot.interact(() -> {
            view.reset(3);
            view.append(losses(0, new int[] {0, 1, 2}, new double[] {0.5, 0.01, 0}, new double[] {0.6, 0.02,
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

    /** The chart's data area in the viewer, from its last drawing. */
    private Rectangle2D dataArea() {
        return view.viewer().getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
    }

    @Test
    void epochLabelsStayApartAndWholeAtAnyRange(FxRobot robot) throws Exception {
        List<String> problems = new java.util.ArrayList<>();
        // as wide as the chart is in the smallest window, at 1100 × 700 and on a projector
        for (int width : new int[] {320, 330, 480}) {
            show(robot, LossChartView.DEFAULT_MAX_POINTS, width, 180);
            robot.interact(() -> view.reset(5));
            int shown = 0;
            for (int total = 1_000; total <= 400_000; total = total * 5 / 4) {
                int from = shown;
                int until = total;
                robot.interact(() -> view.append(slice(from, until - from, e -> 1.0 / (1 + e))));
                shown = total;
                problems.addAll(epochLabelProblems(robot, width + " px wide, " + total + " epochs"));
            }
            vm.close();
        }
        assertThat(problems).isEmpty();
    }

    /** What is wrong with the epoch axis' labels as drawn now: too close, run together, or cut at the edge. */
    private List<String> epochLabelProblems(FxRobot robot, String when) throws Exception {
        Image picture = ViewTesting.snapshot(robot, view.viewer());
        Rectangle2D area = dataArea();
        NumberAxis epochs = (NumberAxis) view.chart().getXYPlot().getDomainAxis();
        // The labels as the chart makes them, measured as it draws them (in JavaFX, through FXGraphics2D).
        List<String> labels = WaitForAsyncUtils.asyncFx(() -> {
            Graphics2D g2 = new FXGraphics2D(new Canvas(1, 1).getGraphicsContext2D());
            List<?> ticks = epochs.refreshTicks(g2, new AxisState(), area, RectangleEdge.BOTTOM);
            return ticks.stream().map(t -> ((ValueTick) t).getText()).filter(label -> !label.isEmpty()).toList();
        }).get();
        javafx.scene.text.Text text = new javafx.scene.text.Text();
        java.awt.Font font = epochs.getTickLabelFont();
        text.setFont(javafx.scene.text.Font.font(font.getFamily(), font.getSize()));
        double widest = 0;
        for (String label : labels) {
            text.setText(label);
            widest = Math.max(widest, text.getLayoutBounds().getWidth());
        }
        double unit = epochs.getTickUnit().getSize();
        double pixelsPerTick = unit / epochs.getRange().getLength() * area.getWidth();
        List<String> problems = new java.util.ArrayList<>();
        String at = when + ", tick unit " + unit + ": ";
        if (pixelsPerTick < widest + 8) {
            problems.add(at + String.format(java.util.Locale.ROOT, "%.0f px from tick to tick for labels %.0f px wide",
                    pixelsPerTick, widest));
        }
        // On the picture: as many separate texts under the axis as labels, none touching the edge.
        List<int[]> texts = inkRuns(picture, 0, (int) picture.getWidth() - 1, (int) area.getMaxY() + 4,
                (int) area.getMaxY() + 15, 4);
        if (texts.size() != labels.size()) {
            problems.add(at + texts.size() + " separate texts for the labels " + labels);
        }
        if (!texts.isEmpty() && texts.get(texts.size() - 1)[1] >= picture.getWidth() - 2) {
            problems.add(at + "a label cut at the right edge");
        }
        return problems;
    }

    @Test
    void theLogScaleShowsDecadeLabelsFromEpochZero(FxRobot robot) throws Exception {
        show(robot, 100);
        robot.interact(() -> {
            view.reset(3);
            view.append(losses(0, new int[] {0}, new double[] {0.5}, new double[] {0.55}));
        });
        robot.clickOn(view.logScaleToggle());
        Image picture = ViewTesting.snapshot(robot, view.viewer());
        LogAxis axis = (LogAxis) view.chart().getXYPlot().getRangeAxis();
        Rectangle2D area = dataArea();
        java.awt.Graphics2D g2 = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
                .createGraphics();
        List<?> ticks = axis.refreshTicks(g2, new AxisState(), area, RectangleEdge.LEFT);
        long labelled = ticks.stream().filter(t -> t instanceof ValueTick v && v.getTickType() == TickType.MAJOR)
                .count();
        assertThat(labelled).as("labelled decades on the loss axis").isGreaterThanOrEqualTo(2);
        assertThat(axis.getLowerBound()).isLessThanOrEqualTo(0.1);
        assertThat(axis.getUpperBound()).isGreaterThanOrEqualTo(1);
        // ink of tick labels left of the data area
        List<int[]> left = inkRuns(picture, (int) area.getMinX() - 30, (int) area.getMinX() - 4,
                (int) area.getMinY(), (int) area.getMaxY(), 1);
        assertThat(left).as("tick labels beside the loss axis").isNotEmpty();
    }

    /**
     * A German machine (or an Egyptian one, or a Swedish one) writes the axes' numbers as the rest of the window
     * does, with a point and Latin digits: the chart is made and drawn under that default locale.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"de-DE", "ar-EG", "sv-SE"})
    void tickLabelsWriteNumbersAsTheWindowDoesWhateverTheMachinesLocale(String machine, FxRobot robot)
            throws Exception {
        Locale before = Locale.getDefault();
        // Every category, FORMAT (what DecimalFormat and NumberFormat read) too.
        Locale.setDefault(Locale.forLanguageTag(machine));
        try {
            show(robot, 100, 400, 220);
            robot.interact(() -> {
                view.reset(3);
                view.append(slice(0, 20_000, e -> 0.6 / (1 + e / 100.0)));
            });
            frame(robot, vm);
            XYPlot plot = view.chart().getXYPlot();
            Rectangle2D area = dataArea();
            List<String> losses = tickLabels(plot.getRangeAxis(), area, RectangleEdge.LEFT);
            List<String> epochs = tickLabels(plot.getDomainAxis(), area, RectangleEdge.BOTTOM);
            robot.interact(() -> vm.logScaleProperty().set(true));
            List<String> decades = tickLabels(plot.getRangeAxis(), dataArea(), RectangleEdge.LEFT);
            robot.interact(() -> view.accuracyChoice().setSelected(true));
            List<String> percents = tickLabels(plot.getRangeAxis(), dataArea(), RectangleEdge.LEFT);

            assertThat(losses).as("the loss axis' labels").isNotEmpty().allMatch(l -> l.matches("\\d\\.\\d+"))
                    .contains("0.1");
            assertThat(epochs).as("the epoch axis' labels").isNotEmpty()
                    .allMatch(l -> l.matches("\\d{1,3}(,\\d{3})*")).anyMatch(l -> l.contains(","));
            // LogAxis writes 10 and the exponent (drawn as a superscript) one after the other: 10-1 is 10⁻¹.
            assertThat(decades).as("the log axis' labels").isNotEmpty().allMatch(l -> l.matches("10-?\\d+"))
                    .contains("10-1");
            assertThat(percents).as("the accuracy axis' labels").isNotEmpty().allMatch(l -> l.matches("\\d{1,3} %"))
                    .contains("0 %", "100 %");
        } finally {
            Locale.setDefault(before);
        }
    }

    /** The labels of {@code axis}'s ticks, as it makes them to draw them now. */
    private static List<String> tickLabels(ValueAxis axis, Rectangle2D area, RectangleEdge edge) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Graphics2D g2 = new FXGraphics2D(new Canvas(1, 1).getGraphicsContext2D());
            List<?> ticks = axis.refreshTicks(g2, new AxisState(), area, edge);
            return ticks.stream().map(t -> t instanceof LogTick log ? text(log.getAttributedLabel())
                    : ((ValueTick) t).getText()).filter(label -> label != null && !label.isEmpty()).toList();
        }).get();
    }

    private static String text(AttributedString label) {
        StringBuilder text = new StringBuilder();
        CharacterIterator chars = label.getIterator();
        for (char c = chars.first(); c != CharacterIterator.DONE; c = chars.next()) {
            text.append(c);
        }
        return text.toString();
    }

    @Test
    void theLegendIsOutsideTheCurves(FxRobot robot) throws Exception {
        show(robot, 100, 320, 180);
        train(robot, vm, 30);
        XYPlot plot = view.chart().getXYPlot();
        assertThat(view.chart().getLegend()).as("no legend in the chart").isNull();
        assertThat(plot.getAnnotations()).as("nothing drawn over the data").isEmpty();
        List<javafx.scene.control.Label> legend = view.legendItems();
        assertThat(legend).extracting(javafx.scene.control.Label::getText)
                .containsExactly("Training", "Test", "Validation");
        assertThat(legend.get(2).isVisible()).as("no validation data, no validation in the legend").isFalse();
        javafx.geometry.Bounds chart = view.viewer().localToScene(view.viewer().getLayoutBounds());
        for (javafx.scene.control.Label item : legend.subList(0, 2)) {
            javafx.geometry.Bounds b = item.localToScene(item.getLayoutBounds());
            assertThat(b.getMaxY()).as(item.getText() + " above the chart").isLessThanOrEqualTo(chart.getMinY());
            assertThat(ViewTesting.shown(item)).isTrue();
        }
    }

    /**
     * Runs of columns between x0 and x1 that have a dark pixel in rows y0 to y1, separated by at least
     * {@code gap} columns without: the separate texts in that band.
     */
    private static List<int[]> inkRuns(Image image, int x0, int x1, int y0, int y1, int gap) {
        List<int[]> runs = new java.util.ArrayList<>();
        int start = -1;
        int last = -1;
        for (int x = Math.max(0, x0); x <= Math.min((int) image.getWidth() - 1, x1); x++) {
            boolean ink = false;
            for (int y = Math.max(0, y0); y <= Math.min((int) image.getHeight() - 1, y1) && !ink; y++) {
                int c = ViewTesting.argb(image, x, y);
                ink = ViewTesting.red(c) < 180 && ViewTesting.green(c) < 180 && ViewTesting.blue(c) < 180;
            }
            if (ink) {
                if (start < 0 || x - last > gap) {
                    if (start >= 0) {
                        runs.add(new int[] {start, last});
                    }
                    start = x;
                }
                last = x;
            }
        }
        if (start >= 0) {
            runs.add(new int[] {start, last});
        }
        return runs;
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

    @Test
    void validationDataGetsItsOwnCurveAndEarlyStoppingMarksTheBestEpoch(FxRobot robot) throws Exception {
        PlaygroundSettings settings = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR)
                .withLearningRate(0.3).withValidationShare(0.2)
                .withEarlyStopping(new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0.002, 4, true, 0));
        show(robot, settings, LossChartView.DEFAULT_MAX_POINTS, 400, 220);
        train(robot, vm, 500);
        int stopped = vm.epochProperty().get();
        int best = vm.bestEpochProperty().get();
        assertThat(vm.stoppedEarlyProperty().get()).as("trainEpochs stops where early stopping does").isTrue();
        assertThat(best).isPositive().isLessThan(stopped);

        assertThat(view.validationSeries().getItemCount()).isEqualTo(stopped + 1);
        EpochLog.Slice log = vm.session().log().since(0);
        assertThat(values(view.validationSeries())).containsExactlyElementsOf(
                Arrays.stream(log.validationLoss()).boxed().toList());
        assertThat(view.legendItems().get(2).isVisible()).isTrue();
        assertThat(view.markedBestEpoch()).isEqualTo(best);
        assertThat(view.chart().getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND))
                .hasSize(1).allSatisfy(m -> assertThat(((org.jfree.chart.plot.ValueMarker) m).getValue())
                        .isEqualTo(best));

        robot.clickOn(view.accuracyChoice());
        assertThat(values(view.validationAccuracySeries())).containsExactlyElementsOf(
                Arrays.stream(log.validationAccuracy()).boxed().toList());
    }
}
