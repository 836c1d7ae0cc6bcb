package io.neuralplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.view.CsvImportDialog;
import io.neuralplayground.ui.viewmodel.CsvImport;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ Open data… and dropped CSV files: the dialog, and its result handed to the window's handler. */
@ExtendWith(ApplicationExtension.class)
class OpenDataTest {
    private static final Path IRIS = Path.of("datasets/iris.csv");

    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private PlaygroundViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        fx.start(stage);
        vm = fx.playground(PlaygroundSettings.defaults().withSeed(5));
        vm.onFrame();
        window = new MainWindow(vm, Runnable::run, 1024, 640);
        fx.show(window.scene());
    }

    private CompletableFuture<Optional<CsvImport>> openIris(FxRobot robot) throws Exception {
        CompletableFuture<Optional<CsvImport>> closed = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(
                () -> window.openData(IRIS)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !button(robot, CsvImportDialog.OPEN).isDisabled());
        return closed;
    }

    private static Button button(FxRobot robot, ButtonType type) {
        DialogPane pane = robot.lookup(".csv-import").queryAs(DialogPane.class);
        return (Button) pane.lookupButton(type);
    }

    @Test
    void theFileMenuHasOpenDataOnShiftCtrlO(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu file = bar.getMenus().stream().filter(m -> m.getText().equals("File")).findFirst().orElseThrow();
        MenuItem openData = file.getItems().stream().filter(i -> "Open data…".equals(i.getText())).findFirst()
                .orElseThrow();
        assertThat(openData.getAccelerator()).isEqualTo(new KeyCodeCombination(KeyCode.O,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
    }

    @Test
    void openingTheDialogsResultGoesToTheHandlerWithThePlaygroundsSeed(FxRobot robot) throws Exception {
        List<CsvImport> handed = new CopyOnWriteArrayList<>();
        robot.interact(() -> window.setDataImportHandler(handed::add));
        CompletableFuture<Optional<CsvImport>> closed = openIris(robot);
        assertThat(handed).as("nothing before Open").isEmpty();
        robot.clickOn(button(robot, CsvImportDialog.OPEN));
        Optional<CsvImport> result = closed.get(20, TimeUnit.SECONDS);
        assertThat(result).isPresent();
        assertThat(handed).containsExactly(result.get());
        assertThat(result.get().dataset().size()).isEqualTo(150);
        assertThat(result.get().seed()).isEqualTo(5L);
        assertThat(vm.settings().dataset().id()).as("the playground is not changed here").isEqualTo("circle");
    }

    @Test
    void cancelHandsNothingOver(FxRobot robot) throws Exception {
        List<CsvImport> handed = new CopyOnWriteArrayList<>();
        robot.interact(() -> window.setDataImportHandler(handed::add));
        CompletableFuture<Optional<CsvImport>> closed = openIris(robot);
        robot.clickOn(button(robot, ButtonType.CANCEL));
        assertThat(closed.get(20, TimeUnit.SECONDS)).isEmpty();
        assertThat(handed).isEmpty();
    }

    @Test
    void byDefaultThePlaygroundTrainsOnTheFileWithTheDialogsChoices(FxRobot robot) throws Exception {
        CompletableFuture<Optional<CsvImport>> closed = openIris(robot);
        robot.type(KeyCode.ENTER);
        CsvImport read = closed.get(20, TimeUnit.SECONDS).orElseThrow();
        vm.session().sync();
        robot.interact(vm::onFrame);
        var settings = vm.settings();
        assertThat(settings.hasDataFile()).isTrue();
        assertThat(settings.data().source()).isEqualTo(IRIS.toString());
        assertThat(settings.data().columns()).containsExactlyElementsOf(read.featureColumns());
        assertThat(settings.trainRatio()).isEqualTo(read.trainRatio());
        assertThat(settings.seed()).isEqualTo(5L);
        var snapshot = vm.snapshotProperty().get();
        assertThat(snapshot.network().outputs()).isEqualTo(3);
        assertThat(snapshot.split().train().size()).isEqualTo((int) Math.floor(150 * read.trainRatio() + 1e-9));
        assertThat(window.selected()).isEqualTo(MainWindow.View.PLAYGROUND);
    }

    @Test
    void aBadCsvLeavesThePlaygroundAsItWas(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path bad = dir.resolve("bad.csv");
        java.nio.file.Files.writeString(bad, "a,b,label\n1,2,x\n3,oops,y\n");
        var before = vm.settings();
        robot.interact(() -> window.openData(bad));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.settings()).isEqualTo(before);
    }

    @Test
    void csvFilesGoToTheDataDialogByTheirName() {
        assertThat(MainWindow.isDataFile(Path.of("a/iris.csv"))).isTrue();
        assertThat(MainWindow.isDataFile(Path.of("IRIS.CSV"))).isTrue();
        assertThat(MainWindow.isDataFile(Path.of("spiral.session.json"))).isFalse();
        assertThat(MainWindow.isDataFile(Path.of("network.npz"))).isFalse();
        assertThat(MainWindow.isDataFile(Path.of("csv"))).isFalse();
    }
}
