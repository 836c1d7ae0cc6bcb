package io.neuralplayground.cli;

import picocli.CommandLine.Option;

/** The optimisation: loss, optimizer, learning rate, batch, regularization, order. */
final class TrainingOptions {
    @Option(names = "--loss", paramLabel = "NAME",
            description = "half_squared_error, mean_squared_error, mean_absolute_error, binary_crossentropy, "
                    + "categorical_crossentropy, sparse_categorical_crossentropy. Default: half_squared_error "
                    + "(categorical_crossentropy for more than two classes).")
    String loss;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "sgd",
            description = "sgd, momentum, nesterov, rmsprop or adam (Keras' formulas and defaults). "
                    + "Default: ${DEFAULT-VALUE}.")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.03",
            description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "10",
            description = "Examples per minibatch. Default: ${DEFAULT-VALUE}.")
    int batch;

    @Option(names = "--reg", paramLabel = "KIND", defaultValue = "none",
            description = "Regularization of the weights: none, l1 or l2 (TF Playground's semantics). "
                    + "Default: ${DEFAULT-VALUE}.")
    String regularization;

    @Option(names = "--reg-rate", paramLabel = "RATE", defaultValue = "0",
            description = "Regularization rate. Default: ${DEFAULT-VALUE}.")
    double regularizationRate;

    @Option(names = "--no-shuffle", negatable = false,
            description = "Keep the training examples in one fixed order, as TF Playground does "
                    + "(default: reshuffle every epoch).")
    boolean noShuffle;
}
