package io.neuralplayground.session;

import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.FeatureSet;
import io.neuralplayground.data.Split;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Trainer;

/**
 * A training run ready to go: the data as generated or loaded, its split, the input features and the trainer that
 * owns the network.
 */
public record PreparedRun(Dataset dataset, Split split, FeatureSet features, Trainer trainer) {

    public Network network() {
        return trainer.network();
    }
}
