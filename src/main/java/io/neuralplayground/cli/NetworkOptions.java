package io.neuralplayground.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The network's shape, activations and initialisation. */
final class NetworkOptions {
    @Option(names = "--layers", paramLabel = "WIDTHS", defaultValue = "4,2",
            description = "Hidden layer widths, e.g. 8,8,8; 0 for no hidden layer. Default: ${DEFAULT-VALUE}.")
    String layers;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "tanh",
            description = "Hidden activation: linear, relu, leaky_relu, elu, tanh, sigmoid. Default: ${DEFAULT-VALUE}.")
    String activation;

    @Option(names = "--output-activation", paramLabel = "NAME",
            description = "Output activation. Default: the loss's: sigmoid for binary_crossentropy (two classes), "
                    + "tanh for half_squared_error on two classes, softmax for the categorical losses, linear for "
                    + "regression.")
    String outputActivation;

    @Option(names = "--init", paramLabel = "NAME", defaultValue = "playground",
            description = "Initial weights: playground, glorot_uniform, he_normal, zeros. Default: ${DEFAULT-VALUE}.")
    String init;

    @Option(names = "--init-model", paramLabel = "FILE",
            description = "Start from the weights in this model file; its shape replaces --layers.")
    Path initModel;
}
