package io.neuralplayground.tune;

import io.neuralplayground.engine.Rng;
import java.io.Serializable;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One run of the objective an oracle proposes: its number (0, 1, … in the order proposed), the active
 * hyperparameters, its own seed, and how many epochs to train.
 *
 * <p>Hyperband's trials also say where they stand: their bracket and round and, in rounds after the first, the
 * trial they continue ({@link #parent()}), which trained the same hyperparameters for {@link #initialEpoch()}
 * epochs. The objective may resume from that trial's checkpoint and train epochs {@code initialEpoch + 1 …
 * epochs}, or train again from scratch for {@code epochs}; either is a valid Hyperband (KerasTuner's
 * {@code tuner/initial_epoch}, {@code tuner/epochs}, {@code tuner/trial_id}).
 *
 * <p>Serializable, so that a cluster can send it to the member that runs it (see {@link RemoteObjective}).
 */
public final class Trial implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int number;
    private final Parameters parameters;
    private final long seed;
    private final int epochs;
    private final int initialEpoch;
    private final int parent;
    private final int bracket;
    private final int round;

    private Trial(int number, Parameters parameters, long seed, int epochs, int initialEpoch, int parent,
            int bracket, int round) {
        if (number < 0 || epochs < 1) {
            throw new IllegalArgumentException("trial " + number + " with " + epochs + " epochs");
        }
        this.number = number;
        this.parameters = Objects.requireNonNull(parameters);
        this.seed = seed;
        this.epochs = epochs;
        this.initialEpoch = initialEpoch;
        this.parent = parent;
        this.bracket = bracket;
        this.round = round;
    }

    /** A trial of grid, random or TPE search, its seed derived from the search's seed and its number. */
    public static Trial of(int number, Parameters parameters, long searchSeed, int epochs) {
        return new Trial(number, parameters, seedFor(searchSeed, number), epochs, 0, -1, -1, -1);
    }

    /**
     * A Hyperband trial in {@code bracket} (its s) and {@code round} (its i); {@code parent} is -1 in round 0 and the
     * continued trial's number afterwards, which trained {@code initialEpoch} epochs.
     */
    public static Trial hyperband(int number, Parameters parameters, long searchSeed, int epochs, int bracket,
            int round, int parent, int initialEpoch) {
        return new Trial(number, parameters, seedFor(searchSeed, number), epochs, initialEpoch, parent, bracket,
                round);
    }

    /** A trial as a results folder recorded it. */
    static Trial restore(int number, Parameters parameters, long seed, int epochs, int initialEpoch, int parent,
            int bracket, int round) {
        return new Trial(number, parameters, seed, epochs, initialEpoch, parent, bracket, round);
    }

    /** Each trial's seed: a stream of the search's seed named after the trial, unrelated to its neighbours'. */
    static long seedFor(long searchSeed, int number) {
        return Rng.stream(searchSeed, "trial " + number).nextLong();
    }

    public int number() {
        return number;
    }

    public Parameters parameters() {
        return parameters;
    }

    /** The seed for everything random in this trial (data shuffling, initial weights). */
    public long seed() {
        return seed;
    }

    /** The epochs to have trained when the trial ends (counting the parent's, when it continues one). */
    public int epochs() {
        return epochs;
    }

    /** The epochs the parent trained, 0 without a parent. */
    public int initialEpoch() {
        return initialEpoch;
    }

    /** The Hyperband trial this one continues. */
    public OptionalInt parent() {
        return parent < 0 ? OptionalInt.empty() : OptionalInt.of(parent);
    }

    /** The Hyperband bracket (its s, from s_max down to 0). */
    public OptionalInt bracket() {
        return bracket < 0 ? OptionalInt.empty() : OptionalInt.of(bracket);
    }

    /** The round within the Hyperband bracket (its i, from 0). */
    public OptionalInt round() {
        return round < 0 ? OptionalInt.empty() : OptionalInt.of(round);
    }

    /** Same number, hyperparameters (numbers by value), seed, epochs and place in Hyperband. */
    public boolean sameAs(Trial o) {
        return number == o.number && seed == o.seed && epochs == o.epochs && initialEpoch == o.initialEpoch
                && parent == o.parent && bracket == o.bracket && round == o.round
                && parameters.sameAs(o.parameters);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trial t && number == t.number && seed == t.seed && epochs == t.epochs
                && initialEpoch == t.initialEpoch && parent == t.parent && bracket == t.bracket
                && round == t.round && parameters.equals(t.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, parameters, seed, epochs, parent);
    }

    @Override
    public String toString() {
        return "trial " + number + " " + parameters + ", " + epochs + " epochs"
                + (bracket >= 0 ? ", bracket " + bracket + " round " + round : "")
                + (parent >= 0 ? ", continues trial " + parent : "");
    }
}
