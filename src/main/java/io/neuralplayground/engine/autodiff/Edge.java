package io.neuralplayground.engine.autodiff;

import java.util.List;

/**
 * A use of node {@code from} by node {@code to}. A node that uses another twice ({@code a·a}) has one edge to it
 * with both operand slots; its local derivative ∂to/∂from is the sum over the slots (∂(a·a)/∂a = a + a).
 *
 * @param index   its place in {@link ComputationalGraph#edges()}
 * @param from    the used node's index
 * @param to      the using node's index (always greater than from)
 * @param slots   the operand positions of {@code to} that are {@code from}
 * @param formula ∂to/∂from as a formula, {@code exp(a)} or {@code 2x}
 */
public record Edge(int index, int from, int to, List<Integer> slots, String formula) {

    public Edge {
        slots = List.copyOf(slots);
    }
}
