package io.neuralplayground.io.keras;

import static io.neuralplayground.io.keras.KerasTestFiles.Entry;
import static io.neuralplayground.io.keras.KerasTestFiles.Format;
import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.NetworkAssertions;
import io.neuralplayground.testing.TempDirectories;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Assertions;

/**
 * Whatever bytes a file holds, each Keras reader either returns a valid model or throws a
 * {@link PlaygroundException} naming the file and saying why: no other exception escapes (none of jhdf's, no
 * RuntimeException, no OutOfMemoryError), and no read hangs. A model that does come back is valid (one name per
 * input, each layer taking what the one before gives, every weight and bias a finite number) and can be written
 * again and reads back the same.
 *
 * <p>Random bytes are tried bare and behind the signatures of HDF5 and zip (or they would all be refused at the
 * first bytes); valid files are damaged by byte flips, overwritten runs, truncations, insertions, deletions and
 * planted addresses; for {@code .keras} also the weights and the config inside an archive that is itself intact.
 */
class KerasFuzzProperties {
    /** A read that takes this long is taken for a hang. */
    private static final Duration HANG = Duration.ofSeconds(10);
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    private static Path dir;
    private static final Map<Format, List<byte[]>> VALID = new EnumMap<>(Format.class);
    /** The models written into {@link #VALID}'s files, in the same order. */
    private static final List<Model> VALID_MODELS = List.of(KerasTestFiles.small(),
            KerasTestFiles.cases().get(4).model());
    private static List<Entry> kerasEntries;
    private static int counter;

    @BeforeContainer
    static void writeValidFiles() throws IOException {
        dir = Files.createTempDirectory("keras-fuzz");
        for (Format format : Format.values()) {
            List<byte[]> files = new ArrayList<>();
            for (Model model : VALID_MODELS) {
                files.add(format.bytes(model, dir));
            }
            VALID.put(format, files);
        }
        kerasEntries = KerasTestFiles.kerasEntries(VALID_MODELS.get(1), dir);
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        TempDirectories.deleteWithItsFiles(dir);
    }

    // Random bytes

    @Provide
    Arbitrary<byte[]> prefixes() {
        return Arbitraries.of(new byte[0], HDF5_SIGNATURE, ZIP_SIGNATURE,
                // a version-0 superblock's first bytes: jhdf gets further than the signature
                concat(HDF5_SIGNATURE, new byte[] {0, 0, 0, 0, 0, 8, 8, 0, 4, 0, 16, 0, 3, 0, 0, 0}));
    }

    @Property(tries = 400)
    void randomBytesGiveAModelOrAPlaygroundException(@ForAll Format format, @ForAll("prefixes") byte[] prefix,
            @ForAll byte[] bytes) {
        assertReadsOrRefuses(format, concat(prefix, bytes));
    }

    // Damaged valid files

