package io.neuralplayground.tune;

import java.util.Objects;

/**
 * An oracle's answer to "what next?": a trial to run, wait (the next trial depends on results still running), or
 * done.
 */
public final class Proposal {
    /** The next trial needs results not yet reported: ask again after the next one. */
    public static final Proposal WAIT = new Proposal(null, false);
    /** The search has proposed all its trials. */
    public static final Proposal DONE = new Proposal(null, true);

    private final Trial trial;
    private final boolean done;

    private Proposal(Trial trial, boolean done) {
        this.trial = trial;
        this.done = done;
    }

    public static Proposal run(Trial trial) {
        return new Proposal(Objects.requireNonNull(trial), false);
    }

    /** The trial to run, or null for {@link #WAIT} and {@link #DONE}. */
    public Trial trial() {
        return trial;
    }

    public boolean isTrial() {
        return trial != null;
    }

    public boolean isDone() {
        return done;
    }

    @Override
    public String toString() {
        return trial != null ? "run " + trial : done ? "done" : "wait";
    }
}
