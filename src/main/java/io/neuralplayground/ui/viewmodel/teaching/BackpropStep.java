package io.neuralplayground.ui.viewmodel.teaching;

import java.util.List;
import java.util.Objects;

/**
 * One line of backpropagation as the stepper shows it: the line's symbolic form, the same line with its numbers,
 * the value it computes, and what to light up in the network diagram.
 *
 * @param kind      which line of the algorithm
 * @param layer     the layer, counted as the textbook counts (1 … L; the loss steps carry L)
 * @param title     a short heading ("Backward · layer 2 · weight gradient")
 * @param formula   the symbolic line ("∇W(2) = g·h(1)ᵀ")
 * @param numbers   the line with its numbers: text and matrices, ending with the result
 * @param result    the value computed, labelled as the list of values computed so far shows it
 * @param note      a sentence or two on what the line means, for the reader
 * @param highlight what lights up in the diagram
 * @param before    for an update step the parameter before the update, otherwise null
 * @param after     for an update step the parameter after it (the result), otherwise null
 */
public record BackpropStep(Kind kind, int layer, String title, String formula, List<FormulaPart> numbers,
        Term result, String note, Highlight highlight, Term before, Term after) {

    /** The lines of the algorithm, in the order they run. */
    public enum Kind {
        /** a(k) = W(k)·h(k−1) + b(k). */
        FORWARD_A,
        /** h(k) = φ(a(k)). */
        FORWARD_H,
        /** L(y, t). */
        LOSS,
        /** g ← ∇_y L. */
        G_LOSS,
        /** g ← g ⊙ φ'(a(k)), or Jᵀg for softmax, or y − t for a fused loss. */
        G_ACTIVATION,
        /** ∇b(k) = g. */
        GRAD_BIAS,
        /** ∇W(k) = g·h(k−1)ᵀ. */
        GRAD_WEIGHTS,
        /** g ← W(k)ᵀ·g. */
        G_PROPAGATE,
        /** W ← W − α·∇W or b ← b − α·∇b. */
        UPDATE;

        public boolean isBackward() {
            return ordinal() >= G_LOSS.ordinal() && ordinal() <= G_PROPAGATE.ordinal();
        }
    }

    public BackpropStep {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(formula);
        numbers = List.copyOf(numbers);
        Objects.requireNonNull(result);
        Objects.requireNonNull(highlight);
    }

    /** Whether this update step changes weights (false: biases); false for every other step. */
    public boolean updatesWeights() {
        return kind == Kind.UPDATE && highlight.links() > 0;
    }
}
