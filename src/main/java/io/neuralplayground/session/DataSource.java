package io.neuralplayground.session;

import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.Rng;

/** Where a run's examples come from: one of TF Playground's generators, or a dataset already loaded. */
public sealed interface DataSource permits DataSource.Generated, DataSource.Loaded {

    /** The dataset, drawing generated points from {@code rng}. */
    Dataset dataset(Rng rng);

    /**
     * A Playground generator with its point count and noise (0 to 0.5, Playground's 0–50 %).
     */
    record Generated(PlaygroundDataset kind, int samples, double noise) implements DataSource {
        public static Generated of(PlaygroundDataset kind, double noise) {
            return new Generated(kind, kind.defaultSize(), noise);
        }

        @Override
        public Dataset dataset(Rng rng) {
            return Dataset.playground(kind, samples, noise, rng);
        }
    }

    /** Examples loaded from a file (or painted): used as they are. */
    record Loaded(Dataset data) implements DataSource {
        @Override
        public Dataset dataset(Rng rng) {
            return data;
        }
    }
}
