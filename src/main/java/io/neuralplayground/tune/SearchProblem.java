package io.neuralplayground.tune;

/** What a search space file holds: what to optimize and over which hyperparameters. */
public record SearchProblem(Goal goal, SearchSpace space) {
    public SearchProblem {
        if (goal == null || space == null) {
            throw new IllegalArgumentException("a search problem needs a goal and a space");
        }
    }
}
