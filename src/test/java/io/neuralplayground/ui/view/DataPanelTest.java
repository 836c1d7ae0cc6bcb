package io.neuralplayground.ui.view;

import static io.neuralplayground.ui.view.ViewTesting.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.LeftoverExamples;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.MainWindow;
import io.neuralplayground.ui.viewmodel.ColorScale;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import io.neuralplayground.ui.viewmodel.ProblemType;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DataPanelTest {
    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private PlaygroundViewModel vm;
    private DataPanel panel;

    @Start
    void start(Stage stage) {
        fx.start(stage);
        vm = fx.playground(PlaygroundSettings.defaults());
        panel = new DataPanel(vm);
        fx.show(panel, 260, 560, Styles.outputCss());
    }

    private DatasetThumbnail thumbnail(PlaygroundDataset kind) {
        return panel.shownThumbnails().stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void classificationShowsNinePicturesTwoClassFirstAndAClickChoosesOne(FxRobot robot) throws Exception {
        assertThat(panel.shownThumbnails()).extracting(DatasetThumbnail::kind).containsExactly(
                PlaygroundDataset.CIRCLE, PlaygroundDataset.XOR, PlaygroundDataset.GAUSS, PlaygroundDataset.SPIRAL,
                PlaygroundDataset.MOONS, PlaygroundDataset.CHECKERBOARD, PlaygroundDataset.BLOBS,
                PlaygroundDataset.SPIRALS, PlaygroundDataset.RINGS);
        assertThat(thumbnail(PlaygroundDataset.CIRCLE).isSelected()).isTrue();
        robot.clickOn(thumbnail(PlaygroundDataset.XOR));
        assertThat(vm.datasetProperty().get()).isEqualTo(PlaygroundDataset.XOR);
        assertThat(thumbnail(PlaygroundDataset.XOR).isSelected()).isTrue();
        assertThat(thumbnail(PlaygroundDataset.CIRCLE).isSelected()).isFalse();
        frame(robot, vm);
        assertThat(vm.snapshotProperty().get().settings().dataset()).isEqualTo(PlaygroundDataset.XOR);
    }

    @Test
    void regressionShowsTwoPictures(FxRobot robot) {
        robot.interact(() -> vm.problemProperty().set(ProblemType.REGRESSION));
        assertThat(panel.shownThumbnails()).extracting(DatasetThumbnail::kind).containsExactly(
                PlaygroundDataset.PLANE, PlaygroundDataset.MULTIGAUSS);
        assertThat(thumbnail(PlaygroundDataset.PLANE).isSelected()).isTrue();
        robot.clickOn(thumbnail(PlaygroundDataset.MULTIGAUSS));
        assertThat(vm.datasetProperty().get()).isEqualTo(PlaygroundDataset.MULTIGAUSS);
        robot.interact(() -> vm.problemProperty().set(ProblemType.CLASSIFICATION));
        assertThat(panel.shownThumbnails()).hasSize(9);
    }

    @Test
    void theClassesSliderShowsForManyClassDataOnlyAndSetsTheirNumber(FxRobot robot) throws Exception {
        assertThat(ViewTesting.shown(panel.classesSlider())).isFalse();
        robot.clickOn(thumbnail(PlaygroundDataset.BLOBS));
        assertThat(ViewTesting.shown(panel.classesSlider())).isTrue();
        assertThat(vm.settings().classes()).isEqualTo(3);
        robot.interact(() -> vm.classesProperty().set(5));
        frame(robot, vm);
        assertThat(vm.snapshotProperty().get().settings().classes()).isEqualTo(5);
        assertThat(vm.snapshotProperty().get().network().outputs()).isEqualTo(5);
        assertThat(vm.snapshotProperty().get().split().train().classCount()).isEqualTo(5);
        robot.clickOn(thumbnail(PlaygroundDataset.MOONS));
        assertThat(ViewTesting.shown(panel.classesSlider())).isFalse();
        assertThat(vm.settings().classes()).isEqualTo(2);
    }

    @Test
    void theProblemTypeSitsInTheDataColumnsHeader(FxRobot robot) {
        robot.interact(() -> panel.problemChoice().setValue(ProblemType.REGRESSION));
        assertThat(vm.settings().dataset()).isEqualTo(PlaygroundDataset.PLANE);
        assertThat(panel.shownThumbnails()).hasSize(2);
    }

    @Test
    void thePicturesAreNotFlipped(FxRobot robot) {
        // Gauss: +1 (blue) around (2, 2), top right; −1 (orange) around (−2, −2), bottom left.
        Image image = ViewTesting.snapshot(robot, thumbnail(PlaygroundDataset.GAUSS));
        double w = image.getWidth();
        double h = image.getHeight();
        assertThat(count(image, ColorScale.BLUE, w / 2, w, 0, h / 2)).isGreaterThan(20);
        assertThat(count(image, ColorScale.ORANGE, 0, w / 2, h / 2, h)).isGreaterThan(20);
        assertThat(count(image, ColorScale.BLUE, 0, w / 2, h / 2, h)).isZero();
        assertThat(count(image, ColorScale.ORANGE, w / 2, w, 0, h / 2)).isZero();
    }

    private static int count(Image image, int colour, double x0, double x1, double y0, double y1) {
        int n = 0;
        for (int x = (int) x0; x < x1; x++) {
            for (int y = (int) y0; y < y1; y++) {
                if (ViewTesting.distance(ViewTesting.argb(image, x, y), colour) < 30) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aSliderChangesTheSettingOnlyWhenLetGo(FxRobot robot) {
        SettingSlider ratio = panel.ratioSlider();
        List<Number> changes = new ArrayList<>();
        robot.interact(() -> vm.trainPercentProperty().addListener((o, was, now) -> changes.add(now)));
        robot.interact(() -> {
            Slider s = ratio.slider();
            s.setValueChanging(true);
            s.setValue(63);
            s.setValue(71);
            s.setValue(78.4);
        });
        assertThat(ratio.text()).isEqualTo("Ratio of training to test data: 80%");
        assertThat(vm.trainPercentProperty().get()).isEqualTo(50);
        robot.interact(() -> ratio.slider().setValueChanging(false));
        assertThat(vm.trainPercentProperty().get()).isEqualTo(80);
        assertThat(changes).containsExactly(80.0);
    }

    @Test
    void aDragSendsOneChange(FxRobot robot) {
        SettingSlider batch = panel.batchSlider();
        List<Number> changes = new ArrayList<>();
        robot.interact(() -> vm.batchSizeProperty().addListener((o, was, now) -> changes.add(now)));
        Node thumb = batch.slider().lookup(".thumb");
        robot.drag(thumb).moveBy(20, 0).moveBy(20, 0).moveBy(20, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        assertThat(changes).hasSize(1);
        assertThat(vm.batchSizeProperty().get()).isGreaterThan(10);
        assertThat(batch.text()).isEqualTo("Batch size: " + vm.batchSizeProperty().get());
    }

    @Test
    void theKeyboardStepsASlider(FxRobot robot) {
        robot.clickOn(panel.noiseSlider().slider().lookup(".thumb"));
        robot.type(KeyCode.RIGHT);
        assertThat(vm.noisePercentProperty().get()).isEqualTo(5);
        assertThat(panel.noiseSlider().text()).isEqualTo("Noise: 5");
    }

    @Test
    void theViewModelMovesTheSliders(FxRobot robot) {
        robot.interact(() -> vm.batchSizeProperty().set(25));
        assertThat(panel.batchSlider().slider().getValue()).isEqualTo(25);
        assertThat(panel.batchSlider().text()).isEqualTo("Batch size: 25");
    }

    @Test
    void theLeftoverChoiceSitsUnderTheBatchSizeShowsPlaygroundsWayAndChangesTheSetting(FxRobot robot)
            throws Exception {
        var choice = panel.leftoverChoice();
        assertThat(panel.getChildren().indexOf(choice.getParent()))
                .isEqualTo(panel.getChildren().indexOf(panel.batchSlider()) + 1);
        assertThat(choice.getValue()).isEqualTo(LeftoverExamples.CARRY_OVER);
        assertThat(choice.getItems()).containsExactly(LeftoverExamples.CARRY_OVER,
                LeftoverExamples.SMALLER_LAST_BATCH);
        assertThat(choice.getConverter().toString(LeftoverExamples.CARRY_OVER)).isEqualTo("Carry over (Playground)");
        assertThat(choice.getTooltip().getText()).contains("TF Playground", "Keras", "next epoch");
        assertThat(choice.getParent().getBoundsInParent().getMaxY()).isLessThan(560);

        robot.clickOn(choice);
        robot.clickOn("Smaller last batch (Keras)");
        assertThat(vm.leftoverProperty().get()).isEqualTo(LeftoverExamples.SMALLER_LAST_BATCH);
        assertThat(vm.settings().leftover()).isEqualTo(LeftoverExamples.SMALLER_LAST_BATCH);
        frame(robot, vm);
        assertThat(vm.snapshotProperty().get().config().leftover()).isEqualTo(LeftoverExamples.SMALLER_LAST_BATCH);

        robot.interact(() -> vm.leftoverProperty().set(LeftoverExamples.CARRY_OVER));
        assertThat(choice.getValue()).isEqualTo(LeftoverExamples.CARRY_OVER);
    }

    @Test
    void theValidationShareShowsWholeBesideTheEarlyStoppingSwitchInTheWindowsColumn(FxRobot robot) throws Exception {
        Scene[] scene = new Scene[1];
        robot.interact(() -> {
            PlaygroundViewModel window = fx.playground(PlaygroundSettings.defaults());
            scene[0] = fx.show(new MainWindow(window, Runnable::run, 1024, 640).scene());
            // Switched on with no validation data, early stopping sets 20 % aside: the widest label it shows.
            window.earlyStoppingProperty().set(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> scene[0].getRoot().layout());
        Label label = robot.from(scene[0].getRoot()).lookup(".setting-label")
                .match((Label l) -> l.getText().startsWith("Validation: ")).queryAs(Label.class);
        var row = label.getParent().getChildrenUnmodifiable();
        CheckBox stop = (CheckBox) row.get(row.size() - 1);
        assertThat(stop.isSelected()).isTrue();
        assertThat(stop.getTooltip().getText()).contains("Keras' EarlyStopping");
        assertThat(label.getText()).isEqualTo("Validation: 20%");
        assertThat(((Text) label.lookup(".text")).getText()).as("the text drawn, not cut by an ellipsis")
                .isEqualTo("Validation: 20%");
        assertThat(label.localToScene(label.getBoundsInLocal()).getMaxX())
                .isLessThanOrEqualTo(stop.localToScene(stop.getBoundsInLocal()).getMinX());
        DataPanel column = robot.from(scene[0].getRoot()).lookup(".data-panel").queryAs(DataPanel.class);
        assertThat(stop.localToScene(stop.getBoundsInLocal()).getMaxX()).as("the switch inside the column")
                .isLessThanOrEqualTo(column.localToScene(column.getBoundsInLocal()).getMaxX()
                        - column.getInsets().getRight());
        ViewTesting.save(ViewTesting.snapshot(robot, scene[0]), "data-column-early-stopping.png");
        assertThat(stop.getText()).as("short, to leave the label its room").isEqualTo("Stop early");
    }

    @Test
    void aBadSeedIsRefusedWithAHintAndAGoodOneApplies(FxRobot robot) throws Exception {
        SeedField seed = panel.seedField();
        assertThat(seed.field().getText()).isEqualTo("1");
        assertThat(seed.hint().isVisible()).isFalse();
        robot.doubleClickOn(seed.field()).eraseText(3).write("12x").type(KeyCode.ENTER);
        assertThat(vm.seedProperty().get()).isEqualTo(1L);
        assertThat(seed.hint().isVisible()).isTrue();
        assertThat(seed.hint().getText()).contains("12x").contains("stays 1");
        ViewTesting.save(ViewTesting.snapshot(robot, panel), "data-panel-bad-seed.png");
        robot.eraseText(3).write("42").type(KeyCode.ENTER);
        assertThat(vm.seedProperty().get()).isEqualTo(42L);
        assertThat(seed.hint().isVisible()).isFalse();

        robot.clickOn(panel.regenerateButton());
        assertThat(vm.seedProperty().get()).isEqualTo(43L);
        assertThat(seed.field().getText()).isEqualTo("43");
    }
}
