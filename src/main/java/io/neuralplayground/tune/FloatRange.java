package io.neuralplayground.tune;

/**
 * A real number in [min, max]: uniform, or log-uniform when {@code log} (uniform in log x, for learning rates and
 * other scales), or, with a step, one of {@code min + k·step ≤ max} uniformly.
 *
 * @param step the distance between neighbouring values, 0 for none (a continuum, which grid search refuses)
 */
public record FloatRange(String name, double min, double max, double step, boolean log, Condition condition)
        implements Hyperparameter {
    /** Lets {@code (max - min) / step} fall a hair short of a whole number and still count max. */
    private static final double STEP_SLACK = 1e-9;

    public FloatRange {
        Hyperparameter.requireName(name);
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw SearchSpaceException.about(name, "min and max must be finite numbers, not " + min + " and " + max);
        }
        if (min > max) {
            throw SearchSpaceException.about(name, "min " + Values.number(min) + " is greater than max "
                    + Values.number(max));
        }
        if (!(step >= 0) || !Double.isFinite(step)) {
            throw SearchSpaceException.about(name, "step " + step + " is not a positive number");
        }
        if (step > 0 && max > min && step > max - min) {
            throw SearchSpaceException.about(name, "step " + Values.number(step) + " is larger than the range "
                    + Values.number(min) + ".." + Values.number(max) + "; use a smaller step or a fixed value");
        }
        if (log && min <= 0) {
            throw SearchSpaceException.about(name, "a log scale needs min > 0, but min is " + Values.number(min));
        }
        if (log && step > 0) {
            throw SearchSpaceException.about(name, "a log scale takes no step (step is " + Values.number(step)
                    + "): drop \"log\" or \"step\"");
        }
        condition = condition == null ? Condition.ALWAYS : condition;
    }

    public FloatRange withStep(double newStep) {
        return new FloatRange(name, min, max, newStep, log, condition);
    }

    public FloatRange withLog() {
        return new FloatRange(name, min, max, step, true, condition);
    }

    @Override
    public FloatRange onlyWhen(Condition when) {
        return new FloatRange(name, min, max, step, log, when);
    }

    public boolean hasStep() {
        return step > 0;
    }

    /** The k-th value on the step grid, computed from k (not summed step by step, which would drift). */
    public double value(long k) {
        return Math.min(max, min + k * step);
    }

    /** The largest value on the step grid. */
    public double top() {
        return value(size() - 1);
    }

    @Override
    public long size() {
        return hasStep() ? (long) Math.floor((max - min) / step + STEP_SLACK) + 1 : -1;
    }

    @Override
    public boolean admits(Object value) {
        if (!(value instanceof Number n)) {
            return false;
        }
        double v = n.doubleValue();
        if (v < min || v > max) {
            return false;
        }
        if (!hasStep()) {
            return true;
        }
        double k = Math.rint((v - min) / step);
        return Math.abs(value((long) k) - v) <= STEP_SLACK * Math.max(1, Math.abs(v));
    }

    @Override
    public String describe() {
        return "a float range " + Values.number(min) + ".." + Values.number(max)
                + (hasStep() ? " step " + Values.number(step) : "") + (log ? " (log)" : "");
    }
}
