package io.neuralplayground.cli;

import io.neuralplayground.app.PlaygroundObjective;
import io.neuralplayground.app.PlaygroundProblem;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.tune.Algorithm;
import io.neuralplayground.tune.Goal;
import io.neuralplayground.tune.LocalTrialExecutor;
import io.neuralplayground.tune.Progress;
import io.neuralplayground.tune.ResultsSummary;
import io.neuralplayground.tune.Search;
import io.neuralplayground.tune.SearchListener;
import io.neuralplayground.tune.SearchOutcome;
import io.neuralplayground.tune.SearchProblem;
import io.neuralplayground.tune.SearchSpaceFile;
import io.neuralplayground.tune.TrialExecutor;
import io.neuralplayground.tune.TrialResult;
import io.neuralplayground.tune.TrialTable;
import io.neuralplayground.tune.cluster.ClusterSettings;
import io.neuralplayground.tune.cluster.ClusterTrialExecutor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tune}: a hyperparameter search over the playground's network on its data, as KerasTuner's
 * {@code tuner.search} and Optuna's {@code study.optimize}: a line per finished trial, KerasTuner's summary at the
 * end, and the best trial's test figures, measured once after the search.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search hyperparameters (grid, random, TPE or Hyperband) of the playground's network.", "",
            "The objective is measured on validation data, never on test data; the best trial's test loss and "
                    + "accuracy are shown once, at the end. With --out the results folder is written as trials end, "
                    + "and the same command on the same folder resumes a stopped search."},
        footer = {"", "Examples:",
            "  neural-playground tune --space space.json --algorithm random --trials 20 --epochs 100",
            "  neural-playground tune --space space.json --algorithm hyperband --max-epochs 81 --factor 3 "
                    + "--parallel 2 --out results/"})
