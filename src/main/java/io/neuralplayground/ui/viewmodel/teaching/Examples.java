package io.neuralplayground.ui.viewmodel.teaching;

/**
 * The example (or minibatch) the teaching views run backprop on: {@code inputs[r]} and {@code targets[r]} are
 * example r's input and target (one value per output, or the class index for the sparse loss).
 */
public record Examples(double[][] inputs, double[][] targets) {

    public Examples {
        if (inputs.length == 0 || inputs.length != targets.length) {
            throw new IllegalArgumentException("examples need at least one input and one target per input");
        }
        inputs = deepCopy(inputs);
        targets = deepCopy(targets);
    }

    public static Examples one(double[] input, double[] target) {
        return new Examples(new double[][] {input}, new double[][] {target});
    }

    public int count() {
        return inputs.length;
    }

    @Override
    public double[][] inputs() {
        return deepCopy(inputs);
    }

    @Override
    public double[][] targets() {
        return deepCopy(targets);
    }

    private static double[][] deepCopy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            copy[r] = rows[r].clone();
        }
        return copy;
    }
}
