package io.neuralplayground.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class OraclesTest {
    static final SearchSpace SPACE = SearchSpace.of(
            Hyperparameter.intRange("layers", 1, 3),
            Hyperparameter.intRange("units", 2, 8).withStep(2),
            Hyperparameter.choice("activation", "relu", "tanh", "sigmoid"),
            Hyperparameter.floatRange("learning_rate", 0.0001, 1).withLog(),
            Hyperparameter.intRange("units_2", 2, 8).onlyWhen(Condition.of("layers", 2, 3)));
    static final SearchProblem PROBLEM = new SearchProblem(Goal.of("val_loss"), SPACE);

    /** Runs an oracle sequentially, reporting each trial's value at once. */
    static List<TrialResult> runSequentially(Oracle oracle, ToDoubleFunction<Trial> f) {
        List<TrialResult> results = new ArrayList<>();
        for (Proposal p = oracle.next(); !p.isDone(); p = oracle.next()) {
            assertThat(p.isTrial()).as("a sequential run never waits").isTrue();
            double v = f.applyAsDouble(p.trial());
            TrialResult r = Double.isNaN(v) ? TrialResult.failed(p.trial(), "NaN", List.of(), 0)
                    : TrialResult.completed(p.trial(), Evaluation.of(v), 0);
            oracle.report(r);
            results.add(r);
        }
        return results;
    }

    static List<Parameters> parameters(List<TrialResult> rs) {
        return rs.stream().map(r -> r.trial().parameters()).toList();
    }

    @Test
    void theGridIsTheCartesianProductInDeclarationOrderWithConditionalsOnlyWhereActive() {
        SearchSpace space = SearchSpace.of(
                Hyperparameter.intRange("layers", 1, 2),
                Hyperparameter.choice("act", "relu", "tanh"),
                Hyperparameter.intRange("units_2", 2, 6).withStep(2).onlyWhen(Condition.of("layers", 2)),
                Hyperparameter.fixed("batch", 32));
        List<Parameters> grid = GridOracle.enumerate(space);
        assertThat(grid).hasSize(2 + 2 * 3);
        assertThat(grid.stream().map(Parameters::toString)).containsExactly(
                "{layers=1, act=\"relu\", batch=32}", "{layers=1, act=\"tanh\", batch=32}",
                "{layers=2, act=\"relu\", units_2=2, batch=32}", "{layers=2, act=\"relu\", units_2=4, batch=32}",
                "{layers=2, act=\"relu\", units_2=6, batch=32}", "{layers=2, act=\"tanh\", units_2=2, batch=32}",
                "{layers=2, act=\"tanh\", units_2=4, batch=32}", "{layers=2, act=\"tanh\", units_2=6, batch=32}");
        assertThat(grid).doesNotHaveDuplicates();
        assertThat(GridOracle.enumerate(SearchSpace.of(Hyperparameter.floatRange("d", 0, 0.5).withStep(0.1))))
                .extracting(p -> p.getDouble("d")).containsExactly(0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5);
    }

    @Test
    void theGridRefusesAFloatRangeWithoutAStep() {
        assertThatThrownBy(() -> Algorithm.grid(5).oracle(PROBLEM, 1))
                .hasMessageContaining("\"learning_rate\"").hasMessageContaining("\"step\"");
    }

    @Test
    void randomSearchIsSeededRespectsStepsLogAndConditions() {
        List<Parameters> a = parameters(runSequentially(Algorithm.random(200, 3).oracle(PROBLEM, 7), t -> 0));
        List<Parameters> b = parameters(runSequentially(Algorithm.random(200, 3).oracle(PROBLEM, 7), t -> 1));
        List<Parameters> c = parameters(runSequentially(Algorithm.random(200, 3).oracle(PROBLEM, 8), t -> 0));
        assertThat(a).isEqualTo(b).isNotEqualTo(c).hasSize(200);
        for (Parameters p : a) {
            assertThat(p.getInt("units") % 2).isZero();
            assertThat(p.has("units_2")).isEqualTo(p.getInt("layers") >= 2);
            assertThat(p.getDouble("learning_rate")).isBetween(0.0001, 1.0);
        }
        long small = a.stream().filter(p -> p.getDouble("learning_rate") < 0.01).count();
        assertThat(small).as("log-uniform: half the draws below 0.01").isBetween(70L, 130L);
    }

    static double synthetic(Parameters p) {
        return Math.pow(Math.log10(p.getDouble("learning_rate")) + 2, 2) + (p.getInt("units") - 6) * 0.1
                + (p.getString("activation").equals("tanh") ? 0 : 0.5) + (p.has("units_2") ? 0.01 * p.getInt("units_2")
                : 0.2);
    }

    @Test
    void tpeIsSeeded() {
        ToDoubleFunction<Trial> f = t -> synthetic(t.parameters());
        List<Parameters> a = parameters(runSequentially(Algorithm.tpe(30, 1).oracle(PROBLEM, 3), f));
        List<Parameters> b = parameters(runSequentially(Algorithm.tpe(30, 1).oracle(PROBLEM, 3), f));
        List<Parameters> c = parameters(runSequentially(Algorithm.tpe(30, 1).oracle(PROBLEM, 4), f));
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void tpesProposalIsAFunctionOfTheSeedAndTheVisibleResultsOnly() {
        ToDoubleFunction<Trial> f = t -> synthetic(t.parameters());
        List<TrialResult> history = runSequentially(Algorithm.tpe(30, 1).oracle(PROBLEM, 5), f);
        int lag = 4;
        int k = 25;
        // Trials 0 … k−1−L reported, in another order, with later results reported as well: the same trial k.
        TpeOracle oracle = (TpeOracle) Algorithm.tpe(30, 1).oracle(PROBLEM, 5);
        List<TrialResult> shuffled = new ArrayList<>(history.subList(0, k + 3));
        java.util.Collections.reverse(shuffled);
        for (TrialResult r : shuffled) {
            oracle.report(r);
        }
        for (int j = 0; j < k; j++) {
            assertThat(oracle.next().trial().parameters()).isEqualTo(history.get(j).trial().parameters());
        }
        assertThat(oracle.next().trial().parameters()).isEqualTo(history.get(k).trial().parameters());
        // And as a function: only the visible trials in, the same hyperparameters out.
        TpeOracle fresh = (TpeOracle) Algorithm.tpe(30, 1).oracle(PROBLEM, 5);
        assertThat(fresh.propose(k, history.subList(0, k - lag))).isEqualTo(history.get(k).trial().parameters());
        // A trial must wait until trial k−1−L has reported.
        TpeOracle waiting = (TpeOracle) Algorithm.tpe(30, 1).oracle(PROBLEM, 5);
        for (int j = 0; j <= lag; j++) {
            assertThat(waiting.next().isTrial()).isTrue();
        }
        assertThat(waiting.next()).isSameAs(Proposal.WAIT);
        waiting.report(history.get(0));
        assertThat(waiting.next().trial().number()).isEqualTo(lag + 1);
    }

    @Test
    void tpeDefaultsAreOptunas() {
        assertThat(TpeOracle.gamma(10)).isEqualTo(1);
        assertThat(TpeOracle.gamma(11)).isEqualTo(2);
        assertThat(TpeOracle.gamma(1000)).isEqualTo(25);
        assertThat(TpeOracle.weights(3)).containsExactly(1, 1, 1);
        double[] w = TpeOracle.weights(30);
        assertThat(w[0]).isEqualTo(1.0 / 30);
        assertThat(w[4]).isEqualTo(1.0);
        assertThat(w[5]).isEqualTo(1.0);
        assertThat(w[2]).isCloseTo(1.0 / 30 + 2 * (1 - 1.0 / 30) / 4, org.assertj.core.data.Offset.offset(1e-15));
    }

    /**
     * A narrow basin at learning rate 10^−2.7 and x = 0.37, smooth but a small target in a log-scaled range: after
     * its ten random trials TPE should home in where random search keeps guessing.
     */
    static double basin(Parameters p) {
        double u = Math.log10(p.getDouble("learning_rate")) + 2.7;
        double v = p.getDouble("x") - 0.37;
        return 1 - Math.exp(-(u * u / 0.08 + v * v / 0.02)) + 0.05 * (u * u + v * v);
    }

    @Test
    void tpeBeatsRandomSearchOnAverageOverTenSeeds() {
        SearchProblem problem = new SearchProblem(Goal.of("loss"), SearchSpace.of(
                Hyperparameter.floatRange("learning_rate", 1e-5, 1).withLog(),
                Hyperparameter.floatRange("x", -2, 2)));
        ToDoubleFunction<Trial> f = t -> basin(t.parameters());
        double tpe = 0;
        double random = 0;
        for (long seed = 1; seed <= 10; seed++) {
            tpe += best(runSequentially(Algorithm.tpe(40, 1).oracle(problem, seed), f));
            random += best(runSequentially(Algorithm.random(40, 1).oracle(problem, seed), f));
        }
        System.out.printf("mean best over 10 seeds: TPE %.4f, random %.4f%n", tpe / 10, random / 10);
        assertThat(tpe / 10).isLessThan(random / 10);
    }

    static double best(List<TrialResult> rs) {
        return rs.stream().filter(TrialResult::isCompleted).mapToDouble(TrialResult::value).min().orElseThrow();
    }

    @Test
    void hyperbandProposesTheScheduleAndPromotesTheBestCompletedTrials() {
        SearchProblem problem = new SearchProblem(Goal.of("val_accuracy"), SearchSpace.of(
                Hyperparameter.floatRange("q", 0, 1)));
        // Higher q is better; trials whose q is below 0.2 fail.
        ToDoubleFunction<Trial> f = t -> t.parameters().getDouble("q") < 0.2 ? Double.NaN
                : t.parameters().getDouble("q");
        List<TrialResult> results = runSequentially(Algorithm.hyperband(9, 3).oracle(problem, 11), f);
        Map<Integer, TrialResult> byNumber = new java.util.HashMap<>();
        results.forEach(r -> byNumber.put(r.number(), r));
        for (TrialResult r : results) {
            Trial t = r.trial();
            if (t.parent().isPresent()) {
                TrialResult parent = byNumber.get(t.parent().getAsInt());
                assertThat(parent.isCompleted()).as("failed trials are never promoted").isTrue();
                assertThat(t.parameters()).isEqualTo(parent.trial().parameters());
                assertThat(t.initialEpoch()).isEqualTo(parent.trial().epochs());
                assertThat(t.round().getAsInt()).isEqualTo(parent.trial().round().getAsInt() + 1);
            }
        }
        // Bracket s = 2 (9 at 1 epoch, 3 at 3, 1 at 9): the promoted are exactly the best completed of their round.
        List<TrialResult> round0 = results.stream().filter(r -> r.trial().bracket().getAsInt() == 2
                && r.trial().round().getAsInt() == 0).toList();
        assertThat(round0).hasSize(9).allMatch(r -> r.trial().epochs() == 1);
        List<Integer> expected = round0.stream().filter(TrialResult::isCompleted)
                .sorted(Ranking.bestFirst(problem.goal())).limit(3).map(TrialResult::number).toList();
        List<Integer> promoted = results.stream().filter(r -> r.trial().bracket().getAsInt() == 2
                && r.trial().round().getAsInt() == 1).map(r -> r.trial().parent().getAsInt()).toList();
        assertThat(promoted).isEqualTo(expected);
        assertThat(results.stream().filter(r -> r.trial().bracket().getAsInt() == 2
                && r.trial().round().getAsInt() == 1)).allMatch(r -> r.trial().epochs() == 3);
        assertThat(results).anyMatch(r -> !r.isCompleted());
    }

    @Test
    void hyperbandWaitsForTheWholeRound() {
        Oracle oracle = Algorithm.hyperband(9, 3).oracle(PROBLEM, 1);
        List<Trial> round0 = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            round0.add(oracle.next().trial());
        }
        assertThat(oracle.next()).isSameAs(Proposal.WAIT);
        for (int i = 8; i >= 1; i--) {
            oracle.report(TrialResult.completed(round0.get(i), Evaluation.of(i), 0));
            assertThat(oracle.next()).isSameAs(Proposal.WAIT);
        }
        oracle.report(TrialResult.completed(round0.get(0), Evaluation.of(0), 0));
        // val_loss: lowest first, so trials 0, 1, 2 go on, in that order.
        Trial next = oracle.next().trial();
        assertThat(next.number()).isEqualTo(9);
        assertThat(next.parent().getAsInt()).isEqualTo(0);
        assertThat(oracle.next().trial().parent().getAsInt()).isEqualTo(1);
        assertThat(oracle.plannedTrials()).isEqualTo(HyperbandSchedule.of(9, 3).trials());
    }
}
