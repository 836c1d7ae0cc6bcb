package io.neuralplayground.tune;

/**
 * A whole number {@code min + k·step ≤ max} (k = 0, 1, …), uniform over those values, or log-uniform over
 * [min, max] when {@code log} (then the step must be 1: a step on a log scale would be ambiguous, a sum or a
 * factor).
 *
 * @param step the distance between neighbouring values, 1 for every whole number
 */
public record IntRange(String name, int min, int max, int step, boolean log, Condition condition)
        implements Hyperparameter {
    public IntRange {
        Hyperparameter.requireName(name);
        if (min > max) {
            throw SearchSpaceException.about(name, "min " + min + " is greater than max " + max);
        }
        if (step < 1) {
            throw SearchSpaceException.about(name, "step " + step + " is not positive; a step is 1 or more");
        }
        if (max > min && step > (long) max - min) {
            throw SearchSpaceException.about(name, "step " + step + " is larger than the range " + min + ".." + max
                    + ", which then holds only " + min + "; use a smaller step or a fixed value");
        }
        if (log && min <= 0) {
            throw SearchSpaceException.about(name, "a log scale needs min > 0, but min is " + min);
        }
        if (log && step != 1) {
            throw SearchSpaceException.about(name, "a log scale takes no step (step is " + step
                    + "): drop \"log\" or \"step\"");
        }
        condition = condition == null ? Condition.ALWAYS : condition;
    }

    public IntRange withStep(int newStep) {
        return new IntRange(name, min, max, newStep, log, condition);
    }

    public IntRange withLog() {
        return new IntRange(name, min, max, step, true, condition);
    }

    @Override
    public IntRange onlyWhen(Condition when) {
        return new IntRange(name, min, max, step, log, when);
    }

    /** The largest value on the step grid; max itself when the step divides the range. */
    public int top() {
        return (int) (min + ((long) max - min) / step * step);
    }

    /** The k-th value, {@code min + k·step}. */
    public int value(long k) {
        return (int) (min + k * step);
    }

    @Override
    public long size() {
        return ((long) max - min) / step + 1;
    }

    @Override
    public boolean admits(Object value) {
        if (!(value instanceof Number n) || !Values.isWhole(n)) {
            return false;
        }
        long v = n.longValue();
        return v >= min && v <= max && (v - min) % step == 0;
    }

    @Override
    public String describe() {
        return "an int range " + min + ".." + max + (step != 1 ? " step " + step : "") + (log ? " (log)" : "");
    }
}
