package io.neuralplayground.cli;

import io.neuralplayground.engine.GradientCheck;
import java.util.function.LongSupplier;

/**
 * How long a gradient check will take: it evaluates the loss {@value GradientCheck#EVALUATIONS_PER_PARAMETER}
 * times per parameter, so the time of one evaluation (a forward pass over the examples) times that times the
 * parameters. One evaluation of a tiny network takes microseconds, too short for the clock, and the first ones of
 * any network run before the JIT has compiled the code, so after one untimed evaluation they are repeated for a
 * while (see {@code budget}) and averaged.
 */
final class LossTiming {
    static final long MEASURE_NANOS = 20_000_000L;
    static final long MAX_MEASURE_NANOS = 500_000_000L;
    static final double MAX_SHARE = 0.05;
    static final int MAX_EVALUATIONS = 1000;

    private LossTiming() {
    }

    /**
     * Seconds per loss evaluation of {@code check}, measured on {@code clock} (nanoseconds), for a check of
     * {@code parameters} parameters.
     */
    static double secondsPerEvaluation(GradientCheck check, int parameters, LongSupplier clock) {
        // The first evaluation runs code not yet compiled; timed, it made the estimate three times too long.
        check.meanLoss();
        long start = clock.getAsLong();
        long elapsed;
        int evaluations = 0;
        do {
            check.meanLoss();
            evaluations++;
            elapsed = clock.getAsLong() - start;
        } while (evaluations < MAX_EVALUATIONS && elapsed < budget(parameters, elapsed / evaluations));
        return elapsed / 1e9 / evaluations;
    }

    /**
     * How long to measure: {@value #MEASURE_NANOS} ns at least, and while the code is still being compiled (the
     * first few hundred milliseconds of a large network's check run at half speed) up to {@value #MAX_SHARE} of the
     * check's own time, but never more than {@value #MAX_MEASURE_NANOS} ns.
     */
    private static long budget(int parameters, long nanosPerEvaluation) {
        double check = (double) parameters * GradientCheck.EVALUATIONS_PER_PARAMETER * nanosPerEvaluation;
        return Math.max(MEASURE_NANOS, Math.min(MAX_MEASURE_NANOS, (long) (MAX_SHARE * check)));
    }

    /** Seconds for checking {@code parameters} parameters at {@code secondsPerEvaluation}. */
    static double seconds(int parameters, double secondsPerEvaluation) {
        return (double) parameters * GradientCheck.EVALUATIONS_PER_PARAMETER * secondsPerEvaluation;
    }
}
