package io.neuralplayground.cli;

import io.neuralplayground.data.CsvDatasetReader;
import io.neuralplayground.data.LabelKind;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.session.DataSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the examples come from: a Playground generator or a CSV file; noise, split and seed. */
final class DataOptions {
    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "circle",
            description = "Generated dataset. Two classes: circle, xor, gauss, spiral (Playground's), moons, "
                    + "checkerboard; 3 to 6 classes (see --classes): blobs, spirals, rings; regression: plane, "
                    + "multigauss. Default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(names = "--classes", paramLabel = "K",
            description = "Number of classes of blobs, spirals and rings, 3 to 6. Default: 3.")
    Integer classes;

    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "Read examples from a CSV file with a header row instead (see --label).")
    Path csv;

    @Option(names = "--label", paramLabel = "COLUMN", defaultValue = CsvDatasetReader.DEFAULT_LABEL_COLUMN,
            description = "The CSV column holding the labels. Default: ${DEFAULT-VALUE}.")
    String label;

    @Option(names = "--task", paramLabel = "KIND", defaultValue = "AUTO",
            description = "How to read CSV labels: auto, classification or regression. Default: auto (text or a few "
                    + "whole numbers are classes).")
    LabelKind task;

    @Option(names = "--samples", paramLabel = "N",
            description = "Number of generated points. Default: 500 for classification, 1200 for regression.")
    Integer samples;

    @Option(names = "--noise", paramLabel = "PERCENT", defaultValue = "0",
            description = "Noise of generated data in percent, 0 to 50 (Playground's slider). Default: ${DEFAULT-VALUE}.")
    double noisePercent;

    @Option(names = "--ratio", paramLabel = "PERCENT", defaultValue = "50",
            description = "Share of the examples used for training, in percent (1 to 100). Default: ${DEFAULT-VALUE}.")
    double ratioPercent;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed for data, initial weights and shuffling: same seed, same run. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** The data source the options describe. */
    DataSource source() {
        if (csv != null) {
            return new DataSource.Loaded(CsvDatasetReader.read(csv, label, task));
        }
        PlaygroundDataset kind = PlaygroundDataset.byName(dataset);
        double noise = noise(noisePercent);
        int count = samples != null ? samples : kind.defaultSize();
        return new DataSource.Generated(kind, count, noise, classes(kind, classes));
    }

    /**
     * --classes for {@code kind}: the number given, checked, or the kind's default (also the window's --classes).
     *
     * @throws IllegalArgumentException for a two-class or regression dataset
     * @throws io.neuralplayground.PlaygroundException for a number the dataset cannot have
     */
    static int classes(PlaygroundDataset kind, Integer classes) {
        if (classes == null) {
            return kind.defaultClasses();
        }
        if (!kind.isManyClass()) {
            throw new IllegalArgumentException("--classes is for blobs, spirals and rings; " + kind.id() + " has "
                    + (kind.isClassification() ? "two classes" : "no classes (regression)"));
        }
        return kind.checkClasses(classes);
    }

    /** --noise in percent as a fraction, checked against Playground's slider (also the window's --noise). */
    static double noise(double percent) {
        if (!(percent >= 0 && percent <= 50)) {
            throw new IllegalArgumentException("--noise must be between 0 and 50 (percent), got " + percent);
        }
        return percent / 100;
    }

    double trainRatio() {
        if (!(ratioPercent > 0 && ratioPercent <= 100)) {
            throw new IllegalArgumentException("--ratio must be above 0 and at most 100 (percent), got " + ratioPercent);
        }
        return ratioPercent / 100;
    }
}
