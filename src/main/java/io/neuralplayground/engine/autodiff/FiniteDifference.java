package io.neuralplayground.engine.autodiff;

import io.neuralplayground.engine.CentralDifference;
import java.util.function.DoubleUnaryOperator;

/**
 * df/dx by the engine's {@link CentralDifference} with its relative step h = 10⁻⁴ · max(1, |x|), the comparison
 * for reverse mode. The formula and its error analysis live there; this class applies it to a graph.
 */
public final class FiniteDifference {

    private FiniteDifference() {
    }

    /** The difference quotient of {@code f} at {@code x}. */
    public static double derivative(DoubleUnaryOperator f, double x) {
        return CentralDifference.derivative(f, x);
    }

    /** The difference quotient of the graph's function at {@code x}, from forward passes only. */
    public static double derivative(ComputationalGraph graph, double x) {
        return CentralDifference.derivative(graph::value, x);
    }
}