final class TuneCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--space", paramLabel = "FILE", required = true,
            description = "The search space, JSON or YAML (see docs/search-space-format.md).")
    private Path space;

    @Option(names = "--algorithm", paramLabel = "NAME", defaultValue = "random",
            description = "grid, random, tpe or hyperband. Default: ${DEFAULT-VALUE}.")
    private String algorithm;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "20",
            description = "Trials of random and TPE search (grid: at most this many, 0 for all). "
                    + "Default: ${DEFAULT-VALUE}.")
    private int trials;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100",
            description = "Epochs per trial of grid, random and TPE search. Default: ${DEFAULT-VALUE}.")
    private int epochs;

    @Option(names = "--max-epochs", paramLabel = "R", defaultValue = "81",
            description = "Hyperband's max_epochs. Default: ${DEFAULT-VALUE}.")
    private int maxEpochs;

    @Option(names = "--factor", paramLabel = "ETA", defaultValue = "3",
            description = "Hyperband's factor. Default: ${DEFAULT-VALUE}.")
    private int factor;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "1",
            description = "Hyperband's hyperband_iterations. Default: ${DEFAULT-VALUE}.")
    private int iterations;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Trials at once, each on one thread. Default: one per core.")
    private Integer parallel;

    @Option(names = "--cluster", paramLabel = "HOST:PORT,...",
            description = "Run the trials on the workers of this cluster (started with 'worker --cluster …' on each "
                    + "machine) instead of local threads; this process joins it, runs none itself. See "
                    + "docs/cluster.md.")
    private String cluster;

    @Option(names = "--cluster-name", paramLabel = "NAME", defaultValue = ClusterSettings.DEFAULT_CLUSTER_NAME,
            description = "The cluster's name, the workers' --name. Default: ${DEFAULT-VALUE}.")
    private String clusterName;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results folder, written as trials end; an existing one is resumed.")
    private Path out;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Write the table of trials as CSV: number, state, value, params_… (as Optuna's "
                    + "trials_dataframe), epochs, Hyperband's bracket and round, seed, time.")
    private Path csv;

    @Option(names = "--summary", paramLabel = "N", defaultValue = "5",
            description = "Best trials in the summary. Default: ${DEFAULT-VALUE}.")
    private int summary;

    @Option(names = "--json", description = "One JSON object per finished trial, then one with the best trials.")
    private boolean json;

    @Mixin
    private WindowOptions playground = new WindowOptions();

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        SearchProblem problem = SearchSpaceFile.read(space);
        PlaygroundSettings base = playground.settings();
        if (base.validationShare() == 0 && problem.goal().metric().startsWith("val_")) {
            base = base.withValidationShare(EarlyStoppingOptions.DEFAULT_VALIDATION_SPLIT);
        }
        PlaygroundObjective objective = new PlaygroundObjective(base.withEarlyStopping(null), problem.goal(),
                base.earlyStopping());
        objective.check(problem.space());
        Algorithm chosen = algorithm();
        if (!json) {
            stdout.printf("%s search of %s on %s, seed %d; %d%% of the training data for validation%n",
                    chosen.name(), problem.goal().metric(), base.hasDataFile() ? base.data().displayName()
                            : base.dataset().displayName(), base.seed(), Math.round(base.validationShare() * 100));
        }
        try (TrialExecutor executor = executor(objective, stdout)) {
            Search.Builder builder = Search.builder(problem, chosen, objective).seed(base.seed()).executor(executor)
                    .trainedOn(objective.description(problem.space()))
                    .listener(new Lines(stdout, problem.goal()));
            if (out != null) {
                builder.resultsFolder(out);
            }
            SearchOutcome outcome = builder.build().run();
            if (csv != null) {
                TrialTable.writeCsv(csv, problem.space(), outcome.trials());
            }
            report(stdout, outcome, objective);
        }
        return Cli.OK;
    }

    /** Local threads, or the cluster's workers with {@code --cluster}. */
    private TrialExecutor executor(PlaygroundObjective objective, PrintWriter stdout) {
        if (cluster != null) {
            if (parallel != null) {
                throw new IllegalArgumentException("--parallel is for local threads; with --cluster each worker "
                        + "runs as many trials as its --slots");
            }
            ClusterTrialExecutor executor = new ClusterTrialExecutor(
                    ClusterSettings.of(cluster).withClusterName(clusterName), PlaygroundProblem.of(objective));
            if (!json) {
                stdout.printf("cluster %s: joined at %s; %d slots on %s%n", clusterName, executor.address(),
                        executor.slots(), String.join(", ", executor.workers()));
                stdout.flush();
            }
            return executor;
        }
        int threads = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, got " + threads);
        }
        return new LocalTrialExecutor(threads);
    }

    private Algorithm algorithm() {
        return switch (algorithm.toLowerCase(Locale.ROOT)) {
            case "grid" -> Algorithm.grid(epochs).withMaxTrials(trials);
            case "random" -> Algorithm.random(trials, epochs);
            case "tpe" -> Algorithm.tpe(trials, epochs);
            case "hyperband" -> Algorithm.hyperband(maxEpochs, factor).withIterations(iterations);
            default -> throw new IllegalArgumentException("--algorithm " + algorithm
                    + " is not one of grid, random, tpe, hyperband");
        };
    }

    /**
     * The summary and, once, the best trial's test figures: it is trained again (the same seed, the same net) and
     * measured at its best epoch, the one it was scored at.
     */
    private void report(PrintWriter stdout, SearchOutcome outcome, PlaygroundObjective objective) {
        ResultsSummary results = ResultsSummary.of(outcome, summary, out == null ? "" : out.toString());
        var best = outcome.best();
        PlaygroundObjective.TrainedTrial again = best.map(b -> objective.train(b.trial(), (e, m) -> { }))
                .orElse(null);
        if (json) {
            com.fasterxml.jackson.databind.node.ObjectNode node = Json.object();
            node.put("completed", results.completed());
            node.put("failed", results.failed());
            node.put("cancelled", outcome.cancelled());
            var array = node.putArray("best");
            for (TrialResult r : results.best()) {
                var t = array.addObject();
                t.put("trial", r.number());
                Json.put(t, "score", r.value());
                t.set("hyperparameters", Json.tree(r.trial().parameters().asMap()));
            }
            if (again != null) {
                Json.put(node, "best_test_loss", again.best().testLoss());
                Json.put(node, "best_test_accuracy", again.best().testAccuracy());
            }
            stdout.println(Json.compact(node));
            return;
        }
        stdout.println();
        stdout.print(results.render());
        if (again != null) {
            stdout.printf(Locale.ROOT, "%nBest trial %d on the test data (measured once, after the search): test loss "
                    + "%.6f%s%n", best.get().number(), again.best().testLoss(), again.best().hasAccuracy()
                            ? String.format(Locale.ROOT, ", test accuracy %.1f %%", 100 * again.best().testAccuracy())
                            : "");
        }
    }

    /** A line per finished trial, as it finishes. */
    private final class Lines implements SearchListener {
        private final PrintWriter out;
        private final Goal goal;

        Lines(PrintWriter out, Goal goal) {
            this.out = out;
            this.goal = goal;
        }

        @Override
        public void trialFinished(TrialResult r) {
            print(r);
        }

        @Override
        public void trialFailed(TrialResult r) {
            print(r);
        }

        private int reportedDone;

        /** Every tenth trial, how far the search is and how long it may take yet. */
        @Override
        public void progress(Progress p) {
            if (!json && p.done() > reportedDone && p.done() % 10 == 0 && p.done() < p.planned()
                    && p.remaining().isPresent()) {
                reportedDone = p.done();
                out.printf("  %d of %d trials, %s left%n", p.done(), p.planned(),
                        Durations.approximately(p.remaining().get().toMillis() / 1000.0));
                out.flush();
            }
        }

        private void print(TrialResult r) {
            if (json) {
                com.fasterxml.jackson.databind.node.ObjectNode node = Json.object();
                node.put("trial", r.number());
                node.put("status", r.status().name().toLowerCase(Locale.ROOT));
                Json.put(node, goal.metric(), r.value());
                node.put("epochs", r.epochsRun());
                node.put("seconds", r.elapsedMillis() / 1000.0);
                node.set("hyperparameters", Json.tree(r.trial().parameters().asMap()));
                r.trial().bracket().ifPresent(b -> node.put("bracket", b));
                r.trial().round().ifPresent(i -> node.put("round", i));
                if (r.error() != null) {
                    node.put("error", r.error());
                }
                out.println(Json.compact(node));
            } else {
                String params = r.trial().parameters().asMap().entrySet().stream()
                        .map(e -> e.getKey() + "=" + value(e.getValue())).collect(Collectors.joining(" "));
                String score = r.isCompleted() ? String.format(Locale.ROOT, "%s %.6f", goal.metric(), r.value())
                        : "failed: " + r.error();
                String band = r.trial().bracket().isPresent() ? String.format(Locale.ROOT, "  bracket %d round %d",
                        r.trial().bracket().getAsInt(), r.trial().round().getAsInt()) : "";
                out.printf(Locale.ROOT, "trial %4d  %s  %s  epochs %d  %.1f s%s%n", r.number(), score, params,
                        r.epochsRun(), r.elapsedMillis() / 1000.0, band);
            }
            out.flush();
        }

        private String value(Object v) {
            return v instanceof Double d ? java.math.BigDecimal.valueOf(d).round(new java.math.MathContext(4))
                    .stripTrailingZeros().toPlainString() : String.valueOf(v);
        }
    }
}
