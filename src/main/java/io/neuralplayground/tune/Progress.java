package io.neuralplayground.tune;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a search is.
 *
 * @param done trials finished (completed or failed), those read back on resume included
 * @param planned trials the search expects to run in all ({@link Oracle#plannedTrials()})
 * @param running trials running now
 * @param elapsed wall-clock time since this run of the search started
 * @param remaining an estimate: the trials left at the pace of this run so far; empty before the first finishes
 */
public record Progress(int done, int planned, int running, Duration elapsed, Optional<Duration> remaining) {
    /** The fraction done, 0 … 1. */
    public double fraction() {
        return planned == 0 ? 1 : Math.min(1, done / (double) planned);
    }
}
