package io.neuralplayground.ui.viewmodel.teaching;

import io.neuralplayground.data.Feature;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Network;
import java.util.List;

/**
 * The network the teaching views work on, frozen: a copy nobody changes, with what is needed to run backprop
 * on it.
 *
 * @param network      the weights (a private copy)
 * @param inputs       names of the inputs, in order (x1, x2, … or a model file's names)
 * @param loss         the loss backprop starts from
 * @param learningRate α of the update step
 * @param source       where it came from, for titles: "the playground" or a file name
 * @param playground   whether it is the playground's network (applying an update changes the main window)
 */
public record TeachingNetwork(Network network, List<String> inputs, Loss loss, double learningRate, String source,
        boolean playground) {

    public TeachingNetwork {
        network = network.copy();
        inputs = List.copyOf(inputs);
    }

    /** The inputs as the window shows them: X₁² for the feature x1sq, a file's own names as they are. */
    public List<String> inputLabels() {
        return inputs.stream().map(Feature::labelOf).toList();
    }

    /** A copy of the weights to change (the record's own copy must stay as it is). */
    public Network copyOfNetwork() {
        return network.copy();
    }
}
