package io.neuralplayground.io.json;

import io.neuralplayground.io.Model;
import java.util.List;
import java.util.Map;

/**
 * The contents of a session file, in the io layer's own terms (the session turns its state into this and back).
 *
 * @param settings  the playground's settings as a JSON-compatible map (the session's codec says what is in it)
 * @param model     the inputs and the network's weights and activations
 * @param frozen    per layer, the links frozen at 0 by L1 regularization, as {input, unit} pairs
 * @param progress  how far training got and the trainer's memory
 * @param history   the losses and accuracies of every epoch so far
 * @param view      how the window showed it
 */
public record SessionDocument(Map<String, Object> settings, Model model, List<List<int[]>> frozen,
        Progress progress, History history, View view) {

    /**
     * How the window showed the session: choices of display that change no number, kept so that a session opens
     * looking as it was saved.
     *
     * @param showTestData whether the output plot shows the test points
     * @param discretize   whether the output plot shows only the sign of the output
     * @param logScale     whether the loss chart's loss axis is logarithmic
     * @param plotAxes     with the user's data, the two columns the plot shows (across, up); empty otherwise
     */
    public record View(boolean showTestData, boolean discretize, boolean logScale, List<String> plotAxes) {
        /** What a window shows before anything is chosen, and what files without a "view" get. */
        public static final View DEFAULT = new View(false, false, false);

        public View {
            plotAxes = List.copyOf(plotAxes);
            if (!plotAxes.isEmpty() && plotAxes.size() != 2) {
                throw new IllegalArgumentException("the plot has two axes, not " + plotAxes.size());
            }
        }

        /** A view of generated data: no axes to choose. */
        public View(boolean showTestData, boolean discretize, boolean logScale) {
            this(showTestData, discretize, logScale, List.of());
        }
    }

    /**
     * @param epoch          epochs trained
     * @param order          the order of the training examples for the next epoch
     * @param shuffleState   the shuffling generator's state
     * @param optimizer      the optimizer's name (its memory must fit it)
     * @param optimizerSteps the optimizer's step count
     * @param optimizerSlots the optimizer's memory, {@code [slot][parameter array][value]}
     * @param carriedExamples how many leftover examples' gradients wait for the next epoch's first update (0: none)
     * @param carriedGradient their summed gradients, {@code [parameter array][value]}; empty when none are carried
     */
    public record Progress(int epoch, int[] order, long shuffleState, String optimizer, long optimizerSteps,
            double[][][] optimizerSlots, int carriedExamples, double[][] carriedGradient) {
    }

    /**
     * Epochs with their losses and accuracies (fractions classified correctly, 0 to 1). A missing value is NaN: a
     * test loss without test data, a validation loss without validation data, an accuracy for regression, or a
     * column of a file written before it was kept.
     */
    public record History(int[] epochs, double[] trainLoss, double[] testLoss, double[] trainAccuracy,
            double[] testAccuracy, double[] validationLoss, double[] validationAccuracy) {
        public History {
            int n = epochs.length;
            if (trainLoss.length != n || testLoss.length != n || trainAccuracy.length != n
                    || testAccuracy.length != n || validationLoss.length != n || validationAccuracy.length != n) {
                throw new IllegalArgumentException("the history's columns differ in length");
            }
        }
    }
}
