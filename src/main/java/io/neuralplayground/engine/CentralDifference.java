package io.neuralplayground.engine;

import java.util.function.DoubleUnaryOperator;

/**
 * The derivative of a function of one number by the fourth-order central difference, the one finite difference
 * of the project: {@link GradientCheck} checks backprop with it, the autodiff room checks reverse mode with it.
 * <pre>
 *   f'(x) ≈ (f(x − 2h) − 8·f(x − h) + 8·f(x + h) − f(x + 2h)) / 12h
 * </pre>
 * Its truncation error is h⁴·f⁽⁵⁾/30 (exact for polynomials up to degree 4) and its rounding error about
 * 1.5·ε·|f|/h; with h = 10⁻⁴ that is about 3·10⁻¹⁸·f⁽⁵⁾ and 3·10⁻¹²·|f|, so on smooth functions it agrees with the
 * exact derivative to about ten digits. Across a kink (relu at 0) or near the edge of a domain (log near 0) it is
 * no derivative at all.
 */
public final class CentralDifference {
    /** h / max(1, |x|) for {@link #step}. */
    public static final double RELATIVE_STEP = 1e-4;

    private CentralDifference() {
    }

    /**
     * The step h = 10⁻⁴ · max(1, |x|): it scales with |x| so that x ± 2h is a different number from x however large
     * x is.
     */
    public static double step(double x) {
        return RELATIVE_STEP * Math.max(1, Math.abs(x));
    }

    /** The difference quotient of {@code f} at {@code x} with the step {@link #step}(x). */
    public static double derivative(DoubleUnaryOperator f, double x) {
        return derivative(f, x, step(x));
    }

    /** The difference quotient of {@code f} at {@code x} with the step {@code h}, evaluating f from x − 2h up. */
    public static double derivative(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x - 2 * h) - 8 * f.applyAsDouble(x - h) + 8 * f.applyAsDouble(x + h)
                - f.applyAsDouble(x + 2 * h)) / (12 * h);
    }
}
