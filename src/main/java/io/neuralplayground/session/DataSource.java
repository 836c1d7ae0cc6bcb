package io.neuralplayground.session;

import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.Rng;

/** Where a run's examples come from: one of TF Playground's generators, or a dataset already loaded. */
public sealed interface DataSource permits DataSource.Generated, DataSource.Loaded {

    /** The dataset, drawing generated points from {@code rng}. */
    Dataset dataset(Rng rng);

    /**
     * A playground generator with its point count, noise (0 to 0.5, Playground's 0–50 %) and number of classes
     * (see {@link PlaygroundDataset#minClasses()}).
     */
    record Generated(PlaygroundDataset kind, int samples, double noise, int classes) implements DataSource {
        /** Playground's number of points and the kind's default number of classes. */
        public static Generated of(PlaygroundDataset kind, double noise) {
            return of(kind, noise, kind.defaultClasses());
        }

        /** Playground's number of points. */
        public static Generated of(PlaygroundDataset kind, double noise, int classes) {
            return new Generated(kind, kind.defaultSize(), noise, classes);
        }

        /** The kind's default number of classes. */
        public Generated(PlaygroundDataset kind, int samples, double noise) {
            this(kind, samples, noise, kind.defaultClasses());
        }

        @Override
        public Dataset dataset(Rng rng) {
            return Dataset.playground(kind, samples, noise, classes, rng);
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
