package io.neuralplayground.ui.viewmodel.tuning;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every trial's objective metric epoch by epoch (Optuna's "intermediate values"), for the chart of all learning
 * curves. A curve is <em>cut</em> when its trial ended before the search's full epochs and no later trial trains
 * it further: a Hyperband configuration not promoted, or a trial early stopping ended. FX thread only.
 */
public final class LearningCurves {
    /** One trial's curve. */
    public static final class Curve {
        private final int trial;
        private double[] values = new double[16];
        private int size;
        private boolean ended;
        private boolean continued;
        private boolean failed;

        Curve(int trial) {
            this.trial = trial;
        }

        public int trial() {
            return trial;
        }

        /** Epochs recorded. */
        public int size() {
            return size;
        }

        /** The metric after epoch {@code i + 1}. */
        public double value(int i) {
            return values[i];
        }

        public boolean ended() {
            return ended;
        }

        public boolean failed() {
            return failed;
        }

        void set(int epoch, double value) {
            if (epoch > values.length) {
                values = Arrays.copyOf(values, Math.max(epoch, values.length * 2));
            }
            values[epoch - 1] = value;
            size = Math.max(size, epoch);
        }
    }

    private final Map<Integer, Curve> curves = new TreeMap<>();
    private int fullEpochs;

    /** Forgets every curve; {@code fullEpochs} is what an uncut trial of the new search trains. */
    void clear(int fullEpochs) {
        curves.clear();
        this.fullEpochs = fullEpochs;
    }

    /** A trial started; {@code parent} is the trial it continues (Hyperband), which is then not cut. */
    void start(int trial, Integer parent) {
        curves.computeIfAbsent(trial, Curve::new);
        if (parent != null) {
            curves.computeIfAbsent(parent, Curve::new).continued = true;
        }
    }

    void record(int trial, int epoch, double value) {
        curves.computeIfAbsent(trial, Curve::new).set(epoch, value);
    }

    /** The trial ended; {@code parent} is the trial it continues (Hyperband), which is then not cut. */
    void end(int trial, Integer parent, boolean failed, java.util.List<Double> history) {
        Curve c = curves.computeIfAbsent(trial, Curve::new);
        for (int e = 0; e < history.size(); e++) {
            c.set(e + 1, history.get(e));
        }
        c.ended = true;
        c.failed = failed;
        if (parent != null) {
            curves.computeIfAbsent(parent, Curve::new).continued = true;
        }
    }

    /** The trial was running when the search was cancelled: its curve ends where it is. */
    void stopped(int trial) {
        curves.computeIfAbsent(trial, Curve::new).ended = true;
    }

    /** Whether {@code c} stopped short: ended before the full epochs, and not trained further by a later trial. */
    public boolean isCut(Curve c) {
        return c.ended && !c.continued && c.size < fullEpochs;
    }

    public Collection<Curve> all() {
        return Collections.unmodifiableCollection(curves.values());
    }

    /** The epochs of an uncut trial: the x axis' end. */
    public int fullEpochs() {
        return fullEpochs;
    }
}
