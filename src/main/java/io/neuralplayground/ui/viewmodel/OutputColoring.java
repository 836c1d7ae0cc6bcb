package io.neuralplayground.ui.viewmodel;

import io.neuralplayground.engine.Activation;

/**
 * How the output layer's values become colours, by the kind of output:
 * <ul>
 *   <li>k softmax units (k classes): each point in the colour of its most probable class, pale where that
 *       probability is near 1/k and full where it is near 1 ({@link ClassColors#confident}); discretized, the pure
 *       colour of the most probable class. Unit j's own picture is its probability p_j, grey at 0 to class j's
 *       colour at 1.</li>
 *   <li>one sigmoid unit (two classes, binary cross-entropy): the probability p of class 1 drawn as 2p − 1 on
 *       Playground's scale, so that p = ½, the decision boundary, is the light middle as 0 is for tanh.</li>
 *   <li>anything else (Playground's tanh, regression's linear): the value itself on Playground's scale.</li>
 * </ul>
 * Pure functions of arrays, safe on any thread.
 */
public final class OutputColoring {
    private OutputColoring() {
    }

    /**
     * Whether an output layer of {@code units} units gives one class's probability per unit: in the window it has
     * several units only under softmax, one per class.
     */
    public static boolean perClass(int units) {
        return units > 1;
    }

    /**
     * The big picture of the output: {@code continuous[p]} and {@code discrete[p]} for every point p.
     *
     * @param outputs {@code outputs[j][p]}: unit j's value at point p
     */
    public static void paint(double[][] outputs, Activation activation, int points, int[] continuous, int[] discrete) {
        if (perClass(outputs.length)) {
            int classes = outputs.length;
            for (int p = 0; p < points; p++) {
                int best = 0;
                double bestValue = outputs[0][p];
                for (int j = 1; j < classes; j++) {
                    if (outputs[j][p] > bestValue) {
                        best = j;
                        bestValue = outputs[j][p];
                    }
                }
                continuous[p] = ClassColors.confident(best, bestValue, classes);
                discrete[p] = ClassColors.of(best);
            }
            return;
        }
        double[] values = outputs[0];
        for (int p = 0; p < points; p++) {
            double v = onScale(values[p], activation);
            continuous[p] = ColorScale.argb(v);
            discrete[p] = ColorScale.discrete(v);
        }
    }

    /** Output unit {@code unit}'s own picture at {@code values}, one pixel per value. */
    public static int[] unitPicture(double[] values, int unit, Activation activation, int units, int[] pixels,
            int count) {
        boolean perClass = perClass(units);
        for (int i = 0; i < count; i++) {
            pixels[i] = perClass ? ClassColors.probability(unit, values[i])
                    : ColorScale.argb(onScale(values[i], activation));
        }
        return pixels;
    }

    /** One output value on Playground's −1 … 1 scale: 2p − 1 for a sigmoid's probability, itself otherwise. */
    public static double onScale(double value, Activation activation) {
        return activation == Activation.SIGMOID ? 2 * value - 1 : value;
    }
}
