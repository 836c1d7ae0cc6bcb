package io.neuralplayground.cli;

import io.neuralplayground.engine.GradientCheck;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long check on standard error: a line every {@code interval}, none for a run shorter than that.
 * Lines, not a counter redrawn in place, so that standard error sent to a file or a CI log reads the same as on a
 * terminal; one every few seconds does not flood either.
 */
final class ProgressLines implements GradientCheck.Progress {
    /** How often a line is printed while the check runs. */
    static final long INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final LongSupplier clock;
    private final long interval;
    private final long start;
    private long next;

    /**
     * @param clock nanoseconds, {@code System::nanoTime} (tests pass their own)
     * @param interval nanoseconds between lines
     */
    ProgressLines(PrintWriter err, LongSupplier clock, long interval) {
        this.err = err;
        this.clock = clock;
        this.interval = interval;
        this.start = clock.getAsLong();
        this.next = start + interval;
    }

    @Override
    public void checked(int done, int of) {
        long now = clock.getAsLong();
        if (now < next || done == of) {
            return;
        }
        next = now + interval;
        // What is left at the rate so far: the parameters all cost the same four forward passes.
        double left = (now - start) / 1e9 * (of - done) / done;
        err.printf(Locale.ROOT, "checked %d of %d parameters (%d %%), %s left%n", done, of,
                (int) (100L * done / of), Durations.approximately(left));
        err.flush();
    }
}
