package io.neuralplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.Feature;
import io.neuralplayground.data.Point;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.formats.ModelFormat;
import io.neuralplayground.io.json.SessionFile;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The tabs of the main window and their keys, clicked and typed as a person would. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private PlaygroundViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        fx.start(stage);
        vm = fx.playground(PlaygroundSettings.defaults());
        vm.onFrame();
        window = new MainWindow(vm, Runnable::run, 1400, 860);
        fx.show(window.scene());
    }

    private Node tabHeader(FxRobot robot, String title) {
        return robot.lookup(".tab-label").queryAll().stream()
                .filter(n -> n instanceof Label l && l.getText().equals(title))
                .findFirst().orElseThrow();
    }

    @Test
    void arrowsStepTheStepperAfterItsTabIsClicked(FxRobot robot) throws Exception {
        robot.clickOn(tabHeader(robot, "Backprop stepper"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.selected()).isEqualTo(MainWindow.View.STEPPER);
        int before = window.stepper().index();
        robot.type(KeyCode.RIGHT, 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.selected()).isEqualTo(MainWindow.View.STEPPER);
        assertThat(window.stepper().index()).isEqualTo(before + 3);
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stepper().index()).isEqualTo(window.stepper().stepCountProperty().get());
    }

    @Test
    void theExportMenuOffersEveryFormatAndTheImportDialogIsThere(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu file = bar.getMenus().stream().filter(m -> m.getText().equals("File"))
                .findFirst().orElseThrow();
        Menu export = (Menu) file.getItems().stream()
                .filter(i -> "Export network".equals(i.getText())).findFirst().orElseThrow();
        assertThat(export.getItems()).extracting(MenuItem::getText).containsExactly(
                Arrays.stream(ModelFormat.values())
                        .map(f -> f.title() + " (" + f.extension() + ")…").toArray(String[]::new));
        assertThat(file.getItems()).extracting(MenuItem::getText)
                .contains("Open…", "Open recent", "Save", "Save as…", "Import network…");
    }

    @Test
    void openMenuOpensTheSubmenusOnTheWayForPictures(FxRobot robot) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> MenuOpener.open(window.menuBar(), "File")));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> MenuOpener.open(window.menuBar(), "File", "Export network")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Java source (.java)…").tryQuery()).isPresent();
        String refusal = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            try {
                MenuOpener.open(window.menuBar(), "File", "Nonsense");
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }));
        assertThat(refusal).contains("'Nonsense'");
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> bar.getMenus().forEach(
                Menu::hide)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aKerasFileOpensInTheStepper(@TempDir Path dir) throws Exception {
        Network network = Network.of(3, new int[] {2}, Activation.SIGMOID, 2, Activation.SOFTMAX);
        Path file = dir.resolve("tiny.keras");
        ModelFormat.KERAS.write(new Model(List.of("a", "b", "c"), network), file);
        boolean opened = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.openModel(file)))
                .get(10, TimeUnit.SECONDS);
        assertThat(opened).isTrue();
        assertThat(window.selected()).isEqualTo(MainWindow.View.STEPPER);
        assertThat(window.teaching().network().source()).isEqualTo("tiny.keras");
        assertThat(window.teaching().network().network().describe()).isEqualTo("3-2-2");
        assertThat(window.teaching().network().network().outputLayer().activation())
                .isEqualTo(Activation.SOFTMAX);
    }

    @Test
    void theShareStringGoesToTheClipboardAndComesBack(FxRobot robot) {
        robot.clickOn("Edit");
        robot.clickOn("Copy share string");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> Clipboard.getSystemClipboard().getString()));
        assertThat(copied).startsWith("dataset=circle&").contains("layers=4,2");
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(copied.replace("dataset=circle", "dataset=spiral").replace("layers=4,2", "layers=5")
                    .replace("activations=tanh,tanh", "activations=relu"));
            Clipboard.getSystemClipboard().setContent(content);
        }));
        String pasted = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> Clipboard.getSystemClipboard().getString()));
        assertThat(pasted).contains("dataset=spiral");
        robot.clickOn("Edit");
        robot.clickOn("Paste share string");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.documents().noticeProperty().get()).isNull();
        assertThat(vm.settings().dataset().id()).isEqualTo("spiral");
        assertThat(vm.settings().hiddenLayers()).containsExactly(5);
        assertThat(vm.settings().hiddenActivations()).containsExactly(Activation.RELU);
    }

    /** Points the playground at four features, a 3-2 relu network and α 0.3, and lets the window see it. */
    private void changeThePlayground(FxRobot robot) throws InterruptedException {
        robot.interact(() -> vm.applySettings(PlaygroundSettings.defaults()
                .withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED, Feature.X2_SQUARED))
                .withHidden(List.of(3, 2), List.of(Activation.RELU, Activation.RELU)).withLearningRate(0.3)));
        vm.session().sync();
        robot.interact(vm::onFrame);
    }

    @Test
    void theTeachingTabsOpenOnThePlaygroundsNetworkAsItIsNow(FxRobot robot) throws Exception {
        changeThePlayground(robot);
        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.selected()).isEqualTo(MainWindow.View.STEPPER);
        assertThat(window.teaching().network().network().describe()).isEqualTo("4-3-2-1");
        assertThat(window.teaching().network().network().layer(0).activation()).isEqualTo(Activation.RELU);
        assertThat(window.teaching().network().learningRate()).isEqualTo(0.3);
        assertThat(window.teaching().network().network().sameParameters(vm.snapshotProperty().get().network()))
                .isTrue();
        Node mark = robot.lookup(".teaching-older-copy").query();
        assertThat(mark.isVisible()).isFalse();

        // While the tab is in use the copy stays frozen, and says that it is older once the playground moves on.
        robot.interact(vm::step);
        vm.session().sync();
        robot.interact(vm::onFrame);
        assertThat(vm.snapshotProperty().get().epoch()).isEqualTo(1);
        assertThat(window.teaching().network().network().sameParameters(vm.snapshotProperty().get().network()))
                .isFalse();
        assertThat(window.teaching().behindProperty().get()).isTrue();
        assertThat(mark.isVisible()).isTrue();

        robot.press(KeyCode.SHORTCUT, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.selected()).isEqualTo(MainWindow.View.GRADIENT_CHECK);
        assertThat(window.teaching().network().network().sameParameters(vm.snapshotProperty().get().network()))
                .as("the gradient check opens on the trained network").isTrue();
        assertThat(window.teaching().behindProperty().get()).isFalse();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.gradientCheck().resultProperty().get() != null
                && !window.gradientCheck().staleProperty().get());
        assertThat(window.gradientCheck().resultProperty().get().entries()).hasSize(
                vm.snapshotProperty().get().network().parameterCount());
    }

    private void trainOneEpoch(FxRobot robot) throws InterruptedException {
        robot.interact(vm::step);
        vm.session().sync();
        robot.interact(vm::onFrame);
    }

    private void pressShortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.SHORTCUT, key).release(key, KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void quittingWithUnsavedChangesAsksSaveDontSaveOrCancel(FxRobot robot, @TempDir Path dir) throws Exception {
        AtomicInteger quits = new AtomicInteger();
        robot.interact(() -> window.onQuit(quits::incrementAndGet));
        pressShortcut(robot, KeyCode.Q);
        assertThat(quits.get()).as("nothing unsaved: no question").isEqualTo(1);

        trainOneEpoch(robot);
        assertThat(window.documents().titleProperty().get()).startsWith("*");
        pressShortcut(robot, KeyCode.Q);
        assertThat(robot.lookup(".unsaved-changes").tryQuery()).isPresent();
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(quits.get()).as("Cancel keeps the window").isEqualTo(1);
        assertThat(window.documents().dirtyProperty().get()).isTrue();

        pressShortcut(robot, KeyCode.Q);
        robot.clickOn("Don't save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(quits.get()).isEqualTo(2);

        Path file = dir.resolve("asked.session.json");
        assertThat(WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.documents().saveAs(file)))
                .get(20, TimeUnit.SECONDS)).isTrue();
        trainOneEpoch(robot);
        assertThat(window.documents().dirtyProperty().get()).isTrue();
        pressShortcut(robot, KeyCode.Q);
        robot.clickOn("Save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> quits.get() == 3);
        assertThat(SessionFile.read(file).progress().epoch()).as("saved before quitting").isEqualTo(2);
        assertThat(window.documents().dirtyProperty().get()).isFalse();
    }

    @Test
    void openingAnotherSessionWithUnsavedChangesAsksFirst(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("earlier.session.json");
        assertThat(WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> window.documents().saveAs(file)))
                .get(20, TimeUnit.SECONDS)).isTrue();
        trainOneEpoch(robot);
        trainOneEpoch(robot);
        assertThat(vm.snapshotProperty().get().epoch()).isEqualTo(2);

        robot.clickOn("File").clickOn("Open recent").clickOn(n -> n instanceof Label l
                && l.getText().startsWith("earlier.session.json"));
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        vm.session().sync();
        robot.interact(vm::onFrame);
        assertThat(vm.snapshotProperty().get().epoch()).as("Cancel opens nothing").isEqualTo(2);

        robot.clickOn("File").clickOn("Open recent").clickOn(n -> n instanceof Label l
                && l.getText().startsWith("earlier.session.json"));
        robot.clickOn("Don't save");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            vm.session().sync();
            robot.interact(vm::onFrame);
            return vm.snapshotProperty().get().epoch() == 0;
        });
        assertThat(window.documents().fileProperty().get()).isEqualTo(file);
    }

    @Test
    void theStatusBarsHintFollowsTheTabAndAnExportSaysWhereItWrote(FxRobot robot, @TempDir Path dir)
            throws Exception {
        StatusBar status = robot.lookup(".playground-status").queryAs(StatusBar.class);
        assertThat(status.getText()).isEqualTo("Paused — press Space to train, → for one epoch");
        robot.clickOn(tabHeader(robot, "Backprop stepper"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).contains("→ next step").doesNotContain("epoch");
        robot.clickOn(tabHeader(robot, "Playground"));
        WaitForAsyncUtils.waitForFxEvents();

        Path file = dir.resolve("net.onnx");
        robot.interact(() -> window.documents().exportModel(ModelFormat.ONNX, file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("Exported"));
        assertThat(status.getText()).isEqualTo("Exported the network (" + ModelFormat.ONNX.title() + ") to "
                + file.toAbsolutePath());
        assertThat(file).exists();
        robot.clickOn(tabHeader(robot, "Autodiff"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).contains("→ next step");
    }

    @Test
    void theTextbookExampleOpensFromTheMenu(FxRobot robot) {
        robot.clickOn("File");
        robot.clickOn("Open example");
        robot.clickOn("Textbook 2-2-2 network (sigmoid, step by step)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.selected()).isEqualTo(MainWindow.View.STEPPER);
        assertThat(window.teaching().network().source()).isEqualTo("textbook-2-2-2.json");
        assertThat(window.teaching().network().network().describe()).isEqualTo("2-2-2");
    }

    /**
     * Whether the session plays once the keys typed so far have done all they do: their events handled on the FX
     * thread (the window's key filter hands them to the view model at once), then every command they gave the
     * session applied.
     */
    private boolean playingAfterTheKeys() throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        vm.session().sync();
        return vm.session().latest().playing();
    }

    @Test
    void spaceTrainsOnlyOnThePlaygroundTab(FxRobot robot) throws Exception {
        robot.clickOn(tabHeader(robot, "Autodiff"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.SPACE);
        assertThat(playingAfterTheKeys()).as("Space on the autodiff tab").isFalse();
        robot.clickOn(tabHeader(robot, "Playground"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.RIGHT);
        vm.session().sync();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.session().latest().epoch() == 1);
        // The same key on the playground's tab plays and pauses: the first check could have failed.
        robot.type(KeyCode.SPACE);
        assertThat(playingAfterTheKeys()).as("Space on the playground's tab").isTrue();
        robot.type(KeyCode.SPACE);
        assertThat(playingAfterTheKeys()).as("Space again").isFalse();
    }

    @Test
    void aRightClickOnAPointStepsThroughBackpropOnIt(FxRobot robot) {
        var example = vm.snapshotProperty().get().split().train();
        robot.interact(() -> vm.stepThrough(new Point(example.value(0, 0),
                example.value(0, 1), example.label(0))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.selected()).isEqualTo(MainWindow.View.STEPPER);
        double[] input = window.teaching().examples().inputs()[0];
        assertThat(input).containsExactly(example.value(0, 0), example.value(0, 1));
    }
}