    /** One change to the bytes of a file, at a position taken modulo its length. */
    record Mutation(int kind, int position, int length, long value) {
        byte[] applyTo(byte[] b) {
            if (b.length == 0) {
                return new byte[] {(byte) value};
            }
            int at = Math.floorMod(position, b.length);
            int end = Math.min(b.length, at + length);
            byte[] out;
            switch (kind) {
                case 0 -> { // flip one bit
                    out = b.clone();
                    out[at] ^= (byte) (1 << (value & 7));
                }
                case 1 -> { // set a byte
                    out = b.clone();
                    out[at] = (byte) value;
                }
                case 2 -> out = java.util.Arrays.copyOf(b, at); // truncate
                case 3 -> { // insert a run of one byte
                    byte[] run = new byte[length];
                    java.util.Arrays.fill(run, (byte) value);
                    out = concat(java.util.Arrays.copyOf(b, at), concat(run,
                            java.util.Arrays.copyOfRange(b, at, b.length)));
                }
                case 4 -> out = concat(java.util.Arrays.copyOf(b, at), // delete a run
                        java.util.Arrays.copyOfRange(b, end, b.length));
                case 5 -> out = concat(java.util.Arrays.copyOf(b, end), // duplicate a run
                        java.util.Arrays.copyOfRange(b, at, b.length));
                case 6 -> { // overwrite a run with one byte (0x00, 0xff …)
                    out = b.clone();
                    java.util.Arrays.fill(out, at, end, (byte) value);
                }
                default -> { // plant a little-endian number, as an address or a size: 2, 4 or 8 bytes
                    out = b.clone();
                    int width = length <= 3 ? 2 : length <= 20 ? 4 : 8;
                    for (int k = 0; k < width && at + k < out.length; k++) {
                        out[at + k] = (byte) (value >>> (8 * k));
                    }
                }
            }
            return out;
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Integer> positions = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().between(0, 128)), // the superblock and the root group
                Tuple.of(3, Arbitraries.integers().between(0, 1 << 16)));
        Arbitrary<Long> values = Arbitraries.oneOf(
                Arbitraries.of(0L, 1L, 2L, 8L, 0x7fL, 0x80L, 0xffL, 0xffffL, 0x7fffffffL, 0xffffffffL, -1L,
                        Long.MAX_VALUE, 1L << 31, 1L << 40, 48L, 96L, 512L, 1000L, 4096L),
                Arbitraries.longs());
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.integers().between(0, 7), positions, Arbitraries.integers().between(1, 40), values)
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 1200)
    void aDamagedFileGivesAModelOrAPlaygroundException(@ForAll Format format,
            @ForAll("mutations") List<Mutation> mutations, @ForAll boolean second) {
        byte[] bytes = VALID.get(format).get(second ? 1 : 0);
        for (Mutation mutation : mutations) {
            bytes = mutation.applyTo(bytes);
        }
        assertReadsOrRefuses(format, bytes);
    }

    /** The weights inside an intact archive damaged: the archive's checksums pass, jhdf meets the damage. */
    @Property(tries = 400)
    void anArchiveWithDamagedWeightsGivesAModelOrAPlaygroundException(
            @ForAll("mutations") List<Mutation> mutations) {
        byte[] weights = entry("model.weights.h5");
        for (Mutation mutation : mutations) {
            weights = mutation.applyTo(weights);
        }
        assertReadsOrRefuses(Format.KERAS,
                KerasTestFiles.zip(KerasTestFiles.replaced(kerasEntries, "model.weights.h5", weights)));
    }

    @Provide
    Arbitrary<List<Mutation>> textMutations() {
        Arbitrary<Long> values = Arbitraries.oneOf(
                Arbitraries.of((long) '{', (long) '}', (long) '[', (long) ']', (long) '"', (long) ',', (long) ':',
                        (long) '0', (long) '9', (long) '-', (long) 'e', (long) 'n', 0L, 0xc3L, 0xffL),
                Arbitraries.longs().between(0, 255));
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 1 << 14),
                Arbitraries.integers().between(1, 30), values).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    /** config.json and metadata.json damaged inside an intact archive: Jackson and the config reader meet it. */
    @Property(tries = 400)
    void anArchiveWithADamagedConfigGivesAModelOrAPlaygroundException(
            @ForAll("textMutations") List<Mutation> mutations, @ForAll boolean metadata) {
        String name = metadata ? "metadata.json" : "config.json";
        byte[] text = entry(name);
        for (Mutation mutation : mutations) {
            text = mutation.applyTo(text);
        }
        assertReadsOrRefuses(Format.KERAS, KerasTestFiles.zip(KerasTestFiles.replaced(kerasEntries, name, text)));
    }

    /** The model_config of a legacy file damaged in the same ways, the file itself written intact. */
    @Property(tries = 300)
    void aLegacyFileWithADamagedConfigGivesAModelOrAPlaygroundException(
            @ForAll("textMutations") List<Mutation> mutations) {
        Model model = KerasTestFiles.cases().get(4).model();
        byte[] config = KerasConfig.keras2(model.network()).getBytes(StandardCharsets.UTF_8);
        for (Mutation mutation : mutations) {
            config = mutation.applyTo(config);
        }
        String damaged = new String(config, StandardCharsets.UTF_8);
        byte[] bytes = KerasTestFiles.hdf5Bytes(dir, hdf -> {
            // Written as the writer writes it, with the damaged config: the layout of KerasTestFiles.writeLegacyH5.
            hdf.putAttribute("model_config", damaged);
            var weights = hdf.putGroup("model_weights");
            String[] names = {"dense", "dense_1", "dense_2"};
            weights.putAttribute("layer_names", names);
            List<KerasTestFiles.LayerData> layers = KerasTestFiles.layerData(model.network());
            for (int l = 0; l < names.length; l++) {
                var layer = weights.putGroup(names[l]);
                layer.putAttribute("weight_names", new String[] {names[l] + "/kernel:0", names[l] + "/bias:0"});
                var variables = layer.putGroup(names[l]);
                variables.putDataset("kernel:0", layers.get(l).kernel());
                variables.putDataset("bias:0", layers.get(l).bias());
            }
        });
        assertReadsOrRefuses(Format.LEGACY_H5, bytes);
    }

    /** The files the damage starts from read back as the models written into them, or the fuzzing proves little. */
    @Example
    void theUndamagedFilesAreValid() {
        for (Format format : Format.values()) {
            for (int k = 0; k < VALID_MODELS.size(); k++) {
                Model model = read(format, VALID.get(format).get(k));
                assertThat(model).as("%s file %d refused", format, k).isNotNull();
                assertValid(model, format + " file " + k);
                assertSameModel(model, VALID_MODELS.get(k), format);
            }
        }
        Model rezipped = read(Format.KERAS, KerasTestFiles.zip(kerasEntries));
        assertThat(rezipped).as("the archive zipped again refused").isNotNull();
        assertSameModel(rezipped, VALID_MODELS.get(1), Format.KERAS);
    }

    /** {@code back} is {@code written} as {@code format} keeps it: float32 weights, activations and names if kept. */
    private static void assertSameModel(Model back, Model written, Format format) {
        NetworkAssertions.assertFloat32Copy(back.network(), written.network(), format.keepsActivations);
        if (format.keepsInputs) {
            assertThat(back.inputs()).as("%s input names", format).isEqualTo(written.inputs());
        }
    }

    /**
     * {@code model} is one the playground can use: a name for each input, every layer taking as many inputs as the
     * one before has units (the kernel inputs × units, a bias per unit) and an activation, every number finite.
     */
    private static void assertValid(Model model, String as) {
        Network network = model.network();
        assertThat(network.depth()).as("%s: layers", as).isPositive();
        assertThat(model.inputs()).as("%s: input names", as).hasSize(network.inputs())
                .allSatisfy(name -> assertThat(name).isNotBlank());
        int inputs = network.inputs();
        for (int l = 0; l < network.depth(); l++) {
            DenseLayer layer = network.layer(l);
            String which = as + ": layer " + l;
            assertThat(layer.inputs()).as("%s inputs", which).isEqualTo(inputs);
            assertThat(layer.units()).as("%s units", which).isPositive();
            assertThat(layer.activation()).as("%s activation", which).isNotNull();
            double[][] kernel = layer.kernelCopy();
            assertThat(kernel).as("%s kernel rows", which).hasNumberOfRows(layer.inputs());
            for (int i = 0; i < kernel.length; i++) {
                assertThat(kernel[i]).as("%s kernel row %d", which, i).hasSize(layer.units());
                for (int j = 0; j < kernel[i].length; j++) {
                    assertThat(kernel[i][j]).as("%s weight [%d][%d]", which, i, j).isFinite();
                }
            }
            double[] bias = layer.biasCopy();
            assertThat(bias).as("%s bias", which).hasSize(layer.units());
            for (int j = 0; j < bias.length; j++) {
                assertThat(bias[j]).as("%s bias %d", which, j).isFinite();
            }
            inputs = layer.units();
        }
    }

    private static byte[] entry(String name) {
        return KerasTestFiles.content(kerasEntries, name);
    }

    /** Writes {@code bytes} to a file and reads it; null when it was refused as it should be. */
    private static Model read(Format format, byte[] bytes) {
        Path file = format.file(dir, "fuzz-" + counter++);
        try {
            Files.write(file, bytes);
            return Assertions.assertTimeoutPreemptively(HANG, () -> {
                try {
                    return format.read(file);
                } catch (PlaygroundException e) {
                    assertThat(e).isExactlyInstanceOf(PlaygroundException.class);
                    assertThat(e.getMessage()).as("the refusal names the file").contains(file.toString());
                    assertThat(e.getMessage().replace(file.toString(), ""))
                            .as("the refusal says why, besides naming the file").containsPattern("\\p{L}{3}");
                    return null;
                }
            }, () -> format + " reading " + bytes.length + " bytes hangs");
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // left for the directory's deletion
            }
        }
    }

    private static void assertReadsOrRefuses(Format format, byte[] bytes) {
        Model model = read(format, bytes);
        if (model == null) {
            return;
        }
        // Whatever was accepted is a valid model that can be written again and reads back as it was, to float32.
        assertValid(model, format + " reading " + bytes.length + " bytes");
        Path again = format.file(dir, "again-" + counter++);
        format.write(model, again);
        Model back = format.read(again);
        NetworkAssertions.assertFloat32Copy(back.network(), model.network(), format.keepsActivations);
        if (format.keepsInputs) {
            assertThat(back.inputs()).isEqualTo(model.inputs());
        }
        try {
            Files.delete(again);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
