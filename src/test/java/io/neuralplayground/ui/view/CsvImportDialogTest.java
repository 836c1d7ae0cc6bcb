package io.neuralplayground.ui.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.app.TaskExecutor;
import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.viewmodel.CsvImport;
import io.neuralplayground.ui.viewmodel.CsvImportViewModel.FeatureChoice;
import io.neuralplayground.ui.viewmodel.CsvImportViewModel.Phase;
import io.neuralplayground.ui.viewmodel.CsvImportViewModel;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Open data… dialog, clicked and typed as a person would, reading on a thread of its own. */
@ExtendWith(ApplicationExtension.class)
class CsvImportDialogTest {
    private static final Path IRIS = Path.of("datasets/iris.csv");

    @RegisterExtension
    final FxFixture fx = new FxFixture();
    @TempDir
    Path dir;

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private CsvImportViewModel vm;
    private CsvImportDialog dialog;

    @Start
    void start(Stage stage) {
        fx.start(stage);
        // The main window's smallest size, for the dialog to sit on.
        fx.show(new StackPane(), 1024, 640);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (dialog != null && dialog.isShowing()) {
                dialog.close();
            }
        });
        worker.shutdownNow();
    }

    /** Shows the dialog on {@code file} and waits until its first rows are read (or refused). */
    private void show(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> {
            vm = new CsvImportViewModel(new TaskExecutor(worker, Platform::runLater), 1);
            dialog = new CsvImportDialog(vm);
            dialog.initOwner(fx.stage());
            vm.load(file);
            dialog.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.phaseProperty().get() != Phase.PREVIEWING);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitUntilClosed() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !dialog.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> ticked(List<FeatureChoice> features) {
        return features.stream().filter(FeatureChoice::isSelected).map(FeatureChoice::name).toList();
    }

    @Test
    void irisShowsItsRowsFourTickedFeaturesAndSpeciesAndOpenGivesTheWholeFile(FxRobot robot) throws Exception {
        show(robot, IRIS);
        assertThat(dialog.previewTable().getColumns()).extracting(c -> c.getText())
                .containsExactly("sepal_length", "sepal_width", "petal_length", "petal_width", "species");
        assertThat(dialog.previewTable().getItems()).hasSize(CsvImportViewModel.PREVIEW_ROWS);
        assertThat(dialog.previewTable().getColumns().get(4).getStyleClass()).contains("label-column");
        assertThat(dialog.labelChoice().getValue()).isEqualTo("species");
        assertThat(dialog.featureList().getItems()).hasSize(4);
        assertThat(ticked(dialog.featureList().getItems())).containsExactly("sepal_length", "sepal_width",
                "petal_length", "petal_width");
        assertThat(robot.lookup("Auto (guess: classification)").tryQuery()).isPresent();
        assertThat(dialog.openButton().isDisabled()).isFalse();
        assertThat(dialog.messageLabel().getText()).isEmpty();

        robot.clickOn(dialog.openButton());
        waitUntilClosed();
        CsvImport result = dialog.getResult();
        assertThat(result).isNotNull();
        assertThat(result.dataset().size()).isEqualTo(150);
        assertThat(result.dataset().classCount()).isEqualTo(3);
        assertThat(result.labelColumn()).isEqualTo("species");
        assertThat(result.featureColumns()).hasSize(4);
    }

    @Test
    void aBadCsvShowsItsErrorAndOpenStaysDisabled(FxRobot robot) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y,label\n1,2,a\n3,\"4,b\n");
        show(robot, bad);
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.PREVIEW_FAILED);
        assertThat(dialog.messageLabel().getText()).startsWith(bad + ", line 3, column 'y': a quoted value starts "
                + "here but its closing quote is missing");
        assertThat(dialog.messageLabel().isVisible()).isTrue();
        assertThat(dialog.openButton().isDisabled()).isTrue();
        robot.type(KeyCode.ESCAPE);
        waitUntilClosed();
        assertThat(dialog.getResult()).isNull();
    }

    @Test
    void untickingEveryFeatureDisablesOpenAndSaysWhy(FxRobot robot) throws Exception {
        show(robot, IRIS);
        robot.clickOn("None");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.openButton().isDisabled()).isTrue();
        assertThat(dialog.messageLabel().getText()).startsWith("Choose at least one feature column");
        assertThat(robot.lookup("Feature columns: 0 of 4 ticked").tryQuery()).isPresent();
        robot.clickOn("All");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.openButton().isDisabled()).isFalse();
    }

    @Test
    void cancelGivesNothing(FxRobot robot) throws Exception {
        show(robot, IRIS);
        robot.clickOn(((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)));
        waitUntilClosed();
        assertThat(dialog.getResult()).isNull();
        assertThat(vm.resultProperty().get()).isNull();
    }

    @Test
    void enterOpensAndEscapeCancels(FxRobot robot) throws Exception {
        show(robot, IRIS);
        robot.type(KeyCode.ESCAPE);
        waitUntilClosed();
        assertThat(dialog.getResult()).isNull();

        show(robot, IRIS);
        robot.type(KeyCode.ENTER);
        waitUntilClosed();
        assertThat(dialog.getResult()).isNotNull();
        assertThat(dialog.getResult().dataset().size()).isEqualTo(150);
    }

    @Test
    void cancelReadingStopsALargeFileAndKeepsTheDialog(FxRobot robot) throws Exception {
        Path large = wide(dir.resolve("large.csv"), 6, 600_000);
        show(robot, large);
        robot.interact(vm::open);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.progressProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        if (vm.phaseProperty().get() == Phase.READING) {
            assertThat(dialog.cancelReadingButton().isVisible()).isTrue();
            assertThat(dialog.openButton().isDisabled()).isTrue();
            assertThat(dialog.previewTable().getColumns()).as("the preview stays while the file is read").hasSize(8);
            ViewTesting.save(ViewTesting.snapshot(robot, dialog.getDialogPane().getScene()), "csv-import-reading.png");
            robot.clickOn(dialog.cancelReadingButton());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.phaseProperty().get()).isEqualTo(Phase.READY);
        }
        assertThat(dialog.isShowing()).isTrue();
        assertThat(dialog.openButton().isDisabled()).isFalse();
        assertThat(dialog.messageLabel().getText()).isEmpty();
    }

    /** A file of {@code columns} numeric columns and a label; {@code rows} rows. */
    private static Path wide(Path file, int columns, int rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                header.append("measurement_").append(c).append(',');
            }
            out.write(header + "note,outcome\n");
            for (int r = 0; r < rows; r++) {
                StringBuilder row = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    row.append((r * 31 + c * 7) % 100 / 10.0).append(',');
                }
                out.write(row + "n" + r + "," + (r % 2 == 0 ? "yes" : "no") + "\n");
            }
        }
        return file;
    }

    /** The dialog's window fits the smallest main window, and nothing in it spills out of it. */
    private void checkFits() {
        Scene scene = dialog.getDialogPane().getScene();
        assertThat(scene.getWidth()).isLessThanOrEqualTo(1024);
        assertThat(scene.getHeight()).isLessThanOrEqualTo(640 - 30);
        for (Node node : dialog.getDialogPane().lookupAll(".label")) {
            // Labels inside the table and the list are clipped by them: their scroll bars take them in.
            if (node instanceof Labeled && ViewTesting.shown(node) && !inScrolledControl(node)) {
                Bounds b = node.localToScene(node.getBoundsInLocal());
                if (b.getWidth() > 0) {
                    assertThat(b.getMaxX()).as("%s inside the dialog", node).isLessThanOrEqualTo(scene.getWidth() + 1);
                    assertThat(b.getMaxY()).as("%s inside the dialog", node).isLessThanOrEqualTo(scene.getHeight()
                            + 1);
                }
            }
        }
    }

    private static boolean inScrolledControl(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.TableView<?> || n instanceof javafx.scene.control.ListView<?>) {
                return true;
            }
        }
        return false;
    }

    @Test
    void picturesOfTheDialogOnIrisAndOnAWideFile(FxRobot robot) throws Exception {
        show(robot, IRIS);
        checkFits();
        WritableImage iris = ViewTesting.snapshot(robot, dialog.getDialogPane().getScene());
        System.out.println("wrote " + ViewTesting.save(iris, "csv-import-iris.png").toAbsolutePath());
        robot.interact(dialog::close);

        Path wide = wide(dir.resolve("wide.csv"), 300, 40);
        show(robot, wide);
        assertThat(vm.labelColumnProperty().get()).as("the last column that is not numeric").isEqualTo("outcome");
        assertThat(dialog.featureList().getItems()).hasSize(300);
        assertThat(dialog.previewTable().getColumns()).hasSize(CsvImportDialog.MAX_PREVIEW_COLUMNS);
        assertThat(robot.lookup(".csv-import-features .scroll-bar").queryAllAs(ScrollBar.class))
                .anyMatch(bar -> bar.isVisible());
        robot.interact(() -> vm.labelKindProperty().set(io.neuralplayground.data.LabelKind.REGRESSION));
        WaitForAsyncUtils.waitForFxEvents();
        checkFits();
        WritableImage wideImage = ViewTesting.snapshot(robot, dialog.getDialogPane().getScene());
        System.out.println("wrote " + ViewTesting.save(wideImage, "csv-import-wide.png").toAbsolutePath());
    }
}
