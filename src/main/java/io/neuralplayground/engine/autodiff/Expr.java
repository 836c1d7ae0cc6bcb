package io.neuralplayground.engine.autodiff;

import java.util.List;

/**
 * The parsed expression, a tree. Records, so that two subtrees are equal exactly when they are written the same
 * way (up to spaces, brackets and the spelling of numbers): the graph builder merges equal subtrees into one node.
 */
public sealed interface Expr {

    /** The variable x. */
    record Variable() implements Expr {
    }

    /** A number; equal when the values are, whatever the text. */
    record Number(double value, String text) implements Expr {
        @Override
        public boolean equals(Object o) {
            return o instanceof Number n && Double.compare(n.value, value) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value);
        }
    }

    /** An operation on one or two subexpressions. */
    record Apply(Op op, List<Expr> args) implements Expr {
        public Apply {
            args = List.copyOf(args);
            if (args.size() != op.arity()) {
                throw new IllegalArgumentException(op + " takes " + op.arity() + " operands, got " + args.size());
            }
        }
    }

    static Expr apply(Op op, Expr... args) {
        return new Apply(op, List.of(args));
    }
}
