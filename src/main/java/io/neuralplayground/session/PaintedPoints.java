package io.neuralplayground.session;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.Point;
import io.neuralplayground.data.Split;
import java.util.List;

/**
 * Points the user painted on the output plot, added to the training examples. A painted point's label is
 * Playground's: −1 or +1 for classification (class 0 or 1), a value in [−1, 1] for regression.
 */
final class PaintedPoints {
    private PaintedPoints() {
    }

    static Split addToTraining(Split split, List<Point> points) {
        if (points.isEmpty()) {
            return split;
        }
        Dataset train = split.train();
        if (!train.columnNames().equals(Dataset.PLAYGROUND_COLUMNS)) {
            throw new PlaygroundException("Points can be painted on data with columns x1 and x2 only");
        }
        String name = train.name() + " + " + points.size() + " painted";
        return new Split(train.concat(Dataset.ofPoints(name, points, train.classNames()), name), split.validation(),
                split.test());
    }
}
