package io.neuralplayground.io.numpy;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelGenerators;
import io.neuralplayground.io.NamedModel;
import io.neuralplayground.io.NetworkAssertions;
import io.neuralplayground.testing.TempDirectories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** A written .npz reads back exactly: shape, every weight bit for bit, activations and input names. */
class NpzRoundTripProperties {
    private static Path dir;
    private final NpzFormat npz = new NpzFormat();

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("npz-round-trip");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        TempDirectories.deleteWithItsFiles(dir);
    }

    /**
     * Random networks (no hidden layer up to three, any finite doubles, every activation) with odd input names;
     * extras are not part of the format. Names ending in NUL are excluded: NumPy cannot keep them, and the writer
     * refuses them (see {@link NpzFormatTest}).
     */
    @Provide
    Arbitrary<Model> models() {
        return ModelGenerators.models(ModelGenerators.networks(),
                ModelGenerators.names().filter(name -> !name.endsWith("\u0000")));
    }

    @Property(tries = 300)
    void aWrittenFileReadsBackBitForBit(@ForAll("models") Model model) {
        Path file = dir.resolve("model.npz");

        npz.write(model, file);
        Model back = npz.read(file);

        NetworkAssertions.assertSameModel(back, model);
    }

    @Property(tries = 100)
    void theSameModelGivesTheSameBytes(@ForAll("models") Model model) {
        byte[] first = NpzTestFiles.bytes(model);
        Model back = npz.read(write("again.npz", first));

        assertThat(NpzTestFiles.bytes(back)).isEqualTo(first);
    }

    @Provide
    Arbitrary<Model> singleLayerModels() {
        return Combinators.combine(net.jqwik.api.Arbitraries.integers().between(1, 6),
                net.jqwik.api.Arbitraries.integers().between(1, 6)).as((in, out) -> new int[] {in, out})
                .flatMap(shape -> ModelGenerators.layer(shape[0], shape[1])
                        .map(layer -> new Model(NamedModel.inputNames(shape[0]),
                                new Network(shape[0], List.of(layer)))));
    }

    @Property(tries = 100)
    void networksWithoutHiddenLayersReadBack(@ForAll("singleLayerModels") Model model) {
        Path file = dir.resolve("single.npz");

        npz.write(model, file);

        NetworkAssertions.assertSameModel(npz.read(file), model);
    }

    @Example
    void theSpecialDoublesSurvive() {
        double[] specials = ModelGenerators.SPECIAL_DOUBLES;
        Network network = new Network(1, List.of(new DenseLayer(new double[][] {specials}, specials.clone(),
                Activation.ELU)));
        Model model = new Model(List.of("x"), network);
        Path file = dir.resolve("specials.npz");

        npz.write(model, file);

        NetworkAssertions.assertSameModel(npz.read(file), model);
    }

    private static Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
