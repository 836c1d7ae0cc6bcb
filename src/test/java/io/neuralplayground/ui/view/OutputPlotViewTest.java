package io.neuralplayground.ui.view;

import static io.neuralplayground.ui.view.ViewTesting.argb;
import static io.neuralplayground.ui.view.ViewTesting.blue;
import static io.neuralplayground.ui.view.ViewTesting.distance;
import static io.neuralplayground.ui.view.ViewTesting.frame;
import static io.neuralplayground.ui.view.ViewTesting.green;
import static io.neuralplayground.ui.view.ViewTesting.hex;
import static io.neuralplayground.ui.view.ViewTesting.red;
import static io.neuralplayground.ui.view.ViewTesting.snapshot;
import static io.neuralplayground.ui.view.ViewTesting.train;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.Feature;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.data.Point;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.viewmodel.ClassColors;
import io.neuralplayground.ui.viewmodel.ColorScale;
import io.neuralplayground.ui.viewmodel.NodeRef;
import io.neuralplayground.ui.viewmodel.NumberTexts;
import io.neuralplayground.ui.viewmodel.PlaneGrid;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import io.neuralplayground.ui.viewmodel.ProblemType;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class OutputPlotViewTest {
    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private PlaygroundViewModel vm;
    private OutputPlotView view;

    @Start
    void start(Stage stage) {
        fx.start(stage);
    }

    private void show(FxRobot robot, PlaygroundSettings settings) throws InterruptedException {
        robot.interact(() -> {
            vm = fx.playground(settings);
            view = new OutputPlotView(vm);
            fx.show(view, 430, 560, Styles.outputCss());
        });
        frame(robot, vm);
    }

    private Image picture(FxRobot robot) {
        return snapshot(robot, view.getScene());
    }

    /** Where the plane point lands in the scene, by PlaneGrid's mapping of the plot's square. */
    private Point2D scenePoint(double x1, double x2) {
        OutputPlot plot = view.plot();
        Bounds b = plot.plotBounds();
        PlaneGrid grid = PlaneGrid.PLAYGROUND;
        return plot.localToScene(b.getMinX() + grid.toPixelX(x1, b.getWidth()),
                b.getMinY() + grid.toPixelY(x2, b.getHeight()));
    }

    private Bounds plotInScene() {
        return view.plot().localToScene(view.plot().plotBounds());
    }

    /** Every drawn dot's centre in scene coordinates. */
    private List<Point2D> dots(boolean withTest) {
        List<Point2D> dots = new ArrayList<>();
        Dataset train = vm.snapshotProperty().get().split().train();
        for (int r = 0; r < train.size(); r++) {
            dots.add(scenePoint(train.value(r, 0), train.value(r, 1)));
        }
        if (withTest) {
            Dataset test = vm.snapshotProperty().get().split().test();
            for (int r = 0; r < test.size(); r++) {
                dots.add(scenePoint(test.value(r, 0), test.value(r, 1)));
            }
        }
        return dots;
    }

    private static boolean clear(Point2D p, List<Point2D> dots, double distance) {
        return dots.stream().allMatch(d -> d.distance(p) > distance);
    }

    /** The heatmap's colour near (x1, x2): at the nearest spot that no dot covers. */
    private int heatmapAt(Image image, double x1, double x2, List<Point2D> dots) {
        Point2D centre = scenePoint(x1, x2);
        for (int radius = 0; radius <= 30; radius += 2) {
            for (int dx = -radius; dx <= radius; dx += 2) {
                for (int dy = -radius; dy <= radius; dy += 2) {
                    Point2D p = centre.add(dx, dy);
                    if (plotInScene().contains(p) && clear(p, dots, 6)) {
                        return argb(image, p.getX(), p.getY());
                    }
                }
            }
        }
        throw new AssertionError("no free spot near (" + x1 + ", " + x2 + ")");
    }

    /** Pixels of the plot's square that no dot touches. */
    private List<Integer> freePixels(Image image, List<Point2D> dots) {
        Bounds b = plotInScene();
        boolean[][] covered = new boolean[(int) image.getWidth()][(int) image.getHeight()];
        for (Point2D d : dots) {
            for (int x = (int) d.getX() - 6; x <= d.getX() + 6; x++) {
                for (int y = (int) d.getY() - 6; y <= d.getY() + 6; y++) {
                    if (x >= 0 && y >= 0 && x < covered.length && y < covered[0].length) {
                        covered[x][y] = true;
                    }
                }
            }
        }
        List<Integer> pixels = new ArrayList<>();
        for (int x = (int) b.getMinX() + 1; x < b.getMaxX() - 1; x++) {
            for (int y = (int) b.getMinY() + 1; y < b.getMaxY() - 1; y++) {
                if (!covered[x][y]) {
                    pixels.add(argb(image, x, y));
                }
            }
        }
        return pixels;
    }

    private static boolean blueish(int c) {
        return blue(c) > red(c) + 40;
    }

    private static boolean orangeish(int c) {
        return red(c) > blue(c) + 40;
    }

    @Test
    void aTrainingPointIsDrawnWherePlaneGridSaysInItsColourWithAWhiteOutline(FxRobot robot) throws Exception {
        show(robot, PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR));
        // Discretized, the ground is full orange or blue, far darker than a white outline.
        robot.interact(() -> vm.discretizeProperty().set(true));
        Image image = picture(robot);
        List<Point2D> dots = dots(false);
        Dataset train = vm.snapshotProperty().get().split().train();
        int checked = 0;
        for (int r = 0; r < train.size() && checked < 6; r++) {
            double x1 = train.value(r, 0);
            double x2 = train.value(r, 1);
            Point2D at = scenePoint(x1, x2);
            // isolated dots only, away from the quadrant borders, so no neighbour covers this one
            if (Math.abs(x1) < 1.5 || Math.abs(x2) < 1.5 || dots.stream().filter(d -> d.distance(at) < 12).count() > 1) {
                continue;
            }
            int expected = train.classIndex(r) == 1 ? ColorScale.BLUE : ColorScale.ORANGE;
            assertThat(distance(argb(image, at.getX(), at.getY()), expected))
                    .as("centre of (%.2f, %.2f) at %s: %s", x1, x2, at, hex(argb(image, at.getX(), at.getY())))
                    .isLessThan(16);
            int around = argb(image, at.getX() + 8, at.getY());
            int ground = Math.min(red(around), Math.min(green(around), blue(around)));
            int whitish = 0;
            int whitest = 0;
            for (int x = (int) at.getX() - 6; x <= at.getX() + 6; x++) {
                for (int y = (int) at.getY() - 6; y <= at.getY() + 6; y++) {
                    double d = at.distance(x + 0.5, y + 0.5);
                    int c = argb(image, x, y);
                    int light = Math.min(red(c), Math.min(green(c), blue(c)));
                    if (d > 2.5 && d < 5) {
                        whitest = Math.max(whitest, light);
                        whitish += light >= ground + 40 ? 1 : 0;
                    }
                }
            }
            // A ring around the dot whiter than the heatmap beside it: the outline.
            assertThat(whitest).as("white outline around (%.2f, %.2f)", x1, x2).isGreaterThanOrEqualTo(ground + 60);
            assertThat(whitish).as("white outline around (%.2f, %.2f)", x1, x2).isGreaterThanOrEqualTo(8);
            // Mirrored in x2 lies the other class of XOR: a flipped picture would show this colour there.
            Point2D mirrored = scenePoint(x1, -x2);
            assertThat(distance(argb(image, mirrored.getX(), mirrored.getY()), expected))
                    .as("mirror of (%.2f, %.2f)", x1, x2).isGreaterThan(40);
            checked++;
        }
        assertThat(checked).isEqualTo(6);
    }

    @Test
    void afterTrainingOnCircleTheCentreIsBlueAndTheCornersOrangeAndBothColoursShow(FxRobot robot) throws Exception {
        show(robot, PlaygroundSettings.defaults());
        train(robot, vm, 300);
        assertThat(vm.testAccuracyProperty().get()).isGreaterThan(0.9);
        Image image = picture(robot);
        List<Point2D> dots = dots(false);
        int centre = heatmapAt(image, 0, 0, dots);
        assertThat(blueish(centre)).as("centre %s", hex(centre)).isTrue();
        for (double[] corner : new double[][] {{-5.7, 5.7}, {5.7, 5.7}, {-5.7, -5.7}, {5.7, -5.7}}) {
            int c = heatmapAt(image, corner[0], corner[1], dots);
            assertThat(orangeish(c)).as("corner (%s, %s) %s", corner[0], corner[1], hex(c)).isTrue();
        }
        List<Integer> free = freePixels(image, dots);
        long blues = free.stream().filter(OutputPlotViewTest::blueish).count();
        long oranges = free.stream().filter(OutputPlotViewTest::orangeish).count();
        assertThat(blues).isGreaterThan(free.size() / 20);
        assertThat(oranges).isGreaterThan(free.size() / 5);
    }

    @Test
    void xorQuadrantsAreNotFlipped(FxRobot robot) throws Exception {
        show(robot, PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR)
                .withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2)));
        train(robot, vm, 200);
        Image image = picture(robot);
        List<Point2D> dots = dots(false);
        assertThat(blueish(heatmapAt(image, 3, 3, dots))).as("top right").isTrue();
        assertThat(orangeish(heatmapAt(image, -3, 3, dots))).as("top left").isTrue();
        assertThat(blueish(heatmapAt(image, -3, -3, dots))).as("bottom left").isTrue();
        assertThat(orangeish(heatmapAt(image, 3, -3, dots))).as("bottom right").isTrue();
    }

    @Test
    void kClassesPaintEachRegionInItsClasssColourPaleWhereUndecidedAndDiscretizedPure(FxRobot robot)
            throws Exception {
        show(robot, PlaygroundSettings.defaults().withDataset(PlaygroundDataset.BLOBS).withClasses(4)
                .withHidden(List.of(6), List.of(io.neuralplayground.engine.Activation.TANH)));
        train(robot, vm, 200);
        assertThat(vm.trainAccuracyProperty().get()).isGreaterThan(0.95);
        List<Point2D> dots = dots(false);
        // Blob c's centre is at 3.5·(cos θ, sin θ), θ = π/2 + 2πc/4: there the network is sure of class c.
        double[][] centres = {{0, 3.5}, {-3.5, 0}, {0, -3.5}, {3.5, 0}};
        Image image = picture(robot);
        for (int c = 0; c < 4; c++) {
            int seen = heatmapAt(image, centres[c][0], centres[c][1], dots);
            assertThat(distance(seen, onWhite(ClassColors.of(c)))).as("blob %d: %s", c, hex(seen)).isLessThan(40);
        }
        // Where all four meet, the network is undecided: pale, near the grey of "no class".
        int middle = heatmapAt(image, 0, 0, dots);
        assertThat(distance(middle, onWhite(ColorScale.GREY))).as("middle %s", hex(middle))
                .isLessThan(distance(middle, onWhite(ClassColors.of(0))));
        assertThat(view.plot().legendLabels()).containsExactly("0", "1", "2", "3");

        robot.clickOn(view.discretizeBox());
        List<Integer> discrete = freePixels(picture(robot), dots);
        long pure = discrete.stream().filter(p -> java.util.stream.IntStream.range(0, 4)
                .anyMatch(c -> distance(p, onWhite(ClassColors.of(c))) <= 2)).count();
        assertThat(pure).isGreaterThan(discrete.size() * 95L / 100);
    }

    @Test
    void discretizeLeavesExactlyTheTwoColours(FxRobot robot) throws Exception {
        show(robot, PlaygroundSettings.defaults());
        train(robot, vm, 300);
        List<Point2D> dots = dots(false);
        List<Integer> continuous = freePixels(picture(robot), dots);
        robot.clickOn(view.discretizeBox());
        assertThat(vm.discretizeProperty().get()).isTrue();
        List<Integer> discrete = freePixels(picture(robot), dots);
        long exactContinuous = continuous.stream().filter(OutputPlotViewTest::isOneOfTheTwo).count();
        long exactDiscrete = discrete.stream().filter(OutputPlotViewTest::isOneOfTheTwo).count();
        // Smoothing blends the two along the boundary only: a few pixels in a hundred.
        assertThat(exactDiscrete).isGreaterThan(discrete.size() * 95L / 100);
        assertThat(exactDiscrete).isGreaterThan(exactContinuous);
        assertThat(discrete.stream().allMatch(OutputPlotViewTest::betweenTheTwo)).isTrue();
        robot.clickOn(view.discretizeBox());
        assertThat(vm.discretizeProperty().get()).isFalse();
        assertThat(freePixels(picture(robot), dots)).isEqualTo(continuous);
    }

    /** Playground's heatmap: the colour at alpha 160 over white. */
    private static int onWhite(int argb) {
        double a = 160 / 255.0;
        int r = (int) Math.round(red(argb) * a + 255 * (1 - a));
        int g = (int) Math.round(green(argb) * a + 255 * (1 - a));
        int b = (int) Math.round(blue(argb) * a + 255 * (1 - a));
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    private static final int ORANGE_GROUND = onWhite(ColorScale.ORANGE);
    private static final int BLUE_GROUND = onWhite(ColorScale.BLUE);

    private static boolean isOneOfTheTwo(int c) {
        return distance(c, ORANGE_GROUND) <= 2 || distance(c, BLUE_GROUND) <= 2;
    }

    /** On the straight line from orange to blue (a blend of the two), never grey. */
    private static boolean betweenTheTwo(int c) {
        double t = (blue(c) - blue(ORANGE_GROUND)) / (double) (blue(BLUE_GROUND) - blue(ORANGE_GROUND));
        double r = red(ORANGE_GROUND) + t * (red(BLUE_GROUND) - red(ORANGE_GROUND));
        double g = green(ORANGE_GROUND) + t * (green(BLUE_GROUND) - green(ORANGE_GROUND));
        return Math.abs(r - red(c)) <= 4 && Math.abs(g - green(c)) <= 4;
    }

    @Test
    void showTestDataAddsBlackOutlinedPoints(FxRobot robot) throws Exception {
        show(robot, PlaygroundSettings.defaults());
        long before = darkPixels(picture(robot));
        robot.clickOn(view.showTestDataBox());
        assertThat(vm.showTestDataProperty().get()).isTrue();
        long after = darkPixels(picture(robot));
        int tests = vm.snapshotProperty().get().split().test().size();
        assertThat(before).isZero();
        assertThat(after).isGreaterThan(tests * 5L);
    }

    private long darkPixels(Image image) {
        Bounds b = plotInScene();
        long dark = 0;
        for (int x = (int) b.getMinX(); x < b.getMaxX(); x++) {
            for (int y = (int) b.getMinY(); y < b.getMaxY(); y++) {
                int c = argb(image, x, y);
                if (red(c) < 60 && green(c) < 60 && blue(c) < 60) {
                    dark++;
                }
            }
        }
        return dark;
    }

    @Test
    void aClickPaintsAPointThereAndClearRemovesIt(FxRobot robot) throws Exception {
        show(robot, PlaygroundSettings.defaults());
        int before = vm.snapshotProperty().get().split().train().size();
        assertThat(view.paintControls().clearButton().isDisabled()).isTrue();
        robot.clickOn(view.paintControls().orangeButton());
        assertThat(vm.paintClassProperty().get()).isZero();
        Point2D target = scenePoint(2, -3);
        Point2D screen = view.getScene().getRoot().localToScreen(target);
        robot.clickOn(screen.getX(), screen.getY(), MouseButton.PRIMARY);
        frame(robot, vm);
        assertThat(vm.snapshotProperty().get().split().train().size()).isEqualTo(before + 1);
        List<Point> painted = vm.snapshotProperty().get().settings().paintedPoints();
        assertThat(painted).hasSize(1);
        assertThat(painted.get(0).x1()).isCloseTo(2, org.assertj.core.data.Offset.offset(0.1));
        assertThat(painted.get(0).x2()).isCloseTo(-3, org.assertj.core.data.Offset.offset(0.1));
        assertThat(painted.get(0).label()).isEqualTo(-1);
        // the painted point is drawn: orange where it was clicked
        Image image = picture(robot);
        assertThat(distance(argb(image, target.getX(), target.getY()), ColorScale.ORANGE)).isLessThan(16);
        assertThat(view.paintControls().clearButton().isDisabled()).isFalse();

        robot.clickOn(view.paintControls().clearButton());
        frame(robot, vm);
        assertThat(vm.snapshotProperty().get().split().train().size()).isEqualTo(before);
        assertThat(view.paintControls().clearButton().isDisabled()).isTrue();
    }

    @Test
    void theLossesReadAsPlaygroundsAndAccuracyHidesForRegression(FxRobot robot) throws Exception {
        show(robot, PlaygroundSettings.defaults());
        train(robot, vm, 20);
        assertThat(view.readout().accuracyShown()).isTrue();
        assertThat(ViewTesting.shown(paint(view).blueButton())).isTrue();
        assertThat(ViewTesting.shown(paint(view).valueSlider())).isFalse();
        assertThat(view.readout().testAccuracyText()).matches("\\d+\\.\\d %");
        assertThat(NumberTexts.loss(0.0123456)).isEqualTo("0.012");
        assertThat(NumberTexts.loss(0.0000421)).isEqualTo("4.21e-05");
        assertThat(NumberTexts.loss(Double.NaN)).isEqualTo("–");
        robot.interact(() -> vm.problemProperty().set(ProblemType.REGRESSION));
        frame(robot, vm);
        assertThat(vm.datasetProperty().get()).isEqualTo(PlaygroundDataset.PLANE);
        assertThat(vm.testAccuracyProperty().get()).as("message %s", vm.messageProperty().get()).isNaN();
        assertThat(view.readout().accuracyShown()).isFalse();
        PaintControls paint = view.paintControls();
        assertThat(ViewTesting.shown(paint.valueSlider())).isTrue();
        assertThat(ViewTesting.shown(paint.blueButton())).isFalse();
        robot.interact(() -> paint.valueSlider().setValue(-0.5));
        assertThat(vm.paintValueProperty().get()).isEqualTo(-0.5);
    }

    private static PaintControls paint(OutputPlotView view) {
        return view.paintControls();
    }

    @Test
    void theHoveredNodeShowsBig(FxRobot robot) throws Exception {
        show(robot, PlaygroundSettings.defaults());
        List<Point2D> dots = dots(false);
        // Input x1 is −1 at the left edge and +1 at the right: orange left, blue right.
        robot.interact(() -> vm.hoveredProperty().set(new NodeRef.Input(Feature.X1)));
        frame(robot, vm);
        Image image = picture(robot);
        assertThat(orangeish(heatmapAt(image, -5.5, 0, dots))).isTrue();
        assertThat(blueish(heatmapAt(image, 5.5, 0, dots))).isTrue();
        robot.interact(() -> vm.hoveredProperty().set(new NodeRef.Input(Feature.X2)));
        frame(robot, vm);
        image = picture(robot);
        assertThat(blueish(heatmapAt(image, 0, 5.5, dots))).as("x2 grows upwards").isTrue();
        assertThat(orangeish(heatmapAt(image, 0, -5.5, dots))).isTrue();
    }

    @Test
    void thePlotStaysSquareAndFollowsTheWindowSize(FxRobot robot) throws Exception {
        show(robot, PlaygroundSettings.defaults());
        Bounds large = view.plot().plotBounds();
        assertThat(large.getWidth()).isEqualTo(large.getHeight()).isBetween(300.0, 420.0);
        robot.interact(() -> {
            fx.stage().setWidth(340);
            fx.stage().setHeight(480);
        });
        Bounds small = view.plot().plotBounds();
        assertThat(small.getWidth()).isEqualTo(small.getHeight()).isLessThan(large.getWidth());
        // the mapping goes with the size: the plot's centre is still (0, 0)
        Point2D centre = view.plot().localToPlane(small.getCenterX(), small.getCenterY());
        assertThat(centre.getX()).isCloseTo(0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(centre.getY()).isCloseTo(0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(view.plot().localToPlane(small.getMinX() + 1, small.getMinY() + 1).getY()).isGreaterThan(5.9);
        ViewTesting.save(picture(robot), "output-plot-small.png");
    }

    @Test
    void aColourKeyBesideThePlotShowsTheScaleFromMinusOneToOne(FxRobot robot) throws Exception {
        show(robot, PlaygroundSettings.defaults());
        train(robot, vm, 5);
        OutputPlot plot = view.plot();
        Bounds key = plot.localToScene(plot.legendBounds());
        Bounds square = plotInScene();
        assertThat(key.getMinX()).as("beside the plot, not over it").isGreaterThan(square.getMaxX());
        assertThat(key.getMinY()).isEqualTo(square.getMinY());
        assertThat(key.getHeight()).isEqualTo(square.getHeight());
        assertThat(plot.localToScene(plot.getLayoutBounds()).contains(key)).as("inside the plot's node").isTrue();
        Image image = picture(robot);
        int top = argb(image, key.getCenterX(), key.getMinY() + 3);
        int middle = argb(image, key.getCenterX(), key.getCenterY());
        int bottom = argb(image, key.getCenterX(), key.getMaxY() - 3);
        // the heatmap's colours: the scale at the heatmap's opacity over white
        assertThat(distance(top, argbOf(ColorLegend.heatmapColor(1)))).as("top " + hex(top)).isLessThan(16);
        assertThat(distance(bottom, argbOf(ColorLegend.heatmapColor(-1)))).as("bottom " + hex(bottom))
                .isLessThan(16);
        assertThat(blueish(top)).isTrue();
        assertThat(orangeish(bottom)).isTrue();
        assertThat(Math.min(red(middle), Math.min(green(middle), blue(middle)))).as("middle " + hex(middle))
                .isGreaterThan(225);
        assertThat(plot.legendLabels()).as("a sigmoid output: the probability of class 1").containsExactly("1", "0.5", "0");
        assertThat(plot.legendSpan()).as("classification marks no span of values").isNull();
        assertThat(ViewTesting.shown(view.valueRange())).isFalse();
        // the three labels are drawn right of the bar
        assertThat(inkRowsRightOf(image, key)).as("label rows").isEqualTo(3);
    }

    @Test
    void discretizedTheKeyShowsThePlotsTwoColoursWithTheBoundaryAtZero(FxRobot robot) throws Exception {
        show(robot, PlaygroundSettings.defaults());
        train(robot, vm, 5);
        OutputPlot plot = view.plot();
        // The key's colours are the discretized plot's own.
        assertThat(argbOf(ColorLegend.keyColor(1, true))).isEqualTo(BLUE_GROUND);
        assertThat(argbOf(ColorLegend.keyColor(0, true))).as("0 is on the blue side").isEqualTo(BLUE_GROUND);
        assertThat(argbOf(ColorLegend.keyColor(-1e-9, true))).isEqualTo(ORANGE_GROUND);
        assertThat(argbOf(ColorLegend.keyColor(0.3, false))).isEqualTo(argbOf(ColorLegend.heatmapColor(0.3)));

        robot.interact(() -> vm.discretizeProperty().set(true));
        assertThat(plot.legendDiscrete()).isTrue();
        List<Integer> colours = keyColumn(picture(robot), plot.localToScene(plot.legendBounds()));
        assertThat(colours).as("blue above 0, orange below, nothing between").allMatch(c -> isOneOfTheTwo(c));
        int change = colours.indexOf(colours.stream().filter(c -> distance(c, ORANGE_GROUND) <= 2).findFirst()
                .orElseThrow());
        assertThat(colours.subList(0, change)).as("above the boundary").allMatch(c -> distance(c, BLUE_GROUND) <= 2);
        assertThat(colours.subList(change, colours.size())).as("below the boundary")
                .allMatch(c -> distance(c, ORANGE_GROUND) <= 2);
        // The boundary at the middle of the bar, where the 0 tick is (the column starts a pixel below the top).
        assertThat(change + 1.0).isCloseTo(colours.size() / 2.0 + 1, within(1.5));
        assertThat(plot.legendLabels()).containsExactly("1", "0.5", "0");

        // A hovered node's picture is never discretized: the key goes back to the scale while it is shown.
        robot.interact(() -> vm.hoveredProperty().set(new NodeRef.Input(Feature.X1)));
        frame(robot, vm);
        assertThat(plot.legendDiscrete()).isFalse();
        robot.interact(() -> vm.hoveredProperty().set(null));
        frame(robot, vm);
        assertThat(plot.legendDiscrete()).isTrue();

        robot.interact(() -> vm.discretizeProperty().set(false));
        assertThat(plot.legendDiscrete()).isFalse();
        List<Integer> scale = keyColumn(picture(robot), plot.localToScene(plot.legendBounds()));
        int middle = scale.get(scale.size() / 2);
        assertThat(Math.min(red(middle), Math.min(green(middle), blue(middle)))).as("middle " + hex(middle))
                .isGreaterThan(225);
    }

    /** The colours down the middle of the key's bar, inside its outline. */
    private static List<Integer> keyColumn(Image image, Bounds key) {
        List<Integer> colours = new ArrayList<>();
        for (int y = (int) Math.ceil(key.getMinY()) + 1; y < (int) Math.floor(key.getMaxY()) - 1; y++) {
            colours.add(argb(image, key.getCenterX(), y + 0.5));
        }
        return colours;
    }

    @Test
    void forRegressionTheKeyMarksTheSpanOfTheDataValues(FxRobot robot) throws Exception {
        show(robot, PlaygroundSettings.defaults().withDataset(PlaygroundDataset.MULTIGAUSS)
                .withHidden(List.of(), List.of()));
        var split = vm.snapshotProperty().get().split();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Dataset data : List.of(split.train(), split.test())) {
            for (int r = 0; r < data.size(); r++) {
                min = Math.min(min, data.label(r));
                max = Math.max(max, data.label(r));
            }
        }
        OutputPlot plot = view.plot();
        assertThat(plot.legendSpan()).isEqualTo(new ColorLegend.Span(min, max));
        // Playground's regression values lie within −1 … 1: the end labels are the scale's own
        assertThat(plot.legendLabels()).containsExactly("1", "0", "\u22121");
        assertThat(ColorLegend.labels(new ColorLegend.Span(-3, 40), false)).containsExactly("\u22651", "0",
                "\u2264\u22121");
        // the bracket stands between the plot and the bar, from the largest value down to the smallest
        Image image = picture(robot);
        Bounds key = plot.localToScene(plot.legendBounds());
        double x = key.getMinX() - ColorLegend.GAP / 2;
        double yMax = key.getMinY() + (1 - max) / 2 * key.getHeight();
        double yMin = key.getMinY() + (1 - min) / 2 * key.getHeight();
        assertThat(dark(argb(image, x, (yMax + yMin) / 2))).as("the bracket's line").isTrue();
        assertThat(dark(argb(image, x, yMax - 4))).as("nothing above the largest value").isFalse();
        // and in numbers, beside the losses
        assertThat(ViewTesting.shown(view.valueRange())).isTrue();
        assertThat(view.valueRange().getText()).isEqualTo("Values\n" + ValueRangeLabel.number(min) + " to "
                + ValueRangeLabel.number(max));
        assertThat(ValueRangeLabel.number(-0.984)).isEqualTo("\u22120.98");
    }

    private static boolean dark(int c) {
        return red(c) < 150 && green(c) < 150 && blue(c) < 150;
    }

    private static int argbOf(javafx.scene.paint.Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    /** Runs of rows with dark pixels right of the key's bar and its ticks: its labels. */
    private static int inkRowsRightOf(Image image, Bounds key) {
        int runs = 0;
        boolean inRun = false;
        for (int y = (int) key.getMinY() - 8; y <= key.getMaxY() + 8; y++) {
            boolean ink = false;
            for (int x = (int) (key.getMaxX() + ColorLegend.TICK + 1); x < key.getMaxX() + ColorLegend.TICK + 2
                    + ColorLegend.LABELS && x < image.getWidth(); x++) {
                ink |= dark(argb(image, x, y));
            }
            if (ink && !inRun) {
                runs++;
            }
            inRun = ink;
        }
        return runs;
    }
}
