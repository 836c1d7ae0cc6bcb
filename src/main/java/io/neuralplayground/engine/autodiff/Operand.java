package io.neuralplayground.engine.autodiff;

/**
 * What a node computes from: another node (by its index in evaluation order) or a number written in the
 * expression. Numbers are operands, not nodes: they have no adjoint worth showing, and {@code x^2} reads as one
 * node {@code a = x²} with one edge from x.
 */
public sealed interface Operand {

    /** Another node of the graph. */
    record Ref(int node) implements Operand {
    }

    /**
     * A number, with the text it is shown as (the user's own, e.g. {@code 0.5} or {@code 1e-3}, with a leading
     * {@code −} when negated). Two constants are the same operand when their values are.
     */
    record Constant(double value, String text) implements Operand {
        @Override
        public boolean equals(Object o) {
            return o instanceof Constant c && Double.compare(c.value, value) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value);
        }
    }
}
