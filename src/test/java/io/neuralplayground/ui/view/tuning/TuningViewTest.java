package io.neuralplayground.ui.view.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.tune.SearchSpaceFile;
import io.neuralplayground.ui.FxFixture;
import io.neuralplayground.ui.viewmodel.tuning.SpaceRow;
import io.neuralplayground.ui.viewmodel.tuning.TrialRow;
import io.neuralplayground.ui.viewmodel.tuning.TuningViewModel;
import io.neuralplayground.ui.viewmodel.tuning.TuningViewModel.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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

/**
 * The Tuning tab's buttons clicked as a person would, with the file choosers answered by the test: Open space and
 * Save space (a condition typed into a row goes into the file), the results folder, Export table, Cancel search, and
 * a bad file that changes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class TuningViewTest {
    @RegisterExtension
    final FxFixture fx = new FxFixture();
    @TempDir
    Path dir;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final AnsweredFiles files = new AnsweredFiles();
    private TuningViewModel vm;

    @Start
    void start(Stage stage) {
        fx.start(stage);
        PlaygroundSettings settings = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR)
                .withValidationShare(0.2);
        vm = new TuningViewModel(() -> settings, (s, n) -> { }, background, Platform::runLater);
        fx.show(new TuningView(vm, files), 1400, 900);
    }

    @AfterEach
    void stop() {
        vm.close();
        background.shutdownNow();
    }

    @Test
    void openSpaceFillsTheRowsAndSaveSpaceWritesAConditionTypedIntoARow(FxRobot robot) throws Exception {
        Path yaml = dir.resolve("lecture.yaml");
        Files.writeString(yaml, """
                objective: val_accuracy
                hyperparameters:
                  - {name: layers, type: int, min: 1, max: 2}
                  - {name: units_2, type: int, min: 2, max: 8, when: {layers: [2]}}
                  - {name: activation, type: choice, values: [relu, tanh]}
                """);
        files.spaceToOpen = yaml;
        robot.clickOn("Open space…");
        waitUntil(robot, () -> vm.rows().size() == 3);
        assertThat(vm.rows()).extracting(r -> r.name().get()).containsExactly("layers", "units_2", "activation");
        assertThat(vm.objectiveProperty().get()).isEqualTo("val_accuracy");
        List<TextField> when = robot.lookup(".space-when").queryAllAs(TextField.class).stream().toList();
        assertThat(when.get(1).getText()).isEqualTo("layers = 2");
        assertThat(noteText(robot)).isEqualTo("Opened lecture.yaml: 3 hyperparameters");

        // The activation is searched only for two layers: typed into its row, as a user would.
        robot.clickOn(when.get(2)).write("layers = 2");
        Path saved = dir.resolve("saved.json");
        files.spaceToSave = saved;
        robot.clickOn("Save space…");
        waitUntil(robot, () -> Files.exists(saved));
        assertThat(SearchSpaceFile.read(saved).space().hyperparameters().get(2).condition().requirements())
                .containsEntry("layers", List.of(2));
        assertThat(noteText(robot)).isEqualTo("Saved the search space to saved.json");
    }

    @Test
    void aSearchWritesItsResultsFolderAndExportWritesTheTable(FxRobot robot) throws Exception {
        Path results = dir.resolve("results");
        files.resultsFolder = results;
        robot.clickOn("Results folder…");
        assertThat(robot.lookup(n -> n instanceof Label l && results.toString().equals(l.getText())).tryQuery())
                .isPresent();
        robot.interact(() -> {
            vm.algorithmProperty().set(TuningViewModel.AlgorithmChoice.RANDOM);
            vm.trialsProperty().set(3);
            vm.epochsProperty().set(5);
            vm.parallelProperty().set(1);
        });
        robot.clickOn("Start");
        waitUntil(robot, () -> vm.canApplyBestProperty().get());
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.FINISHED);
        assertThat(Files.list(results.resolve("trials")).count())
                .as("a file per finished trial").isEqualTo(3);

        Path csv = dir.resolve("table.csv");
        files.tableTarget = csv;
        robot.clickOn("Export table…");
        waitUntil(robot, () -> Files.exists(csv));
        assertThat(Files.readAllLines(csv)).hasSize(4).first().asString().startsWith("number,");
        assertThat(noteText(robot)).isEqualTo("Wrote the 3 trials to table.csv");

        robot.clickOn(robot.lookup(n -> n instanceof Button b && "×".equals(b.getText())
                && b.getTooltip() != null && b.getTooltip().getText().startsWith("Write no results folder"))
                .queryButton());
        assertThat(vm.resultsFolderProperty().get()).isNull();
    }

    @Test
    void startingAgainAsksBeforeItReplacesTrialsThatAreNowhereElse(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.algorithmProperty().set(TuningViewModel.AlgorithmChoice.RANDOM);
            vm.trialsProperty().set(3);
            vm.epochsProperty().set(5);
        });
        robot.clickOn("Start");
        waitUntil(robot, () -> vm.phaseProperty().get() == Phase.FINISHED);
        assertThat(vm.resultsWouldBeLost()).isTrue();

        robot.clickOn("Start");
        waitUntil(robot, () -> robot.lookup(".replace-search").tryQuery().isPresent());
        assertThat(robot.lookup(".replace-search").queryAs(DialogPane.class).getContentText())
                .startsWith("The table's 3 trials are in no results folder");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.phaseProperty().get()).as("Cancel starts nothing").isEqualTo(Phase.FINISHED);
        assertThat(vm.trials()).hasSize(3);

        files.tableTarget = dir.resolve("kept.csv");
        robot.clickOn("Export table…");
        waitUntil(robot, () -> !vm.resultsWouldBeLost());
        robot.interact(() -> vm.trialsProperty().set(2));
        robot.clickOn("Start");
        waitUntil(robot, () -> vm.phaseProperty().get() == Phase.FINISHED && vm.trials().size() == 2);
        assertThat(robot.lookup(".replace-search").tryQuery()).as("exported trials are replaced without asking")
                .isEmpty();
    }

    @Test
    void cancelSearchStopsTheTrialsAndKeepsTheFinishedOnes(FxRobot robot) {
        robot.interact(() -> {
            vm.algorithmProperty().set(TuningViewModel.AlgorithmChoice.RANDOM);
            vm.trialsProperty().set(200);
            vm.epochsProperty().set(300);
            vm.parallelProperty().set(1);
        });
        robot.clickOn("Start");
        waitUntil(robot, () -> vm.trials().stream().filter(TrialRow::isComplete).count() >= 1);
        robot.clickOn("Cancel search");
        waitUntil(robot, () -> vm.phaseProperty().get() == Phase.CANCELLED);
        long complete = vm.trials().stream().filter(TrialRow::isComplete).count();
        assertThat(complete).isBetween(1L, 199L);
        assertThat(vm.trials()).as("no trial is left running").noneMatch(t -> t.state() == TrialRow.State.RUNNING);
        vm.trials().stream().filter(t -> t.state() == TrialRow.State.STOPPED).forEach(t -> {
            assertThat(t.status()).isEqualTo("stopped");
            assertThat(vm.curves().all()).filteredOn(c -> c.trial() == t.number()).singleElement()
                    .matches(c -> vm.curves().isCut(c), "marked as cut on the learning curves");
        });
        assertThat(button(robot, "_Start").isDisabled()).as("Start is offered again").isFalse();
        assertThat(button(robot, "_Cancel search").isDisabled()).isTrue();
    }

    @Test
    void aBadSpaceFileIsNamedInAnAlertAndChangesNothing(FxRobot robot) throws Exception {
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{\"objective\": \"val_loss\", \"hyperparameters\": [{\"name\": \"units\", "
                + "\"type\": \"int\", \"min\": 8, \"max\": 2}]}");
        List<String> before = vm.rows().stream().map(SpaceRow::valuesProperty).map(p -> p.get()).toList();
        files.spaceToOpen = bad;
        robot.clickOn("Open space…");
        waitUntil(robot, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane alert = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(alert.getContentText()).contains("broken.json").contains("min 8 is greater than max 2");
        assertThat(alert.getHeaderText()).isEqualTo("The Tuning tab ran into a problem");
        robot.clickOn("OK");
        assertThat(vm.rows().stream().map(SpaceRow::valuesProperty).map(p -> p.get()).toList()).isEqualTo(before);
    }

    @Test
    void aSeedThatIsNoNumberStopsStartWithAMessage(FxRobot robot) {
        robot.clickOn(seedField(robot)).write("12x");
        robot.clickOn("Start");
        waitUntil(robot, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane").queryAs(DialogPane.class).getContentText())
                .startsWith("The seed \"12x\" is not a whole number");
        robot.clickOn("OK");
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(vm.trials()).isEmpty();
    }

    @Test
    void aNumberTypedIntoASpinnerCountsWithoutEnterAndBadTextIsNotTaken(FxRobot robot) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> trials = robot.lookup(n -> n instanceof javafx.scene.control.Spinner<?> s
                && s.getTooltip() != null && s.getTooltip().getText().startsWith("Trials of random"))
                .queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> vm.algorithmProperty().set(TuningViewModel.AlgorithmChoice.RANDOM));
        // Letters are not taken; an empty field gives the value back when focus leaves it.
        robot.doubleClickOn(trials.getEditor()).eraseText(4).write("abc");
        assertThat(trials.getEditor().getText()).isEmpty();
        robot.clickOn(seedField(robot));
        assertThat(trials.getEditor().getText()).isEqualTo("30");
        assertThat(vm.trialsProperty().get()).isEqualTo(30);
        robot.doubleClickOn(trials.getEditor()).eraseText(4).write("99999");
        robot.clickOn(seedField(robot));
        assertThat(trials.getEditor().getText()).as("past the end: the end").isEqualTo("10000");
        robot.doubleClickOn(trials.getEditor()).eraseText(4).write("7");
        robot.clickOn("Start");
        assertThat(vm.trialsProperty().get()).isEqualTo(7);
        waitUntil(robot, () -> vm.phaseProperty().get() == Phase.FINISHED);
        assertThat(vm.trials()).hasSize(7);
    }

    private static TextField seedField(FxRobot robot) {
        return robot.lookup(n -> n instanceof TextField t && t.getPromptText() != null
                && t.getPromptText().startsWith("the playground's")).queryAs(TextField.class);
    }

    private static Button button(FxRobot robot, String text) {
        return robot.lookup(n -> n instanceof Button b && b.getText().equals(text)).queryButton();
    }

    private String noteText(FxRobot robot) {
        return robot.lookup(".tuning-note").queryAs(Label.class).getText();
    }

    /** Waits while the frames take what the search and the file work said. */
    private void waitUntil(FxRobot robot, BooleanSupplier done) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                robot.interact(vm::onFrame);
                return done.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out", e);
        }
    }

    /** The choosers' answers, set by each test before it clicks. */
    private static final class AnsweredFiles implements TuningFiles {
        Path spaceToOpen;
        Path spaceToSave;
        Path resultsFolder;
        Path tableTarget;

        @Override
        public Optional<Path> spaceToOpen() {
            return Optional.ofNullable(spaceToOpen);
        }

        @Override
        public Optional<Path> spaceToSave() {
            return Optional.ofNullable(spaceToSave);
        }

        @Override
        public Optional<Path> resultsFolder() {
            return Optional.ofNullable(resultsFolder);
        }

        @Override
        public Optional<Path> tableTarget() {
            return Optional.ofNullable(tableTarget);
        }
    }
}
