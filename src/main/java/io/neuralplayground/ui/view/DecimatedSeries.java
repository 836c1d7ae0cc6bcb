package io.neuralplayground.ui.view;

import org.jfree.data.xy.XYSeries;

/**
 * Shows a long history in a chart series of bounded size: the entries are cut into buckets of k (a power of
 * two, doubled whenever the buckets would exceed the limit) and each bucket shows its lowest and its highest
 * value, so spikes survive and a smooth curve keeps its shape. Updates are incremental: finished buckets stay,
 * only the bucket still filling is redrawn, and everything is redone only when k doubles.
 *
 * <p>Non-finite values (NaN: no test data) are skipped. Call on the FX thread, with the series' notification off.
 */
final class DecimatedSeries {
    private final XYSeries series;
    private final int maxBuckets;
    private int bucket = 1;
    private int fullBuckets;
    private int tailItems;
    private double floor = Double.NEGATIVE_INFINITY;

    /** @param maxPoints at most this many items (plus one) in the series */
    DecimatedSeries(XYSeries series, int maxPoints) {
        if (maxPoints < 4) {
            throw new IllegalArgumentException("at least 4 points, not " + maxPoints);
        }
        this.series = series;
        this.maxBuckets = maxPoints / 2;
    }

    /** Values below {@code value} are shown at it (a log axis cannot show 0); NEGATIVE_INFINITY for none. */
    void setFloor(double value) {
        if (value != floor) {
            floor = value;
            clear();
        }
    }

    void clear() {
        series.clear();
        bucket = 1;
        fullBuckets = 0;
        tailItems = 0;
    }

    /** Brings the series up to entries 0 … size−1 of ({@code x}, {@code y}). */
    void update(int[] x, double[] y, int size) {
        int wanted = bucketFor(size);
        if (wanted != bucket || size < fullBuckets * bucket) {
            series.clear();
            bucket = wanted;
            fullBuckets = 0;
            tailItems = 0;
        }
        for (; tailItems > 0; tailItems--) {
            series.remove(series.getItemCount() - 1);
        }
        int complete = size / bucket;
        for (int b = fullBuckets; b < complete; b++) {
            addBucket(x, y, b * bucket, (b + 1) * bucket);
        }
        fullBuckets = complete;
        int from = complete * bucket;
        if (from < size) {
            int before = series.getItemCount();
            addBucket(x, y, from, size);
            // The newest entry shows at once, whatever the bucket's extremes are.
            if (Double.isFinite(y[size - 1]) && (series.getItemCount() == before
                    || series.getX(series.getItemCount() - 1).intValue() != x[size - 1])) {
                add(x[size - 1], y[size - 1]);
            }
            tailItems = series.getItemCount() - before;
        }
    }

    private int bucketFor(int size) {
        int k = 1;
        while ((size + k - 1) / k > maxBuckets) {
            k *= 2;
        }
        return k;
    }

    /** The lowest and the highest finite value of entries from … to−1, in their order. */
    private void addBucket(int[] x, double[] y, int from, int to) {
        int low = -1;
        int high = -1;
        for (int i = from; i < to; i++) {
            double v = y[i];
            if (!Double.isFinite(v)) {
                continue;
            }
            if (low < 0 || v < y[low]) {
                low = i;
            }
            if (high < 0 || v > y[high]) {
                high = i;
            }
        }
        if (low < 0) {
            return;
        }
        int first = Math.min(low, high);
        int second = Math.max(low, high);
        add(x[first], y[first]);
        if (second != first) {
            add(x[second], y[second]);
        }
    }

    private void add(int x, double y) {
        series.add(x, Math.max(y, floor), false);
    }
}
