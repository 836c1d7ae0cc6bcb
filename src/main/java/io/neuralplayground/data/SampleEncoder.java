package io.neuralplayground.data;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Samples;
import io.neuralplayground.engine.TargetEncoding;

/**
 * Turns a dataset into the engine's {@link Samples}: the inputs are the {@link FeatureSet}'s values, the targets
 * {@link TargetEncoding#encode(double, int) encoding.encode(label, outputUnits)} of each example's label.
 */
public final class SampleEncoder {
    private SampleEncoder() {
    }

    /**
     * The examples of {@code data} as the engine's samples, in the dataset's order.
     *
     * @throws PlaygroundException if the encoding does not suit the task, or the output units do not suit the
     *     number of classes (the message says what to change)
     */
    public static Samples encode(Dataset data, FeatureSet features, TargetEncoding encoding, int outputUnits) {
        check(data, encoding, outputUnits);
        double[][] inputs = features.rows(data);
        if (inputs.length == 0) {
            // Samples.ofRows cannot tell the widths of no rows; an empty test set must still have them.
            return Samples.empty(features.size(), encoding.columns(outputUnits));
        }
        double[][] targets = new double[inputs.length][];
        for (int r = 0; r < inputs.length; r++) {
            targets[r] = encoding.encode(data.label(r), outputUnits);
        }
        return Samples.ofRows(inputs, targets);
    }

    /** Checks up front so the user gets advice rather than the engine's complaint about one label. */
    private static void check(Dataset data, TargetEncoding encoding, int outputUnits) {
        if (outputUnits < 1) {
            throw new PlaygroundException("The network has " + outputUnits + " output units: it needs at least one");
        }
        if (!data.isClassification()) {
            if (encoding != TargetEncoding.VALUE) {
                throw new PlaygroundException(data.name() + " is a regression dataset (numeric labels), but the "
                        + "network is set up for classification: use a regression loss such as mean squared error");
            }
            return;
        }
        int classes = data.classCount();
        switch (encoding) {
            case VALUE -> throw new PlaygroundException(data.name() + " is a classification dataset with "
                    + classes + " classes, but the network is set up for regression: use a classification setup");
            case SIGNED, UNIT -> {
                if (classes != 2) {
                    throw new PlaygroundException(data.name() + " has " + classes + " classes, but one output unit "
                            + "with a threshold separates exactly two: use " + classes
                            + " output units with softmax");
                }
                if (outputUnits != 1) {
                    throw new PlaygroundException("Two classes with targets " + (encoding == TargetEncoding.SIGNED
                            ? "-1/+1" : "0/1") + " need one output unit, but the network has " + outputUnits
                            + ": set the output layer to 1 unit, or use softmax with 2 units");
                }
            }
            case ONE_HOT, CLASS_INDEX -> {
                if (outputUnits != classes) {
                    throw new PlaygroundException(data.name() + " has " + classes + " classes but the network has "
                            + outputUnits + " output units: set the output layer to " + classes + " units");
                }
            }
        }
    }
}
