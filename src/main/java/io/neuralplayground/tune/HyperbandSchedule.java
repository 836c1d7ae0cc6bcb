package io.neuralplayground.tune;

import java.util.ArrayList;
import java.util.List;

/**
 * Hyperband's brackets (Li, Jamieson, DeSalvo, Rostamizadeh, Talwalkar, "Hyperband: A Novel Bandit-Based Approach
 * to Hyperparameter Optimization", JMLR 2017, Algorithm 1), with R the most epochs a trial trains and η the factor:
 * <pre>
 *   s_max = ⌊log_η R⌋
 *   for s = s_max … 0:   n = ⌈(s_max + 1)/(s + 1) · η^s⌉,  r = R·η^−s
 *     for i = 0 … s:     n_i = ⌊n·η^−i⌋ configurations, r_i = r·η^i epochs each, the best ⌊n_i/η⌋ go on
 * </pre>
 * All in integers: ⌊log_η R⌋ as the largest s with η^s ≤ R (a floating-point log of 243 to base 3 is 4.999…), the
 * ceiling as an integer division; r_i = R/η^(s−i) rounded to whole epochs, at least 1 (R itself in the last round).
 */
record HyperbandSchedule(int maxEpochs, int factor, List<Bracket> brackets) {

    /** One round: {@code configurations} trials of {@code epochs} epochs. */
    record Round(int configurations, int epochs) {
    }

    /** Bracket s and its rounds i = 0 … s. */
    record Bracket(int s, List<Round> rounds) {
    }

    static HyperbandSchedule of(int maxEpochs, int factor) {
        if (maxEpochs < 1 || factor < 2) {
            throw new IllegalArgumentException("Hyperband needs max_epochs ≥ 1 and factor ≥ 2, not " + maxEpochs
                    + " and " + factor);
        }
        int sMax = 0;
        long power = factor;
        while (power <= maxEpochs) {
            sMax++;
            power *= factor;
        }
        List<Bracket> brackets = new ArrayList<>();
        for (int s = sMax; s >= 0; s--) {
            long etaS = pow(factor, s);
            long n = ((sMax + 1) * etaS + s) / (s + 1);
            List<Round> rounds = new ArrayList<>();
            for (int i = 0; i <= s; i++) {
                long ni = n / pow(factor, i);
                long ri = Math.max(1, Math.round(maxEpochs / (double) pow(factor, s - i)));
                rounds.add(new Round((int) ni, (int) ri));
            }
            brackets.add(new Bracket(s, List.copyOf(rounds)));
        }
        return new HyperbandSchedule(maxEpochs, factor, List.copyOf(brackets));
    }

    private static long pow(int base, int exponent) {
        long p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= base;
        }
        return p;
    }

    /** The trials of one pass through every bracket when no trial fails. */
    int trials() {
        return brackets.stream().flatMap(b -> b.rounds().stream()).mapToInt(Round::configurations).sum();
    }
}
