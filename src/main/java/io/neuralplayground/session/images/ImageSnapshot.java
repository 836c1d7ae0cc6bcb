package io.neuralplayground.session.images;

import io.neuralplayground.engine.f32.FloatNetwork;
import java.util.List;

/**
 * What the image mode shows at one moment, immutable: where training is within its epoch and how fast it goes,
 * the curves so far, a copy of the network, and the test images' predictions as of the last epoch's end (or
 * pause).
 *
 * @param build            which network this is: a new one (new layers, new weights, reset) has a new build
 * @param epoch            epochs finished
 * @param examplesDone     training images done in the epoch under way
 * @param epochSize        training images per epoch (the training part without the validation images)
 * @param epochsTarget     the epochs to train
 * @param playing          whether it trains now
 * @param imagesPerSecond  training images per second over the last stretch, 0 when not training
 * @param secondsLeft      the time the epoch under way still takes at that speed, NaN when not training
 * @param curve            one point every few hundred batches and at each epoch's end
 * @param network          the network's weights now (a copy)
 * @param start            the weights this network started from (its build's initial weights; the same object in
 *                         every snapshot of a build, never changed)
 * @param test             predictions of every test image, or null before the first evaluation
 * @param kernel           the matrix kernel's description ("OpenBLAS 0.3.31 (native, 1 thread)")
 * @param message          why training stopped, or what happened last, or null
 * @param bestEpoch        with early stopping on, the epoch of the best monitored value so far (0 before any)
 * @param stoppedEpoch     the epoch at which early stopping stopped training, 0 while it has not
 */
public record ImageSnapshot(long build, int epoch, int examplesDone, int epochSize, int epochsTarget,
        boolean playing, double imagesPerSecond, double secondsLeft, List<CurvePoint> curve, FloatNetwork network,
        FloatNetwork start, TestResults test, String kernel, String message, int bestEpoch, int stoppedEpoch) {

    /** The epochs done, with the part of the one under way: 2.5 halfway through the third. */
    public double progress() {
        return epoch + (epochSize == 0 ? 0 : (double) examplesDone / epochSize);
    }

    /**
     * One point of the curves. Training figures are the running mean over the batches since the last point
     * (each before its step); validation and test figures are measured on up to
     * {@value ImageSession#LIVE_SAMPLE} of their images between epochs' ends, on all of them at an epoch's end.
     * NaN where there is no such part (no validation share).
     *
     * @param epoch where the point is, in epochs (fractional)
     */
    public record CurvePoint(double epoch, double trainLoss, double trainAccuracy, double validationLoss,
            double validationAccuracy, double testLoss, double testAccuracy, boolean epochEnd) {
    }

    /**
     * Every test image's most probable class and its ten (k) probabilities, row after row.
     *
     * @param epoch the epochs done when measured
     */
    public record TestResults(int epoch, int[] predicted, float[] probabilities, double loss, double accuracy) {
        /** The probability the network gives image {@code image} of being class {@code c}. */
        public float probability(int image, int c) {
            int k = probabilities.length / predicted.length;
            return probabilities[image * k + c];
        }
    }
}
