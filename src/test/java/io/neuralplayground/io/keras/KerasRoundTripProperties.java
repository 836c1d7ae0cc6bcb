package io.neuralplayground.io.keras;

import static io.neuralplayground.io.keras.KerasTestFiles.Format;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelGenerators;
import io.neuralplayground.io.NetworkAssertions;
import io.neuralplayground.testing.TempDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Random models (every shape, activation and kind of weight {@link ModelGenerators} makes) written in each Keras
 * format read back as float32 holds them: same shape, every weight and bias exactly {@code (float) w}, activations
 * and input names where the format keeps them. A weight float32 cannot hold (beyond ±3.4e38) is refused when
 * writing, and then no file is left.
 */
class KerasRoundTripProperties {
    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("keras-round-trip");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        TempDirectories.deleteWithItsFiles(dir);
    }

    @Provide
    Arbitrary<Model> models() {
        return ModelGenerators.models();
    }

    /** Models whose every weight float32 can hold: those of {@link ModelGenerators}, huge ones scaled down. */
    @Provide
    Arbitrary<Model> float32Models() {
        return ModelGenerators.models().map(KerasRoundTripProperties::withinFloat32);
    }

    @Provide
    Arbitrary<Double> float32Weights() {
        return ModelGenerators.weights().map(KerasRoundTripProperties::withinFloat32);
    }

    @Property(tries = 150)
    void aModelReadsBackToFloat32Precision(@ForAll("float32Models") Model model, @ForAll Format format) {
        Path file = format.file(dir, "model");

        format.write(model, file);
        Model back = format.read(file);

        assertReadBack(back, model, format);
    }

    @Property(tries = 150)
    void aModelReadsBackOrIsRefusedForWeightsBeyondFloat32(@ForAll("models") Model model, @ForAll Format format)
            throws IOException {
        Path file = format.file(dir, "any");
        Files.deleteIfExists(file);
        String problem = KerasNetworks.float32Problem(model.network());
        Statistics.collect(problem == null ? "written" : "refused");
        Statistics.coverage(checker -> {
            checker.check("written").count(n -> n > 0);
            checker.check("refused").count(n -> n > 0);
        });

        if (problem == null) {
            format.write(model, file);
            assertReadBack(format.read(file), model, format);
        } else {
            assertThatThrownBy(() -> format.write(model, file)).isExactlyInstanceOf(PlaygroundException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("float32");
            assertThat(file).doesNotExist();
        }
    }

    /** One weight and one bias, alone in a network: every kind of double, subnormals, ±0, float32's extremes. */
    @Property(tries = 300)
    void everyWeightFloat32CanHoldSurvivesAsAWeightAndAsABias(@ForAll("float32Weights") double w,
            @ForAll("float32Weights") double b, @ForAll Format format) {
        Model model = new Model(List.of("x"), new Network(1, List.of(new DenseLayer(new double[][] {{w}},
                new double[] {b}, Activation.LINEAR))));
        Path file = format.file(dir, "one");

        format.write(model, file);
        Network back = format.read(file).network();

        assertThat(Double.doubleToRawLongBits(back.layer(0).weight(0, 0)))
                .as("weight %s read as %s", w, back.layer(0).weight(0, 0))
                .isEqualTo(Double.doubleToRawLongBits((float) w));
        assertThat(Double.doubleToRawLongBits(back.layer(0).bias(0)))
                .as("bias %s read as %s", b, back.layer(0).bias(0))
                .isEqualTo(Double.doubleToRawLongBits((float) b));
    }

    /** Writing what was read gives the same file content: the float32 values are a fixed point. */
    @Property(tries = 60)
    void aModelReadBackWritesAndReadsBackUnchanged(@ForAll("float32Models") Model model, @ForAll Format format) {
        Path first = format.file(dir, "first");
        Path second = format.file(dir, "second");

        format.write(model, first);
        Model back = format.read(first);
        format.write(back, second);
        Model again = format.read(second);

        NetworkAssertions.assertFloat32Copy(again.network(), back.network(), true);
        assertThat(again.inputs()).isEqualTo(back.inputs());
    }

    private static void assertReadBack(Model back, Model model, Format format) {
        NetworkAssertions.assertFloat32Copy(back.network(), model.network(), format.keepsActivations);
        if (!format.keepsActivations) {
            assertThat(back.network().layers()).extracting(DenseLayer::activation)
                    .isEqualTo(KerasNetworks.defaultActivations(model.network().depth()));
        }
        assertThat(back.inputs()).isEqualTo(format.keepsInputs ? model.inputs()
                : KerasNetworks.defaultInputs(model.network().inputs()));
        assertThat(back.extras()).isEmpty();
    }

    /** {@code w} if float32 can hold it, else scaled into its range (the sign and the mantissa kept). */
    static double withinFloat32(double w) {
        return Float.isInfinite((float) w) ? Math.scalb(w, -900) : w;
    }

    private static Model withinFloat32(Model model) {
        List<DenseLayer> layers = new ArrayList<>();
        for (DenseLayer layer : model.network().layers()) {
            double[][] kernel = layer.kernelCopy();
            double[] bias = layer.biasCopy();
            for (double[] row : kernel) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = withinFloat32(row[j]);
                }
            }
            for (int j = 0; j < bias.length; j++) {
                bias[j] = withinFloat32(bias[j]);
            }
            layers.add(new DenseLayer(kernel, bias, layer.activation()));
        }
        return new Model(model.inputs(), new Network(model.network().inputs(), layers), model.extras());
    }
}
