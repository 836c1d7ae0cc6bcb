package io.neuralplayground.cli;

import picocli.CommandLine.Option;

/** The optimisation: loss, optimizer, learning rate, batch and its leftover examples, regularization, order. */
final class TrainingOptions {
    @Option(names = "--loss", paramLabel = "NAME",
            description = "half_squared_error, mean_squared_error, mean_absolute_error, binary_crossentropy, "
                    + "categorical_crossentropy, sparse_categorical_crossentropy. Default: the lecture's table: "
                    + "binary_crossentropy for two classes, mean_squared_error for regression, for more classes "
                    + "sparse_categorical_crossentropy (classes named by numbers) or categorical_crossentropy; "
                    + "half_squared_error is TF Playground's.")
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

    // Keras' way by default, as the reshuffling: the same command gives the numbers it gave before the choice existed.
    @Option(names = "--leftover", paramLabel = "MODE", defaultValue = "smaller-batch",
            description = "What to do with the examples beyond the last whole batch of an epoch: smaller-batch "
                    + "trains them as a smaller last batch (Keras); carry-over keeps their gradients and averages "
                    + "them into the next epoch's first update (TF Playground, the window's default). "
                    + "Default: ${DEFAULT-VALUE}.")
    String leftover;

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
