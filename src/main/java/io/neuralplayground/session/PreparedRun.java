package io.neuralplayground.session;

import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.FeatureSet;
import io.neuralplayground.data.Split;
import io.neuralplayground.data.Standardization;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Trainer;
import java.util.Optional;

/**
 * A training run ready to go: the data as generated or loaded, its split, the input features, the trainer that
 * owns the network, and the standardization fitted on the training part when the plan asked for one. With a
 * standardization the split holds the standardized examples and {@code dataset} the raw ones.
 */
public record PreparedRun(Dataset dataset, Split split, FeatureSet features, Trainer trainer,
        Optional<Standardization> standardization) {

    public Network network() {
        return trainer.network();
    }
}
