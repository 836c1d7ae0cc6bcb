package io.neuralplayground.tune;

import io.neuralplayground.engine.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Hyperband as KerasTuner runs it: {@code iterations} passes through the brackets of {@link HyperbandSchedule},
 * bracket after bracket, round after round.
 *
 * <p>A bracket's first round draws its configurations at random (from the stream of the seed named after the pass
 * and the bracket). A round is synchronous: the next round is proposed only when every trial of this one has
 * reported; it continues the best ⌊n_i/η⌋ completed trials, best first (ties by trial number), each new trial
 * naming its parent. Failed trials are never promoted, so after failures a round may hold fewer trials, and a
 * bracket with no completed trial in a round ends there. Trials are numbered in the order proposed, so the whole
 * search is a function of the seed and the results alone.
 */
final class HyperbandOracle implements Oracle {
    private final SearchProblem problem;
    private final long seed;
    private final HyperbandSchedule schedule;
    private final int iterations;

    private int iteration;
    private int bracketIndex;
    private int round;
    /** The trials of the current round: those to propose, then those waiting for results. */
    private final List<Trial> roundTrials = new ArrayList<>();
    private final List<TrialResult> roundResults = new ArrayList<>();
    private int roundProposed;
    private int proposed;
    private boolean finished;

    HyperbandOracle(SearchProblem problem, long seed, Algorithm.Hyperband settings) {
        this.problem = problem;
        this.seed = seed;
        this.schedule = HyperbandSchedule.of(settings.maxEpochs(), settings.factor());
        this.iterations = settings.iterations();
        startBracket();
    }

    HyperbandSchedule schedule() {
        return schedule;
    }

    @Override
    public Proposal next() {
        while (!finished) {
            if (roundProposed < roundTrials.size()) {
                proposed++;
                return Proposal.run(roundTrials.get(roundProposed++));
            }
            if (roundResults.size() < roundTrials.size()) {
                return Proposal.WAIT;
            }
            advance();
        }
        return Proposal.DONE;
    }

    private HyperbandSchedule.Bracket bracket() {
        return schedule.brackets().get(bracketIndex);
    }

    private void startBracket() {
        round = 0;
        HyperbandSchedule.Bracket b = bracket();
        HyperbandSchedule.Round first = b.rounds().get(0);
        Rng rng = Rng.stream(seed, "hyperband pass " + iteration + " bracket " + b.s());
        List<Trial> trials = new ArrayList<>();
        for (int c = 0; c < first.configurations(); c++) {
            trials.add(Trial.hyperband(proposed + c, RandomDraws.draw(problem.space(), rng), seed, first.epochs(),
                    b.s(), 0, -1, 0));
        }
        setRound(trials);
    }

    private void setRound(List<Trial> trials) {
        roundTrials.clear();
        roundTrials.addAll(trials);
        roundResults.clear();
        roundProposed = 0;
    }

    /** The round has reported: promote the best into the next round, or go on to the next bracket or pass. */
    private void advance() {
        HyperbandSchedule.Bracket b = bracket();
        if (round < b.s()) {
            int keep = b.rounds().get(round).configurations() / schedule.factor();
            List<TrialResult> ranked = new ArrayList<>(roundResults);
            ranked.removeIf(r -> !r.isCompleted());
            ranked.sort(Ranking.bestFirst(problem.goal()));
            List<TrialResult> promoted = ranked.subList(0, Math.min(keep, ranked.size()));
            if (!promoted.isEmpty()) {
                round++;
                int epochs = b.rounds().get(round).epochs();
                List<Trial> next = new ArrayList<>();
                for (TrialResult parent : promoted) {
                    next.add(Trial.hyperband(proposed + next.size(), parent.trial().parameters(), seed, epochs,
                            b.s(), round, parent.number(), parent.trial().epochs()));
                }
                setRound(next);
                return;
            }
        }
        bracketIndex++;
        if (bracketIndex == schedule.brackets().size()) {
            bracketIndex = 0;
            iteration++;
            if (iteration == iterations) {
                finished = true;
                setRound(List.of());
                return;
            }
        }
        startBracket();
    }

    @Override
    public void report(TrialResult result) {
        for (Trial t : roundTrials) {
            if (t.number() == result.number()) {
                roundResults.add(result);
                return;
            }
        }
        throw new IllegalStateException("trial " + result.number() + " is not in the current Hyperband round");
    }

    /** The trials proposed, those left in this round, and the later rounds and brackets at full size. */
    @Override
    public int plannedTrials() {
        if (finished) {
            return proposed;
        }
        int planned = proposed + roundTrials.size() - roundProposed;
        HyperbandSchedule.Bracket b = bracket();
        for (int i = round + 1; i < b.rounds().size(); i++) {
            planned += b.rounds().get(i).configurations();
        }
        for (int j = bracketIndex + 1; j < schedule.brackets().size(); j++) {
            planned += schedule.brackets().get(j).rounds().stream()
                    .mapToInt(HyperbandSchedule.Round::configurations).sum();
        }
        return planned + (iterations - iteration - 1) * schedule.trials();
    }
}
