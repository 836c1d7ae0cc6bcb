package io.neuralplayground.engine;

/**
 * The gradients {@link LeftoverExamples#CARRY_OVER} carries from one epoch into the next, as a value to save
 * and restore: the sum over the {@code examples} leftover examples of ∂ℓᵢ/∂θ for every parameter θ. Parameter
 * arrays are numbered as the optimizer's memory: 2k for layer k's kernel (row-major, inputs × units) and 2k + 1 for
 * its bias.
 *
 * @param examples how many examples' gradients are summed (0: nothing carried)
 * @param sums     {@code [parameter array][value]}; empty when nothing is carried
 */
public record CarriedGradient(int examples, double[][] sums) {
    /** Nothing carried. */
    public static final CarriedGradient NONE = new CarriedGradient(0, new double[0][]);

    public CarriedGradient {
        if (examples < 0) {
            throw new IllegalArgumentException("the carried examples must be 0 or more, got " + examples);
        }
        if (examples == 0 && sums.length != 0) {
            throw new IllegalArgumentException("no example is carried but gradient sums are given");
        }
        double[][] copy = new double[sums.length][];
        for (int k = 0; k < sums.length; k++) {
            copy[k] = sums[k].clone();
        }
        sums = copy;
    }

    public boolean isEmpty() {
        return examples == 0;
    }

    @Override
    public double[][] sums() {
        double[][] copy = new double[sums.length][];
        for (int k = 0; k < sums.length; k++) {
            copy[k] = sums[k].clone();
        }
        return copy;
    }
}
