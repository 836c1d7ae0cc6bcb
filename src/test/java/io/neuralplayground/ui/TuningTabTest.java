package io.neuralplayground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import io.neuralplayground.ui.viewmodel.tuning.TuningViewModel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Tuning tab clicked as a person would: Start, the table filling, Apply best putting the best trial in play. */
@ExtendWith(ApplicationExtension.class)
class TuningTabTest {
    @RegisterExtension
    final FxFixture fx = new FxFixture();
    private MainWindow window;
    private PlaygroundViewModel vm;

    @Start
    void start(Stage stage) {
        fx.start(stage);
        vm = fx.playground(PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR));
        vm.onFrame();
        window = new MainWindow(vm, Runnable::run, 1400, 900);
        fx.show(window.scene());
    }

    @Test
    void startFillsTheTableAndApplyBestMakesTheBestTrialThePlaygroundsNetwork(FxRobot robot) throws Exception {
        robot.clickOn(robot.lookup(".tab-label").queryAll().stream()
                .filter(n -> n instanceof Label l && l.getText().equals("Tuning")).findFirst().orElseThrow());
        TuningViewModel tuning = window.tuning();
        robot.interact(() -> {
            tuning.algorithmProperty().set(TuningViewModel.AlgorithmChoice.RANDOM);
            tuning.trialsProperty().set(4);
            tuning.epochsProperty().set(10);
        });
        robot.clickOn("Start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            robot.interact(tuning::onFrame);
            return tuning.canApplyBestProperty().get();
        });
        TableView<?> table = robot.lookup(".table-view").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(4);
        assertThat(table.getColumns()).extracting(c -> c.getText()).contains("#", "Status", "layers", "units",
                "activation", "learning_rate", "val_loss");
        assertThat(tuning.bestTextProperty().get()).contains("measured once");

        robot.clickOn("Apply best");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.selected()).isEqualTo(MainWindow.View.PLAYGROUND);
        assertThat(vm.settings().hiddenLayers()).isEqualTo(tuning.bestTrained().settings().hiddenLayers());
        assertThat(vm.settings().learningRate()).isEqualTo(tuning.bestTrained().settings().learningRate());

        // The trials are in no results folder and the table was not exported: quitting asks first.
        AtomicInteger quits = new AtomicInteger();
        window.onQuit(quits::incrementAndGet);
        Platform.runLater(window::quit);
        DialogPane question = question(robot, ".search-unsaved");
        assertThat(question.getContentText()).startsWith("Its 4 trials are in no results folder");
        robot.clickOn("Quit anyway");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(quits).hasValue(1);
    }

    @Test
    void quittingWhileASearchRunsAsksFirstAndCancelKeepsItRunning(FxRobot robot) throws Exception {
        AtomicInteger quits = new AtomicInteger();
        window.onQuit(quits::incrementAndGet);
        TuningViewModel tuning = window.tuning();
        robot.interact(() -> {
            tuning.algorithmProperty().set(TuningViewModel.AlgorithmChoice.RANDOM);
            tuning.trialsProperty().set(500);
            tuning.epochsProperty().set(2000);
            tuning.parallelProperty().set(1);
            assertThat(tuning.start()).isTrue();
        });
        try {
            Platform.runLater(window::quit);
            DialogPane question = question(robot, ".search-running");
            assertThat(question.getHeaderText()).isEqualTo("Quitting stops the hyperparameter search");
            assertThat(question.getContentText()).contains("No results folder was chosen");
            robot.clickOn("Cancel");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(quits).as("Cancel does not quit").hasValue(0);
            assertThat(tuning.searching()).as("and the search goes on").isTrue();

            Platform.runLater(window::quit);
            question(robot, ".search-running");
            robot.clickOn("Stop search and quit");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(quits).hasValue(1);
        } finally {
            tuning.close();
        }
    }

    @Test
    void quittingWithNoSearchAsksNothingOfIt() {
        assertThat(SearchBeforeLeaving.consequence(1, null)).startsWith("1 trial has finished.");
        assertThat(SearchBeforeLeaving.consequence(12, java.nio.file.Path.of("runs", "spiral")))
                .isEqualTo("12 trials have finished and are kept in spiral; starting the search again on that folder "
                        + "resumes it.");
        AtomicInteger quits = new AtomicInteger();
        window.onQuit(quits::incrementAndGet);
        WaitForAsyncUtils.waitForAsyncFx(5000, window::quit);
        assertThat(quits).hasValue(1);
    }

    private static DialogPane question(FxRobot robot, String query) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        return robot.lookup(query).queryAs(DialogPane.class);
    }
}
