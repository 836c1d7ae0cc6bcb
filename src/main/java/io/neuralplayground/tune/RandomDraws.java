package io.neuralplayground.tune;

import io.neuralplayground.engine.Rng;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Independent random draws from a search space: each active hyperparameter in order, uniform over its values, or
 * log-uniform where it is on a log scale. Shared by random search, TPE's first trials and Hyperband's brackets.
 */
final class RandomDraws {
    private RandomDraws() {
    }

    /** A whole assignment: the hyperparameters whose conditions hold, in the space's order. */
    static Parameters draw(SearchSpace space, Rng rng) {
        Map<String, Object> assigned = new LinkedHashMap<>();
        for (Hyperparameter h : space.hyperparameters()) {
            if (h.condition().holdsFor(assigned)) {
                assigned.put(h.name(), draw(h, rng));
            }
        }
        return new Parameters(assigned);
    }

    /**
     * One value. A log-scaled int is drawn as Optuna draws it: log-uniform on [min − ½, max + ½], rounded to the
     * nearest whole number, so that each end gets its fair half-width.
     */
    static Object draw(Hyperparameter h, Rng rng) {
        if (h instanceof Fixed f) {
            return f.value();
        }
        if (h instanceof Choice c) {
            return c.values().get(rng.nextInt(c.values().size()));
        }
        if (h instanceof IntRange r) {
            if (r.log()) {
                double x = Math.exp(rng.uniform(Math.log(r.min() - 0.5), Math.log(r.max() + 0.5)));
                return (int) Math.max(r.min(), Math.min(r.max(), Math.rint(x)));
            }
            return r.value(index(r.size(), rng));
        }
        FloatRange r = (FloatRange) h;
        if (r.hasStep()) {
            return r.value(index(r.size(), rng));
        }
        if (r.min() == r.max()) {
            return r.min();
        }
        return r.log() ? Math.exp(rng.uniform(Math.log(r.min()), Math.log(r.max()))) : rng.uniform(r.min(), r.max());
    }

    /** Uniform in [0, size). */
    private static long index(long size, Rng rng) {
        return size <= Integer.MAX_VALUE ? rng.nextInt((int) size) : (long) (rng.nextDouble() * size);
    }
}
