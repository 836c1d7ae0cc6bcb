package io.neuralplayground.tune;

import io.neuralplayground.PlaygroundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grid search: every combination of values, as nested loops in the space's order — the first hyperparameter the
 * outermost loop, the last changing fastest (like Python's {@code itertools.product}); each hyperparameter's values in
 * their own order (a choice as listed, a range from min up by its step, 1 for an int). A conditional hyperparameter
 * is a loop only inside the combinations where it is active, so no combination appears twice.
 */
final class GridOracle implements Oracle {
    /** A grid beyond this is almost surely a mistake (a step far too small) and would not fit in memory anyway. */
    static final int MAX_COMBINATIONS = 1_000_000;

    private final List<Parameters> grid;
    private final long seed;
    private final int epochs;
    private int proposed;

    /**
     * @param maxTrials at most this many combinations (the first ones), 0 for all
     * @throws PlaygroundException for a float range without a step, or a grid of more than a million combinations
     */
    GridOracle(SearchSpace space, long seed, int epochs, int maxTrials) {
        for (Hyperparameter h : space.hyperparameters()) {
            if (h instanceof FloatRange r && !r.hasStep() && r.min() != r.max()) {
                throw new PlaygroundException("Grid search cannot enumerate hyperparameter " + Values.show(h.name())
                        + ", " + h.describe() + " without a step, which holds infinitely many values: give it a "
                        + "\"step\", or use random search or TPE");
            }
        }
        this.seed = seed;
        this.epochs = epochs;
        List<Parameters> all = enumerate(space);
        this.grid = maxTrials > 0 && maxTrials < all.size() ? all.subList(0, maxTrials) : all;
    }

    static List<Parameters> enumerate(SearchSpace space) {
        List<Parameters> out = new ArrayList<>();
        extend(space.hyperparameters(), 0, new LinkedHashMap<>(), out);
        return out;
    }

    private static void extend(List<Hyperparameter> hs, int i, Map<String, Object> assigned, List<Parameters> out) {
        if (i == hs.size()) {
            if (out.size() == MAX_COMBINATIONS) {
                throw new PlaygroundException("Grid search would run more than " + MAX_COMBINATIONS
                        + " combinations: use larger steps, fewer values, or random search or TPE");
            }
            out.add(new Parameters(assigned));
            return;
        }
        Hyperparameter h = hs.get(i);
        if (!h.condition().holdsFor(assigned)) {
            extend(hs, i + 1, assigned, out);
            return;
        }
        for (Object v : values(h)) {
            assigned.put(h.name(), v);
            extend(hs, i + 1, assigned, out);
            assigned.remove(h.name());
        }
    }

    private static List<Object> values(Hyperparameter h) {
        List<Object> values = new ArrayList<>();
        if (h instanceof Choice c) {
            values.addAll(c.values());
        } else if (h instanceof Fixed f) {
            values.add(f.value());
        } else if (h instanceof IntRange r) {
            for (long k = 0; k < r.size(); k++) {
                values.add(r.value(k));
            }
        } else {
            FloatRange r = (FloatRange) h;
            long size = r.hasStep() ? r.size() : 1;
            for (long k = 0; k < size; k++) {
                values.add(r.hasStep() ? r.value(k) : r.min());
            }
        }
        return values;
    }

    @Override
    public Proposal next() {
        if (proposed == grid.size()) {
            return Proposal.DONE;
        }
        int k = proposed++;
        return Proposal.run(Trial.of(k, grid.get(k), seed, epochs));
    }

    @Override
    public void report(TrialResult result) {
        // The grid is fixed in advance.
    }

    @Override
    public int plannedTrials() {
        return grid.size();
    }
}
