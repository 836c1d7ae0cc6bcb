package io.neuralplayground.tune;

import io.neuralplayground.engine.Rng;

/**
 * Random search: {@code trials} independent draws from the space ({@link RandomDraws}). Trial k's draw comes from
 * its own stream of the seed, so it depends on nothing else.
 */
final class RandomOracle implements Oracle {
    private final SearchSpace space;
    private final long seed;
    private final int trials;
    private final int epochs;
    private int proposed;

    RandomOracle(SearchSpace space, long seed, int trials, int epochs) {
        this.space = space;
        this.seed = seed;
        this.trials = trials;
        this.epochs = epochs;
    }

    @Override
    public Proposal next() {
        if (proposed == trials) {
            return Proposal.DONE;
        }
        int k = proposed++;
        return Proposal.run(Trial.of(k, RandomDraws.draw(space, Rng.stream(seed, "random trial " + k)), seed, epochs));
    }

    @Override
    public void report(TrialResult result) {
        // Random search learns nothing.
    }

    @Override
    public int plannedTrials() {
        return trials;
    }
}
