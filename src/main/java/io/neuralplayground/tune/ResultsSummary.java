package io.neuralplayground.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The best trials of a search with their hyperparameters and scores, as KerasTuner's {@code results_summary()}
 * shows them; as data for a window's table, and as plain text for the command line ({@link #render()}).
 *
 * @param folder where the results are, or null
 * @param best the best completed trials, best first
 * @param completed completed trials in all
 * @param failed failed trials in all
 */
public record ResultsSummary(Goal goal, String folder, List<TrialResult> best, int completed, int failed) {
    public ResultsSummary {
        best = List.copyOf(best);
    }

    /** The best {@code n} of {@code outcome}'s trials. */
    public static ResultsSummary of(SearchOutcome outcome, int n, String folder) {
        List<TrialResult> trials = outcome.trials();
        int completed = (int) trials.stream().filter(TrialResult::isCompleted).count();
        int failed = (int) trials.stream().filter(r -> r.status() == TrialResult.Status.FAILED).count();
        return new ResultsSummary(outcome.goal(), folder, outcome.best(n), completed, failed);
    }

    /** The summary of the trials recorded in a results folder. */
    public static ResultsSummary of(ResultsFolder folder, int n) {
        SearchOutcome outcome = new SearchOutcome(folder.problem().goal(), folder.trials(), false);
        return of(outcome, n, folder.directory().toString());
    }

    /**
     * <pre>
     * Results summary
     * Results in runs/moons
     * Showing 3 best trials (of 40 completed, 2 failed)
     * Objective: val_loss (minimize)
     *
     * Trial 0017 summary
     * Hyperparameters:
     * layers: 2
     * learning_rate: 0.0123
     * Score: 0.08312
     * </pre>
     */
    public String render() {
        List<String> lines = new ArrayList<>();
        lines.add("Results summary");
        if (folder != null) {
            lines.add("Results in " + folder);
        }
        lines.add("Showing " + best.size() + " best trial" + (best.size() == 1 ? "" : "s") + " (of " + completed
                + " completed" + (failed > 0 ? ", " + failed + " failed" : "") + ")");
        lines.add("Objective: " + goal.metric() + " (" + goal.direction().word() + ")");
        for (TrialResult r : best) {
            lines.add("");
            lines.add(String.format(Locale.ROOT, "Trial %04d summary", r.number()));
            lines.add("Hyperparameters:");
            r.trial().parameters().asMap().forEach((k, v) -> lines.add(k + ": " + (v instanceof String s ? s
                    : Values.show(v))));
            r.trial().bracket().ifPresent(b -> lines.add("Hyperband: bracket " + b + ", round "
                    + r.trial().round().getAsInt() + ", " + r.trial().epochs() + " epochs"));
            lines.add("Score: " + Values.number(r.value()));
        }
        return String.join("\n", lines) + "\n";
    }
}
