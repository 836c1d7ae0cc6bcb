package io.neuralplayground.ui.viewmodel.teaching;

/**
 * One piece of a formula written with its numbers: an operator or a bit of text ("·", "+", "= ", "σ("), or a
 * matrix. The view lays the pieces out in a row.
 */
public sealed interface FormulaPart {

    /** Text between matrices. */
    record Text(String text) implements FormulaPart {
    }

    /** A matrix with its symbol. */
    record Matrix(Term term) implements FormulaPart {
    }

    static FormulaPart text(String text) {
        return new Text(text);
    }

    static FormulaPart matrix(Term term) {
        return new Matrix(term);
    }
}
