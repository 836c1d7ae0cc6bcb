package io.neuralplayground.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import java.util.List;

/**
 * How the format tests compare a network read back (or found by another program) with the one written: shapes,
 * activations, and every weight and bias bit for bit, either the double itself or, for the formats that store
 * float32, the float nearest to it.
 */
public final class NetworkAssertions {
    private NetworkAssertions() {
    }

    /** {@code back} is {@code model} exactly: input names, extras (in their order), the network bit for bit. */
    public static void assertSameModel(Model back, Model model) {
        assertThat(back.inputs()).isEqualTo(model.inputs());
        assertThat(back.extras()).isEqualTo(model.extras());
        assertThat(List.copyOf(back.extras().keySet())).isEqualTo(List.copyOf(model.extras().keySet()));
        assertSameNetwork(back.network(), model.network(), false, true, "");
    }

    /**
     * {@code back} is {@code expected} as float32 holds it: same shape, every weight and bias exactly the float
     * nearest to the original, and the same activations if {@code activations}.
     */
    public static void assertFloat32Copy(Network back, Network expected, boolean activations) {
        assertSameNetwork(back, expected, true, activations, "");
    }

    /**
     * {@code actual} has the shape of {@code expected} (inputs, depth, the inputs and units of every layer), its
     * activations if {@code activations}, and every weight and bias bit for bit: the double itself, or with
     * {@code float32} the float nearest to it.
     */
    public static void assertSameNetwork(Network actual, Network expected, boolean float32, boolean activations,
            String as) {
        assertThat(actual.inputs()).as("%s inputs", as).isEqualTo(expected.inputs());
        assertThat(actual.depth()).as("%s depth", as).isEqualTo(expected.depth());
        for (int l = 0; l < expected.depth(); l++) {
            DenseLayer e = expected.layer(l);
            DenseLayer a = actual.layer(l);
            assertThat(a.inputs()).as("%s layer %d inputs", as, l).isEqualTo(e.inputs());
            assertThat(a.units()).as("%s layer %d units", as, l).isEqualTo(e.units());
            if (activations) {
                assertThat(a.activation()).as("%s activation of layer %d", as, l).isEqualTo(e.activation());
            }
            assertBitsEqual(kernel(e, float32), a.kernelCopy(), as + " layer " + l + " kernel");
            assertBitsEqual(new double[][] {bias(e, float32)}, new double[][] {a.biasCopy()},
                    as + " layer " + l + " bias");
        }
    }

    /** The kernel of {@code layer}, every weight rounded to the nearest float32 if {@code float32}. */
    public static double[][] kernel(DenseLayer layer, boolean float32) {
        double[][] kernel = layer.kernelCopy();
        if (float32) {
            for (double[] row : kernel) {
                roundToFloat32(row);
            }
        }
        return kernel;
    }

    /** The bias of {@code layer}, every value rounded to the nearest float32 if {@code float32}. */
    public static double[] bias(DenseLayer layer, boolean float32) {
        double[] bias = layer.biasCopy();
        if (float32) {
            roundToFloat32(bias);
        }
        return bias;
    }

    private static void roundToFloat32(double[] values) {
        for (int j = 0; j < values.length; j++) {
            values[j] = (float) values[j];
        }
    }

    /** Equal bit for bit: -0.0 is not 0.0. */
    public static void assertBitsEqual(double[][] expected, double[][] actual, String as) {
        assertThat(actual.length).as(as).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].length).as(as + " row " + i).isEqualTo(expected[i].length);
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(Double.doubleToRawLongBits(actual[i][j])).as(as + " [" + i + "][" + j + "]: "
                        + actual[i][j] + " vs " + expected[i][j])
                        .isEqualTo(Double.doubleToRawLongBits(expected[i][j]));
            }
        }
    }
}
