package io.neuralplayground.session.images;

import io.neuralplayground.engine.f32.FloatNetwork;
import java.util.List;

/**
 * What an image session file keeps: the settings, the network's weights, the epochs done, the curves, and the
 * state of the shuffling generator, taken between two batches. Reopened, training goes on from the start of the
 * next epoch with these weights; the optimizer's memory (momentum, Adam's moments) starts again from 0, which
 * for plain SGD, the lecture's, changes nothing.
 */
public record ImageSessionState(ImageSettings settings, FloatNetwork network, int epoch, long shuffleState,
        List<ImageSnapshot.CurvePoint> curve) {
    public ImageSessionState {
        curve = List.copyOf(curve);
        if (epoch < 0) {
            throw new IllegalArgumentException("epochs done cannot be negative: " + epoch);
        }
    }
}
