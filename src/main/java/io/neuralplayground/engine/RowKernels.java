package io.neuralplayground.engine;

/**
 * The innermost loops of a dense layer, along the rows of a minibatch (one value per example).
 *
 * <p>Why these exist: on the small minibatches of a playground the cost is the number of loops, not the
 * arithmetic. Folding up to four inputs into one pass over a row, and starting the first pass from the bias
 * instead of filling the row first, cuts the loops several-fold. Every fold adds its terms in input order with
 * {@link Math#fma}, so the sums are the same bit for bit as adding one input at a time.
 */
final class RowKernels {
    private RowKernels() {
    }

    /**
     * {@code acc[r] = start + Σ_{t<count} w[t]·rows[t][r]} (or {@code acc[r] += …} when {@code accumulate}), for
     * r in [0, m), with the terms folded in order t = 0, 1, …; count is 1 to 4.
     */
    static void fold(double[] acc, int m, boolean accumulate, double start, int count, double w0, double[] h0,
            double w1, double[] h1, double w2, double[] h2, double w3, double[] h3) {
        switch (count) {
            case 1 -> {
                if (accumulate) {
                    for (int r = 0; r < m; r++) {
                        acc[r] = Math.fma(w0, h0[r], acc[r]);
                    }
                } else {
                    for (int r = 0; r < m; r++) {
                        acc[r] = Math.fma(w0, h0[r], start);
                    }
                }
            }
            case 2 -> {
                if (accumulate) {
                    for (int r = 0; r < m; r++) {
                        acc[r] = Math.fma(w1, h1[r], Math.fma(w0, h0[r], acc[r]));
                    }
                } else {
                    for (int r = 0; r < m; r++) {
                        acc[r] = Math.fma(w1, h1[r], Math.fma(w0, h0[r], start));
                    }
                }
            }
            case 3 -> {
                if (accumulate) {
                    for (int r = 0; r < m; r++) {
                        acc[r] = Math.fma(w2, h2[r], Math.fma(w1, h1[r], Math.fma(w0, h0[r], acc[r])));
                    }
                } else {
                    for (int r = 0; r < m; r++) {
                        acc[r] = Math.fma(w2, h2[r], Math.fma(w1, h1[r], Math.fma(w0, h0[r], start)));
                    }
                }
            }
            case 4 -> {
                if (accumulate) {
                    for (int r = 0; r < m; r++) {
                        acc[r] = Math.fma(w3, h3[r],
                                Math.fma(w2, h2[r], Math.fma(w1, h1[r], Math.fma(w0, h0[r], acc[r]))));
                    }
                } else {
                    for (int r = 0; r < m; r++) {
                        acc[r] = Math.fma(w3, h3[r],
                                Math.fma(w2, h2[r], Math.fma(w1, h1[r], Math.fma(w0, h0[r], start))));
                    }
                }
            }
            default -> throw new IllegalArgumentException("fold takes 1 to 4 terms, got " + count);
        }
    }

    /**
     * {@code acc[r] = start + Σ_t w(t)·rows[t][r]} over all {@code rows.length} rows, where the weight of row t is
     * {@code weights[offset + t·stride]}: four rows per pass over acc.
     */
    static void weightedSum(double[] acc, int m, double start, double[][] rows, double[] weights, int offset,
            int stride) {
        int n = rows.length;
        for (int t = 0; t < n; t += 4) {
            int count = Math.min(4, n - t);
            int w = offset + t * stride;
            fold(acc, m, t > 0, start, count,
                    weights[w], rows[t],
                    count > 1 ? weights[w + stride] : 0, count > 1 ? rows[t + 1] : null,
                    count > 2 ? weights[w + 2 * stride] : 0, count > 2 ? rows[t + 2] : null,
                    count > 3 ? weights[w + 3 * stride] : 0, count > 3 ? rows[t + 3] : null);
        }
    }
}
