package io.neuralplayground.io.json;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever is written reads back exactly: every weight bit for bit, names, activations, extras. */
class ModelFileRoundTripProperties {
    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("model-round-trip");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        TempDirectories.deleteWithItsFiles(dir);
    }

    @Provide
    Arbitrary<Model> models() {
        return ModelGenerators.models();
    }

    @Provide
    Arbitrary<Double> weights() {
        return ModelGenerators.weights();
    }

    @Property(tries = 300)
    void aWrittenFileReadsBackBitForBit(@ForAll("models") Model model) {
        Path file = dir.resolve("model.json");

        ModelFile.write(file, model);
        Model back = ModelFile.read(file);

        NetworkAssertions.assertSameModel(back, model);
    }

    @Property(tries = 300)
    void theTextReadsBackBitForBit(@ForAll("models") Model model) {
        String json = ModelFile.toJson(model);

        Model back = ModelFile.fromJson(json, "model.json");

        NetworkAssertions.assertSameModel(back, model);
        assertThat(ModelFile.toJson(back)).isEqualTo(json);
    }

    @Property(tries = 3000)
    void everyFiniteDoubleSurvivesAsAWeightAndAsABias(@ForAll("weights") double w, @ForAll("weights") double b) {
        Network network = new Network(1, List.of(new DenseLayer(new double[][] {{w}}, new double[] {b},
                Activation.LINEAR)));

        Model back = ModelFile.fromJson(ModelFile.toJson(new Model(List.of("x"), network)), "one.json");

        assertThat(Double.doubleToRawLongBits(back.network().layer(0).weight(0, 0)))
                .isEqualTo(Double.doubleToRawLongBits(w));
        assertThat(Double.doubleToRawLongBits(back.network().layer(0).bias(0)))
                .isEqualTo(Double.doubleToRawLongBits(b));
    }

    @Example
    void theSpecialDoublesSurvive() {
        double[] specials = ModelGenerators.SPECIAL_DOUBLES;
        Network network = new Network(1, List.of(new DenseLayer(new double[][] {specials}, specials.clone(),
                Activation.RELU)));

        Model back = ModelFile.fromJson(ModelFile.toJson(new Model(List.of("x"), network)), "specials.json");

        for (int j = 0; j < specials.length; j++) {
            assertThat(Double.doubleToRawLongBits(back.network().layer(0).weight(0, j)))
                    .as("weight %s", specials[j]).isEqualTo(Double.doubleToRawLongBits(specials[j]));
            assertThat(Double.doubleToRawLongBits(back.network().layer(0).bias(j)))
                    .as("bias %s", specials[j]).isEqualTo(Double.doubleToRawLongBits(specials[j]));
        }
    }

    @Example
    void extrasOfEveryJavaNumberTypeReadBackEqualAfterNormalisation() {
        Network network = new Network(1, List.of(new DenseLayer(1, 1, Activation.LINEAR)));
        Map<String, Object> extras = new java.util.LinkedHashMap<>();
        extras.put("short", (short) 3);
        extras.put("long small", 4L);
        extras.put("long big", 1L << 40);
        extras.put("float", 0.1f);
        extras.put("decimal", new java.math.BigDecimal("0.1"));
        extras.put("negative zero", -0.0);
        Model model = new Model(List.of("x"), network, extras);

        Model back = ModelFile.fromJson(ModelFile.toJson(model), "numbers.json");

        assertThat(model.extras().get("short")).isEqualTo(3);
        assertThat(model.extras().get("long small")).isEqualTo(4);
        assertThat(model.extras().get("float")).isEqualTo((double) 0.1f);
        assertThat(model.extras().get("decimal")).isEqualTo(0.1);
        assertThat(back.extras()).isEqualTo(model.extras());
        assertThat(back.extras().get("negative zero")).isEqualTo(-0.0);
    }
}
