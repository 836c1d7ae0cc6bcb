package io.neuralplayground.ui.viewmodel.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.app.PlaygroundObjective;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.Network;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.tune.Algorithm;
import io.neuralplayground.tune.FloatRange;
import io.neuralplayground.tune.Hyperparameter;
import io.neuralplayground.tune.IntRange;
import io.neuralplayground.tune.LocalTrialExecutor;
import io.neuralplayground.tune.Search;
import io.neuralplayground.tune.SearchOutcome;
import io.neuralplayground.tune.SearchProblem;
import io.neuralplayground.tune.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Tuning tab's view model without the FX thread: its rows read as the search space format, and a search it runs
 * finds the very trials and scores the search engine finds on its own, measures the best once and applies it.
 */
class TuningViewModelTest {
    private static final PlaygroundSettings BASE = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR)
            .withValidationShare(0.2);

    @TempDir
    Path dir;

    @Test
    void rowsReadAsTheSearchSpaceFormatAndBack() {
        Hyperparameter units = SpaceRowSyntax.parse("units", "2..8 step 2", "layers = 2, 3");
        assertThat(units).isInstanceOf(IntRange.class);
        assertThat(((IntRange) units).step()).isEqualTo(2);
        assertThat(units.condition().requirements()).containsEntry("layers", List.of(2, 3));
        Hyperparameter rate = SpaceRowSyntax.parse("learning_rate", "0.001..1.0 log", "");
        assertThat(rate).isEqualTo(new FloatRange("learning_rate", 0.001, 1.0, 0, true, null));
        Hyperparameter features = SpaceRowSyntax.parse("features", "\"x1,x2\", all", "");
        assertThat(SpaceRowSyntax.values(features)).isEqualTo("\"x1,x2\", all");
        for (Hyperparameter h : List.of(units, rate, features, SpaceRowSyntax.parse("a", "relu, tanh", ""),
                SpaceRowSyntax.parse("b", "3", ""))) {
            assertThat(SpaceRowSyntax.parse(h.name(), SpaceRowSyntax.values(h), SpaceRowSyntax.when(h)))
                    .as("%s back from its row", h).isEqualTo(h);
        }
    }

    @Test
    void rowsThatOnlyLookLikeRangesOrConditionsAreRefusedOnTheRow() {
        for (String text : List.of("2..8 step2", "1..3 log step 2", "1..3, 5", "0.1..1 step 0")) {
            assertThatThrownBy(() -> SpaceRowSyntax.parse("units", text, "")).as(text)
                    .isInstanceOf(io.neuralplayground.PlaygroundException.class)
                    .hasMessageStartingWith("hyperparameter \"units\": ");
        }
        assertThatThrownBy(() -> SpaceRowSyntax.parse("units_2", "2..8", "layers = 2; layers = 3"))
                .hasMessageContaining("names layers twice");

        TuningViewModel vm = viewModel(new AtomicReference<>());
        vm.rows().get(1).whenProperty().set("layers = 2, 3");
        vm.rows().get(0).usedProperty().set(false);
        assertThatThrownBy(vm::problem).hasMessageContaining("the layers row is not ticked");
    }

    @Test
    void aBadRowSaysWhatIsWrongAndTheSearchDoesNotStart() {
        TuningViewModel vm = viewModel(new AtomicReference<>());
        SpaceRow row = vm.rows().get(1);
        row.valuesProperty().set("8..2");
        assertThat(row.problemProperty().get()).contains("units").contains("min 8 is greater than max 2");
        assertThat(vm.start()).isFalse();
        assertThat(vm.errorProperty().get()).contains("min 8 is greater than max 2");
        assertThat(vm.phaseProperty().get()).isEqualTo(TuningViewModel.Phase.READY);

        row.valuesProperty().set("2..8");
        vm.rows().add(new SpaceRow("dropout", "0.1..0.5", ""));
        assertThat(vm.start()).isFalse();
        assertThat(vm.errorProperty().get()).contains("\"dropout\"").contains("not one the playground knows");
    }

    @Test
    void aSearchInTheTabFindsWhatTheSearchEngineFindsAndAppliesTheBest() throws Exception {
        AtomicReference<Network> applied = new AtomicReference<>();
        TuningViewModel vm = viewModel(applied);
        vm.algorithmProperty().set(TuningViewModel.AlgorithmChoice.RANDOM);
        vm.trialsProperty().set(6);
        vm.epochsProperty().set(20);
        vm.parallelProperty().set(2);
        vm.seedProperty().set(5L);
        vm.resultsFolderProperty().set(dir.resolve("results"));
        SearchProblem problem = vm.problem();

        assertThat(vm.start()).isTrue();
        runToEnd(vm);

        assertThat(vm.phaseProperty().get()).isEqualTo(TuningViewModel.Phase.FINISHED);
        assertThat(vm.trials()).hasSize(6).allMatch(TrialRow::isComplete);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        PlaygroundObjective objective = new PlaygroundObjective(BASE, problem.goal(), null);
        SearchOutcome alone = Search.builder(problem, Algorithm.random(6, 20), objective).seed(5)
                .executor(new LocalTrialExecutor(1)).build().run();
        List<TrialResult> inTab = vm.results();
        for (int i = 0; i < 6; i++) {
            assertThat(inTab.get(i).sameOutcome(alone.trials().get(i))).as("trial %d", i).isTrue();
        }
        assertThat(vm.curves().all()).hasSize(6).allMatch(c -> c.size() == 20 && !vm.curves().isCut(c));
        assertThat(vm.history()).hasSize(6);
        assertThat(vm.history().get(5).bestSoFar()).isEqualTo(alone.best().get().value());
        assertThat(vm.bestTextProperty().get()).contains("trial " + alone.best().get().number())
                .contains("on the test data (measured once, after the search)");
        assertThat(vm.canApplyBestProperty().get()).isTrue();
        assertThat(vm.applyBest()).isTrue();
        assertThat(applied.get().sameParameters(vm.bestTrained().network())).isTrue();

        Path csv = dir.resolve("trials.csv");
        assertThat(vm.exportCsv(csv).get()).isEqualTo(csv);
        assertThat(Files.readAllLines(csv)).hasSize(7).first().asString().startsWith("number,state,value,params_");

        // The same results folder again: every trial is read back, none run.
        assertThat(vm.start()).isTrue();
        runToEnd(vm);
        assertThat(vm.trials()).hasSize(6).allMatch(TrialRow::resumed);
        assertThat(vm.progressTextProperty().get()).startsWith("6 trials: 6 read back from the results folder, 0 run");
    }

    @Test
    void aSearchThatFailsStopsItsRunningTrialsAndSaysWhy() throws Exception {
        TuningViewModel vm = viewModel(new AtomicReference<>());
        vm.algorithmProperty().set(TuningViewModel.AlgorithmChoice.RANDOM);
        vm.trialsProperty().set(50);
        vm.epochsProperty().set(400);
        vm.parallelProperty().set(2);
        Path results = dir.resolve("results");
        vm.resultsFolderProperty().set(results);
        assertThat(vm.start()).isTrue();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (vm.results().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
            vm.onFrame();
        }
        // The folder's trials/ becomes a file: the next trial record cannot be written.
        try (var files = Files.walk(results.resolve("trials"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.writeString(results.resolve("trials"), "not a folder");
        runToEnd(vm);

        assertThat(vm.phaseProperty().get()).isEqualTo(TuningViewModel.Phase.READY);
        assertThat(vm.errorProperty().get()).startsWith("The search stopped: ");
        assertThat(vm.trials()).as("no row is left running").noneMatch(r -> r.state() == TrialRow.State.RUNNING);
        int rows = vm.trials().size();
        Thread.sleep(300);
        vm.onFrame();
        assertThat(vm.trials()).as("the trials that ran stopped, and no new one started").hasSize(rows)
                .noneMatch(r -> r.state() == TrialRow.State.RUNNING);
    }

    @Test
    void theBestTrialOfASearchReplacedByANewOneIsNotMeasuredNorOffered() throws Exception {
        java.util.ArrayDeque<Runnable> later = new java.util.ArrayDeque<>();
        TuningViewModel vm = new TuningViewModel(() -> BASE, (settings, network) -> { }, later::add, Runnable::run,
                0);
        vm.algorithmProperty().set(TuningViewModel.AlgorithmChoice.RANDOM);
        vm.trialsProperty().set(2);
        vm.epochsProperty().set(30);
        assertThat(vm.start()).isTrue();
        runToEnd(vm);
        assertThat(later).as("the best trial waits to be trained again").hasSize(1);
        Runnable stale = later.poll();

        vm.seedProperty().set(99L);
        assertThat(vm.start()).isTrue();
        stale.run();
        assertThat(vm.canApplyBestProperty().get()).as("the first search's best is not offered").isFalse();
        runToEnd(vm);
        later.poll().run();
        assertThat(vm.canApplyBestProperty().get()).isTrue();
        assertThat(vm.bestTextProperty().get()).contains("measured once");
    }

    @Test
    void applyBestKeepsThePlaygroundsEarlyStopping() throws Exception {
        io.neuralplayground.engine.EarlyStopping rule = io.neuralplayground.engine.EarlyStopping.defaults()
                .withPatience(7);
        AtomicReference<PlaygroundSettings> applied = new AtomicReference<>();
        TuningViewModel vm = new TuningViewModel(() -> BASE.withEarlyStopping(rule),
                (settings, network) -> applied.set(settings), Runnable::run, Runnable::run, 0);
        vm.algorithmProperty().set(TuningViewModel.AlgorithmChoice.RANDOM);
        vm.trialsProperty().set(2);
        vm.epochsProperty().set(10);
        assertThat(vm.start()).isTrue();
        runToEnd(vm);
        assertThat(vm.applyBest()).isTrue();
        assertThat(applied.get().earlyStopping()).isEqualTo(rule);
        assertThat(applied.get().hiddenLayers()).isEqualTo(vm.bestTrained().settings().hiddenLayers());
    }

    @Test
    void aResultsFolderOfTrialsOnOtherDataIsNotResumed() throws Exception {
        AtomicReference<PlaygroundSettings> playground = new AtomicReference<>(BASE);
        TuningViewModel vm = new TuningViewModel(playground::get, (settings, network) -> { }, Runnable::run,
                Runnable::run, 0);
        vm.algorithmProperty().set(TuningViewModel.AlgorithmChoice.RANDOM);
        vm.trialsProperty().set(2);
        vm.epochsProperty().set(5);
        vm.resultsFolderProperty().set(dir.resolve("results"));
        assertThat(vm.start()).isTrue();
        runToEnd(vm);
        assertThat(vm.results()).hasSize(2);

        // What the space searches (as Apply best changes it) is no reason to refuse: the trials set it themselves.
        playground.set(BASE.withLearningRate(0.5).withHidden(List.of(3), List.of(
                io.neuralplayground.engine.Activation.RELU)));
        assertThat(vm.start()).isTrue();
        runToEnd(vm);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.trials()).hasSize(2).allMatch(TrialRow::resumed);

        playground.set(BASE.withDataset(PlaygroundDataset.CIRCLE));
        vm.start();
        runToEnd(vm);
        assertThat(vm.errorProperty().get()).contains("Cannot resume the search")
                .contains("trained_on.dataset is xor there, circle here");
        assertThat(vm.trials()).noneMatch(TrialRow::resumed);
    }

    @Test
    void hyperbandCurvesOfConfigurationsNotPromotedAreCut() throws Exception {
        TuningViewModel vm = viewModel(new AtomicReference<>());
        vm.algorithmProperty().set(TuningViewModel.AlgorithmChoice.HYPERBAND);
        vm.maxEpochsProperty().set(9);
        vm.factorProperty().set(3);
        assertThat(vm.start()).isTrue();
        runToEnd(vm);
        List<LearningCurves.Curve> cut = new ArrayList<>();
        vm.curves().all().stream().filter(vm.curves()::isCut).forEach(cut::add);
        assertThat(cut).isNotEmpty().allMatch(c -> c.size() < 9);
        assertThat(vm.curves().all()).anyMatch(c -> c.size() == 9);
        assertThat(vm.trials()).anyMatch(r -> r.bracket() != null && r.round() != null && r.round() > 0);

        // Two of KerasTuner's hyperband_iterations run every bracket twice, with configurations of their own.
        int onePass = vm.trials().size();
        vm.iterationsProperty().set(2);
        assertThat(vm.start()).isTrue();
        runToEnd(vm);
        assertThat(vm.trials()).hasSize(2 * onePass);
    }

    @Test
    void aSpaceSavedIsTheSpaceOpened() throws Exception {
        TuningViewModel vm = viewModel(new AtomicReference<>());
        vm.rows().get(1).whenProperty().set("layers = 2, 3");
        vm.objectiveProperty().set("val_accuracy");
        SearchProblem before = vm.problem();
        Path file = dir.resolve("space.json");
        vm.saveSpace(file).get();
        TuningViewModel other = viewModel(new AtomicReference<>());
        other.openSpace(file).get();
        assertThat(other.problem().space()).isEqualTo(before.space());
        assertThat(other.objectiveProperty().get()).isEqualTo("val_accuracy");

        Files.writeString(dir.resolve("bad.yaml"), "objective: val_loss\nhyperparameters:\n  - {name: units}\n");
        int rows = other.rows().size();
        assertThat(other.openSpace(dir.resolve("bad.yaml"))).failsWithin(java.time.Duration.ofSeconds(10));
        assertThat(other.errorProperty().get()).contains("bad.yaml");
        assertThat(other.rows()).hasSize(rows);
    }

    private static TuningViewModel viewModel(AtomicReference<Network> applied) {
        return new TuningViewModel(() -> BASE, (settings, network) -> applied.set(network), Runnable::run,
                Runnable::run, 0);
    }

    private static void runToEnd(TuningViewModel vm) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (vm.phaseProperty().get() == TuningViewModel.Phase.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(10);
            vm.onFrame();
        }
    }
}
