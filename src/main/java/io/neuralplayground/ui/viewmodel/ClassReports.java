package io.neuralplayground.ui.viewmodel;

import io.neuralplayground.data.SampleEncoder;
import io.neuralplayground.data.Split;
import io.neuralplayground.engine.ConfusionMatrix;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Samples;
import io.neuralplayground.engine.TargetEncoding;
import io.neuralplayground.session.Snapshot;

/**
 * Makes the {@link ClassReport} of snapshots, on one thread at a time (the heatmaps' worker): a forward pass over
 * the training and the test examples with the snapshot's copy of the weights. The examples are encoded once per
 * split, not once per snapshot: while training, the split stays and only the weights change.
 */
final class ClassReports {
    private Split cachedSplit;
    private TargetEncoding cachedEncoding;
    private Samples train;
    private Samples test;

    /** The report of {@code snapshot}, or null for regression. */
    ClassReport of(Snapshot snapshot) {
        TargetEncoding encoding = snapshot.config().encoding();
        Split split = snapshot.split();
        if (!split.train().isClassification() || !encoding.hasAccuracy()) {
            return null;
        }
        Network network = snapshot.network();
        if (split != cachedSplit || encoding != cachedEncoding) {
            train = SampleEncoder.encode(split.train(), snapshot.features(), encoding, network.outputs());
            test = SampleEncoder.encode(split.test(), snapshot.features(), encoding, network.outputs());
            cachedSplit = split;
            cachedEncoding = encoding;
        }
        int classes = split.train().classCount();
        int[] trainPredicted = encoding.predictedClasses(network, train);
        int[] testPredicted = encoding.predictedClasses(network, test);
        return new ClassReport(snapshot.build(), snapshot.epoch(), split.train().classNames(),
                ConfusionMatrix.of(encoding.trueClasses(train), trainPredicted, classes),
                ConfusionMatrix.of(encoding.trueClasses(test), testPredicted, classes), trainPredicted, testPredicted);
    }
}
