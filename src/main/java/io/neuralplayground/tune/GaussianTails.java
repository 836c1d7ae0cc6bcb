package io.neuralplayground.tune;

/**
 * The standard normal's probabilities in log space, accurate far into the tails, where {@code log(Φ(b) − Φ(a))}
 * computed directly would be log 0: a discrete kernel's mass over one step can sit ten deviations out.
 *
 * <p>Φ itself comes from Marsaglia's series {@code Φ(z) = ½ + φ(z)·(z + z³/3 + z⁵/(3·5) + …)} (all terms positive,
 * no cancellation) near the centre, and the upper tail {@code Q(z) = 1 − Φ(z) = φ(z)·R(z)} from the continued
 * fraction of Mills' ratio {@code R(z) = 1/(z + 1/(z + 2/(z + 3/(z + …))))} beyond {@link #TAIL}.
 */
final class GaussianTails {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    /** Below it the series converges in a few dozen terms; above it the continued fraction does. */
    private static final double TAIL = 3;
    private static final int FRACTION_TERMS = 300;

    private GaussianTails() {
    }

    /** log φ(z), the standard normal density. */
    static double logDensity(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /** log Q(z) = log P(Z > z). */
    static double logUpperTail(double z) {
        if (z < 0) {
            return Math.log1p(-upperTail(-z));
        }
        if (z < TAIL) {
            return Math.log(upperTail(z));
        }
        // Mills' ratio, evaluated from the innermost term out.
        double f = z;
        for (int k = FRACTION_TERMS; k >= 1; k--) {
            f = z + k / f;
        }
        return logDensity(z) - Math.log(f);
    }

    /** Q(z) for z ≥ 0. */
    private static double upperTail(double z) {
        if (z >= TAIL) {
            return Math.exp(logUpperTail(z));
        }
        double term = z;
        double sum = z;
        for (int n = 1; n < 200 && term > 1e-17 * sum; n++) {
            term *= z * z / (2 * n + 1);
            sum += term;
        }
        return 0.5 - Math.exp(logDensity(z)) * sum;
    }

    /** log(Φ(b) − Φ(a)) for a ≤ b: the log of the mass a standard normal puts on [a, b]. */
    static double logMass(double a, double b) {
        if (a >= b) {
            return Double.NEGATIVE_INFINITY;
        }
        if (a >= 0) {
            double la = logUpperTail(a);
            double lb = logUpperTail(b);
            return la + Math.log1p(-Math.exp(lb - la));
        }
        if (b <= 0) {
            return logMass(-b, -a);
        }
        double outside = Math.exp(logUpperTail(b)) + Math.exp(logUpperTail(-a));
        return Math.log1p(-outside);
    }
}
