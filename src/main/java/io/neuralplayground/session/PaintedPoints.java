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
        int n = train.size();
        double[][] rows = new double[n + points.size()][];
        for (int r = 0; r < n; r++) {
            rows[r] = train.row(r);
        }
        for (int p = 0; p < points.size(); p++) {
            rows[n + p] = new double[] {points.get(p).x1(), points.get(p).x2()};
        }
        String name = train.name() + " + " + points.size() + " painted";
        if (train.isClassification()) {
            int[] classes = new int[rows.length];
            for (int r = 0; r < n; r++) {
                classes[r] = train.classIndex(r);
            }
            for (int p = 0; p < points.size(); p++) {
                classes[n + p] = points.get(p).label() > 0 ? 1 : 0;
            }
            return new Split(Dataset.classification(name, train.columnNames(), rows, classes, train.classNames()),
                    split.test());
        }
        double[] values = new double[rows.length];
        for (int r = 0; r < n; r++) {
            values[r] = train.label(r);
        }
        for (int p = 0; p < points.size(); p++) {
            values[n + p] = points.get(p).label();
        }
        return new Split(Dataset.regression(name, train.columnNames(), rows, values), split.test());
    }
}
