package io.neuralplayground.tune;

/**
 * One dimension of a search space: a {@link Choice} among listed values, an {@link IntRange}, a {@link FloatRange}
 * or a {@link Fixed} value, each active always or only under a {@link Condition}.
 *
 * <p>Each kind checks itself when made (a {@link SearchSpaceException} naming it); what needs the whole space —
 * unique names, parents before children — {@link SearchSpace} checks.
 */
public sealed interface Hyperparameter permits Choice, IntRange, FloatRange, Fixed {
    String name();

    /** When this hyperparameter is active; {@link Condition#ALWAYS} for an unconditional one. */
    Condition condition();

    /** Whether this hyperparameter can take {@code value} (a condition on it may only list such values). */
    boolean admits(Object value);

    /** The same hyperparameter, active only under {@code condition}. */
    Hyperparameter onlyWhen(Condition condition);

    /** What it is, for messages and summaries: "an int range 1..3 step 2". */
    String describe();

    /** The number of values it can take, or -1 for a float range without a step (a continuum). */
    long size();

    static Choice choice(String name, Object... values) {
        return new Choice(name, java.util.List.of(values), Condition.ALWAYS);
    }

    static IntRange intRange(String name, int min, int max) {
        return new IntRange(name, min, max, 1, false, Condition.ALWAYS);
    }

    static FloatRange floatRange(String name, double min, double max) {
        return new FloatRange(name, min, max, 0, false, Condition.ALWAYS);
    }

    static Fixed fixed(String name, Object value) {
        return new Fixed(name, value, Condition.ALWAYS);
    }

    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new SearchSpaceException("a hyperparameter has no name: give each one a \"name\"");
        }
    }
}
