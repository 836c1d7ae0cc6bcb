package io.neuralplayground.engine.autodiff;

import java.util.function.DoubleUnaryOperator;

/**
 * df/dx by the fourth-order central difference, the comparison for reverse mode:
 * <pre>
 *   f'(x) ≈ (f(x − 2h) − 8·f(x − h) + 8·f(x + h) − f(x + 2h)) / 12h,     h = 10⁻⁴ · max(1, |x|)
 * </pre>
 * Its truncation error is h⁴·f⁽⁵⁾/30 ≈ 10⁻¹⁷·f⁽⁵⁾ and its rounding error about 1.5·ε·|f|/h ≈ 3·10⁻¹²·|f|, so on
 * smooth functions it agrees with the exact derivative to about ten digits. Across a kink (relu at 0) or
 * near the edge of a domain (log near 0) it is no derivative at all; the step scales with |x| so that x ± 2h
 * is a different number from x however large x is.
 */
public final class FiniteDifference {
    /** h / max(1, |x|). */
    public static final double RELATIVE_STEP = 1e-4;

    private FiniteDifference() {
    }

    /** The step h used at x. */
    public static double step(double x) {
        return RELATIVE_STEP * Math.max(1, Math.abs(x));
    }

    /** The difference quotient of {@code f} at {@code x}. */
    public static double derivative(DoubleUnaryOperator f, double x) {
        return derivative(f, x, step(x));
    }

    /** The difference quotient of {@code f} at {@code x} with the step {@code h}, evaluating f from x − 2h up. */
    public static double derivative(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x - 2 * h) - 8 * f.applyAsDouble(x - h) + 8 * f.applyAsDouble(x + h)
                - f.applyAsDouble(x + 2 * h)) / (12 * h);
    }

    /** The difference quotient of the graph's function at {@code x}, from forward passes only. */
    public static double derivative(ComputationalGraph graph, double x) {
        return derivative(graph::value, x);
    }
}
