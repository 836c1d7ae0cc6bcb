package io.neuralplayground.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchTest {
    static final SearchSpace SPACE = SearchSpace.of(
            Hyperparameter.intRange("layers", 1, 3),
            Hyperparameter.choice("activation", "relu", "tanh", "sigmoid"),
            Hyperparameter.floatRange("learning_rate", 0.001, 1).withLog(),
            Hyperparameter.intRange("units_2", 2, 6).withStep(2).onlyWhen(Condition.of("layers", 2, 3)));
    static final SearchProblem PROBLEM = new SearchProblem(Goal.of("val_loss"), SPACE);
    static final SearchProblem GRID_PROBLEM = new SearchProblem(Goal.of("val_loss"), SearchSpace.of(
            Hyperparameter.intRange("layers", 1, 3),
            Hyperparameter.choice("activation", "relu", "tanh", "sigmoid"),
            Hyperparameter.floatRange("learning_rate", 0.1, 0.5).withStep(0.2),
            Hyperparameter.intRange("units_2", 2, 6).withStep(2).onlyWhen(Condition.of("layers", 2, 3))));

    @TempDir
    Path dir;

    static final List<Algorithm> ALGORITHMS = List.of(Algorithm.grid(2), Algorithm.random(16, 2),
            Algorithm.tpe(24, 2).withStartupTrials(6), Algorithm.hyperband(9, 3));

    static SearchProblem problemFor(Algorithm a) {
        return a instanceof Algorithm.Grid ? GRID_PROBLEM : PROBLEM;
    }

    /**
     * A noise-free function of the hyperparameters, trained epoch by epoch from the parent's last epoch, sleeping a
     * random few milliseconds per epoch so that trials finish in another order on every run; sigmoid with three layers
     * "diverges" (fails) with two or three layers.
     */
    static Objective objective(Set<Integer> ran) {
        return (trial, context) -> {
            ran.add(trial.number());
            Parameters p = trial.parameters();
            double u = Math.log10(p.getDouble("learning_rate")) + 1.5;
            double v = u * u + 0.1 * p.getInt("layers") + (p.getString("activation").equals("tanh") ? 0 : 0.3)
                    + (p.has("units_2") ? 0.01 * p.getInt("units_2") : 0);
            List<Map<String, Double>> history = new ArrayList<>();
            for (int e = trial.initialEpoch() + 1; e <= trial.epochs(); e++) {
                context.throwIfCancelled();
                Thread.sleep(ThreadLocalRandom.current().nextInt(3));
                Map<String, Double> metrics = Map.of("val_loss", v + 1.0 / e);
                history.add(metrics);
                context.epochEnded(e, metrics);
            }
            if (p.getInt("layers") >= 2 && p.getString("activation").equals("sigmoid")) {
                throw new IllegalStateException("loss became NaN");
            }
            return Evaluation.of(v + 1.0 / trial.epochs(), history);
        };
    }

    static SearchOutcome run(Algorithm a, int threads, Path folder, SearchListener listener, Set<Integer> ran) {
        try (LocalTrialExecutor executor = new LocalTrialExecutor(threads)) {
            Search.Builder b = Search.builder(problemFor(a), a, objective(ran)).seed(2024).executor(executor);
            if (folder != null) {
                b.resultsFolder(folder);
            }
            if (listener != null) {
                b.listener(listener);
            }
            return b.build().run();
        }
    }

    static void assertSameOutcomes(List<TrialResult> a, List<TrialResult> b) {
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).sameOutcome(b.get(i))).as("trial %d: %s vs %s", i, a.get(i), b.get(i)).isTrue();
        }
    }

    @Test
    void oneThreadAndThreeThreadsGiveIdenticalResultsForEveryAlgorithm() {
        for (Algorithm a : ALGORITHMS) {
            SearchOutcome one = run(a, 1, null, null, ConcurrentHashMap.newKeySet());
            SearchOutcome three = run(a, 3, null, null, ConcurrentHashMap.newKeySet());
            assertThat(one.cancelled()).isFalse();
            int planned = a.oracle(problemFor(a), 2024).plannedTrials();
            if (a instanceof Algorithm.Hyperband) {
                // Failed trials are not promoted, so a round may hold fewer.
                assertThat(one.trials().size()).as(a.name()).isLessThanOrEqualTo(planned).isGreaterThan(planned / 2);
            } else {
                assertThat(one.trials()).as(a.name()).hasSize(planned);
            }
            assertSameOutcomes(one.trials(), three.trials());
            assertThat(one.trials()).as(a.name() + " has failed trials").anyMatch(r -> !r.isCompleted());
            assertThat(one.best().orElseThrow().isCompleted()).isTrue();
        }
    }

    @Test
    void cancelThenResumeOnTheSameFolderGivesTheResultsOfAnUninterruptedRun() throws Exception {
        for (Algorithm a : ALGORITHMS) {
            SearchOutcome uninterrupted = run(a, 3, dir.resolve(a.name() + "-whole"), null,
                    ConcurrentHashMap.newKeySet());
            Path folder = dir.resolve(a.name() + "-cancelled");
            AtomicInteger finished = new AtomicInteger();
            Search[] search = new Search[1];
            try (LocalTrialExecutor executor = new LocalTrialExecutor(3)) {
                search[0] = Search.builder(problemFor(a), a, objective(ConcurrentHashMap.newKeySet())).seed(2024)
                        .executor(executor).resultsFolder(folder).listener(new SearchListener() {
                            @Override
                            public void trialFinished(TrialResult result) {
                                if (finished.incrementAndGet() == 7) {
                                    search[0].cancel();
                                }
                            }
                        }).build();
                SearchOutcome partial = search[0].run();
                assertThat(partial.cancelled()).as(a.name()).isTrue();
                assertThat(partial.trials().size()).isLessThan(uninterrupted.trials().size());
            }
            Set<Integer> recorded = new java.util.HashSet<>();
            ResultsFolder.at(folder).trials().forEach(r -> recorded.add(r.number()));
            Set<Integer> ranAgain = ConcurrentHashMap.newKeySet();
            List<TrialResult> resumedEvents = new ArrayList<>();
            SearchOutcome resumed = run(a, 2, folder, new SearchListener() {
                @Override
                public void trialResumed(TrialResult result) {
                    resumedEvents.add(result);
                }
            }, ranAgain);
            assertThat(resumed.cancelled()).isFalse();
            assertSameOutcomes(resumed.trials(), uninterrupted.trials());
            assertThat(ranAgain).as("no finished trial runs again").doesNotContainAnyElementsOf(recorded);
            assertThat(resumedEvents).hasSize(recorded.size());
            assertSameOutcomes(ResultsFolder.at(folder).trials(), uninterrupted.trials());
            try (Stream<Path> files = Files.walk(folder)) {
                assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".tmp"));
            }
        }
    }

    @Test
    void resumingWithOtherSettingsIsRefused() {
        Path folder = dir.resolve("runs");
        Algorithm tpe = Algorithm.tpe(8, 1);
        Search.builder(PROBLEM, tpe, objective(ConcurrentHashMap.newKeySet())).seed(1).resultsFolder(folder)
                .executor(new LocalTrialExecutor(1)).build().run();
        assertThatThrownBy(() -> Search.builder(PROBLEM, tpe, objective(ConcurrentHashMap.newKeySet())).seed(2)
                .resultsFolder(folder).build().run())
                .hasMessageContaining("Cannot resume the search in " + folder)
                .hasMessageContaining("seed is 1 there, 2 here");
        assertThatThrownBy(() -> Search.builder(PROBLEM, Algorithm.tpe(9, 1), objective(ConcurrentHashMap.newKeySet()))
                .seed(1).resultsFolder(folder).build().run()).hasMessageContaining("settings.trials is 8 there, 9 here");
        assertThatThrownBy(() -> Search.builder(PROBLEM, Algorithm.random(8, 1), objective(ConcurrentHashMap.newKeySet()))
                .seed(1).resultsFolder(folder).build().run()).hasMessageContaining("algorithm is tpe there, random here");
        SearchProblem other = new SearchProblem(Goal.of("val_accuracy"), SPACE);
        assertThatThrownBy(() -> Search.builder(other, tpe, objective(ConcurrentHashMap.newKeySet())).seed(1)
                .resultsFolder(folder).build().run()).hasMessageContaining("search space or objective differs");
    }

    @Test
    void listenersHearEveryTrialAndEpochAndTheFolderHoldsTheSpaceSettingsAndTrials() throws Exception {
        Path folder = dir.resolve("runs");
        List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Progress> progress = new ArrayList<>();
        SearchOutcome outcome = run(Algorithm.random(12, 3), 2, folder, new SearchListener() {
            @Override
            public void trialStarted(Trial trial) {
                events.add("started");
            }

            @Override
            public void epochEnded(Trial trial, int epoch, Map<String, Double> metrics) {
                events.add("epoch");
            }

            @Override
            public void trialFinished(TrialResult result) {
                events.add("finished");
            }

            @Override
            public void trialFailed(TrialResult result) {
                events.add("failed");
                assertThat(result.error()).isEqualTo("loss became NaN");
            }

            @Override
            public void progress(Progress p) {
                progress.add(p);
            }

            @Override
            public void searchFinished(SearchOutcome o) {
                events.add("done");
            }
        }, ConcurrentHashMap.newKeySet());
        assertThat(events.stream().filter("started"::equals)).hasSize(12);
        assertThat(events.stream().filter("epoch"::equals)).hasSize(36);
        assertThat(events.stream().filter(e -> e.equals("finished") || e.equals("failed"))).hasSize(12);
        assertThat(events.get(events.size() - 1)).isEqualTo("done");
        Progress last = progress.get(progress.size() - 1);
        assertThat(last.done()).isEqualTo(12);
        assertThat(last.planned()).isEqualTo(12);
        assertThat(last.remaining()).contains(java.time.Duration.ZERO);

        assertThat(SearchSpaceFile.read(folder.resolve("search-space.json"))).isEqualTo(PROBLEM);
        assertThat(ResultsFolder.at(folder).readSettings()).containsEntry("algorithm", "random")
                .containsEntry("seed", 2024);
        assertThat(Files.list(folder.resolve("trials")).count()).isEqualTo(12);
        List<TrialResult> recorded = ResultsFolder.at(folder).trials();
        assertSameOutcomes(recorded, outcome.trials());
        assertThat(recorded.get(0).history()).hasSize(3);
    }

    @Test
    void theSummaryShowsTheBestCompletedTrialsAndTheCsvEveryTrial() {
        SearchOutcome outcome = run(Algorithm.random(12, 1), 1, null, null, ConcurrentHashMap.newKeySet());
        ResultsSummary summary = ResultsSummary.of(outcome, 3, "runs/x");
        assertThat(summary.best()).hasSize(3).allMatch(TrialResult::isCompleted);
        assertThat(summary.best().get(0)).isEqualTo(outcome.best().orElseThrow());
        assertThat(summary.best().get(0).value()).isLessThanOrEqualTo(summary.best().get(1).value());
        String text = summary.render();
        assertThat(text).startsWith("Results summary\nResults in runs/x\nShowing 3 best trials (of ")
                .contains("Objective: val_loss (minimize)")
                .contains(String.format("Trial %04d summary", summary.best().get(0).number()))
                .contains("Score: " + Values.number(summary.best().get(0).value()));
        String csv = TrialTable.toCsv(SPACE, outcome.trials());
        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).isEqualTo("number,state,value,params_layers,params_activation,params_learning_rate,"
                + "params_units_2,epochs,epochs_run,initial_epoch,bracket,round,parent,seed,duration_ms,error");
        assertThat(rows).hasSize(13);
        assertThat(rows).anyMatch(r -> r.contains(",failed,,") && r.contains(",sigmoid,") && r.endsWith(",loss became NaN"));
    }

    @Test
    void aNanValueOrAnExceptionFailsTheTrialWhichIsNeverTheBest() {
        SearchProblem problem = new SearchProblem(Goal.of("val_accuracy"), SearchSpace.of(
                Hyperparameter.choice("outcome", "nan", "throw", "ok", "worse")));
        Objective objective = (trial, context) -> switch (trial.parameters().getString("outcome")) {
            case "nan" -> Evaluation.of(Double.NaN);
            case "throw" -> throw new IllegalStateException("out of memory for 1e9 units");
            case "ok" -> Evaluation.of(0.5);
            default -> Evaluation.of(0.25);
        };
        SearchOutcome outcome = Search.builder(problem, Algorithm.grid(1), objective)
                .executor(new LocalTrialExecutor(2)).build().run();
        assertThat(outcome.trials()).extracting(TrialResult::status).containsExactly(TrialResult.Status.FAILED,
                TrialResult.Status.FAILED, TrialResult.Status.COMPLETED, TrialResult.Status.COMPLETED);
        assertThat(outcome.trials().get(0).error()).isEqualTo("the objective's value is NaN");
        assertThat(outcome.trials().get(1).error()).isEqualTo("out of memory for 1e9 units");
        assertThat(outcome.best().orElseThrow().number()).isEqualTo(2);
        assertThat(outcome.best(5)).extracting(TrialResult::number).containsExactly(2, 3);
    }
}
