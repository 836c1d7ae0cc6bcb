package io.neuralplayground.io.numpy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.NetworkAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The .npz archive: its entries, what is read back, and every kind of bad file refused with its reason. */
class NpzFormatTest {
    @TempDir
    Path dir;

    private final NpzFormat npz = new NpzFormat();

    @Test
    void theArchiveHoldsOneStoredNpyEntryPerArrayInLayerOrder() throws IOException {
        Path file = dir.resolve("model.npz");
        npz.write(NpzTestFiles.sample(), file);

        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names).containsExactly("dense/kernel.npy", "dense/bias.npy", "dense_1/kernel.npy",
                    "dense_1/bias.npy", "inputs.npy", "activations.npy");
            assertThat(Collections.list(zip.entries())).allMatch(e -> e.getMethod() == ZipEntry.STORED);
            NpyArray kernel = NpyArray.parse(zip.getInputStream(zip.getEntry("dense/kernel.npy")).readAllBytes(), "k");
            assertThat(kernel.rows()).isDeepEqualTo(new double[][] {{0.1, -0.2, 0.3}, {-0.4, 0.5, -0.6}});
            NpyArray activations = NpyArray.parse(
                    zip.getInputStream(zip.getEntry("activations.npy")).readAllBytes(), "a");
            assertThat(activations.texts()).containsExactly("relu", "sigmoid");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(NpzTestFiles.bytes(NpzTestFiles.sample()));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("model.npz");
        }
    }

    @Test
    void aWrittenModelReadsBackExactly() {
        Path file = dir.resolve("model.npz");
        Model model = NpzTestFiles.sample();

        npz.write(model, file);

        NetworkAssertions.assertSameModel(npz.read(file), model);
    }

    @Test
    void aNetworkWithoutHiddenLayersReadsBack() {
        Path file = dir.resolve("single.npz");
        Model model = new Model(List.of("a", "b", "c"), new Network(3, List.of(new DenseLayer(
                new double[][] {{1}, {-0.0}, {Double.MIN_VALUE}}, new double[] {Double.MAX_VALUE},
                Activation.SOFTMAX))));

        npz.write(model, file);

        NetworkAssertions.assertSameModel(npz.read(file), model);
    }

    @Test
    void withoutNamesAndActivationsTheInputsAreNumberedAndTheLayersGetThePlaygroundDefault() throws IOException {
        LinkedHashMap<String, byte[]> entries = NpzTestFiles.entries(NpzTestFiles.sample());
        entries.remove("inputs.npy");
        entries.remove("activations.npy");
        Path file = write("plain.npz", NpzTestFiles.zip(entries));

        Model model = npz.read(file);

        assertThat(model.inputs()).containsExactly("x1", "x2");
        assertThat(model.network().layers()).extracting(DenseLayer::activation)
                .containsExactly(Activation.TANH, Activation.TANH);
        assertThat(NpzFormat.DEFAULT_ACTIVATION).isEqualTo(Activation.TANH);
        assertThat(model.network().layer(1).weight(2, 0)).isEqualTo(0.9);
    }

    @Test
    void deflatedEntriesInAnyOrderAreRead() throws IOException {
        LinkedHashMap<String, byte[]> entries = NpzTestFiles.entries(NpzTestFiles.sample());
        LinkedHashMap<String, byte[]> reversed = new LinkedHashMap<>();
        List<String> names = new java.util.ArrayList<>(entries.keySet());
        Collections.reverse(names);
        for (String name : names) {
            reversed.put(name, entries.get(name));
        }
        Path file = write("deflated.npz", NpzTestFiles.zip(reversed, true));

        NetworkAssertions.assertSameModel(npz.read(file), NpzTestFiles.sample());
    }

    @Test
    void aDivergedNetworkIsNotSavedAndTheOldFileStays() throws IOException {
        Path file = write("model.npz", "old".getBytes(StandardCharsets.US_ASCII));
        Model model = NpzTestFiles.sample();
        model.network().layer(1).setWeight(2, 0, Double.NaN);

        assertThatThrownBy(() -> npz.write(model, file))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith("Cannot save " + file + ": ")
                .hasMessageContainingAll("layer 2 of 2", "NaN", "diverged");
        assertThat(Files.readString(file)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void anInputNameNumpyWouldShortenIsNotSaved() {
        Network network = NpzTestFiles.sample().network();
        Model model = new Model(List.of("x1", "x2\u0000"), network);
        Path file = dir.resolve("nul.npz");

        assertThatThrownBy(() -> npz.write(model, file))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageContainingAll("Cannot save " + file, "input 2", "NUL");
        assertThat(file).doesNotExist();
    }

    @Test
    void aMissingFileOrADirectoryIsNamed() {
        Path missing = dir.resolve("missing.npz");
        assertThatThrownBy(() -> npz.read(missing)).isExactlyInstanceOf(PlaygroundException.class)
                .hasMessage("Cannot read " + missing + ": no such file or directory");
        assertThatThrownBy(() -> npz.read(dir)).isExactlyInstanceOf(PlaygroundException.class)
                .hasMessage("Cannot read " + dir + ": it is a directory");
    }

    // ----------------------------------------------------------------------------------------- bad files

    private static byte[] npy(double[][] rows) {
        return NpyArray.of(rows).toBytes();
    }

    private static byte[] npy(double... values) {
        return NpyArray.of(values).toBytes();
    }

    private static byte[] text(String... values) {
        return NpyArray.ofText(List.of(values)).toBytes();
    }

    /** The sample's entries with some replaced ({@code null} removes one). */
    private static byte[] sampleWith(Object... nameAndContent) {
        LinkedHashMap<String, byte[]> entries = NpzTestFiles.entries(NpzTestFiles.sample());
        for (int k = 0; k < nameAndContent.length; k += 2) {
            String name = (String) nameAndContent[k];
            byte[] content = (byte[]) nameAndContent[k + 1];
            if (content == null) {
                entries.remove(name);
            } else {
                entries.put(name, content);
            }
        }
        return NpzTestFiles.zip(entries);
    }

    static Stream<Arguments> badFiles() {
        byte[] valid = NpzTestFiles.bytes(NpzTestFiles.sample());
        int dataOfFirstEntry = 30 + "dense/kernel.npy".length() + 128;
        byte[] flipped = valid.clone();
        flipped[dataOfFirstEntry + 3] ^= 0x10;
        byte[] twoBiases = NpzTestFiles.replace(sampleWith("dense/biaz.npy", npy(1, 2, 3)), "dense/biaz.npy",
                "dense/bias.npy");
        return Stream.of(
                bad("empty", new byte[0], "the file is empty"),
                bad("text", "hello, world\n".getBytes(StandardCharsets.US_ASCII), "not a .npz archive",
                        "no zip directory", "cut short"),
                bad("truncated", Arrays.copyOf(valid, valid.length / 2), "not a .npz archive", "cut short"),
                bad("cut in the directory", Arrays.copyOf(valid, valid.length - 30), "not a .npz archive"),
                bad("a lone npy", npy(1, 2), "a single NumPy array (.npy), not a .npz archive"),
                bad("an empty zip", NpzTestFiles.zip(Map.of()), "no layers", "no arrays at all"),
                bad("no kernels", NpzTestFiles.zip(Map.of("inputs.npy", text("x1"))), "no layers",
                        "holds inputs.npy"),
                bad("a layer of another kind", sampleWith("batch_normalization/gamma.npy", npy(1, 2)),
                        "batch_normalization/gamma.npy: this entry is not part of a Neural Playground model",
                        "dense layers only"),
                bad("a misnumbered layer", sampleWith("dense_01/kernel.npy", npy(1, 2)), "dense_01/kernel.npy: "
                        + "this entry is not part"),
                bad("a gap in the layers", sampleWith("dense_2/kernel.npy", npy(new double[][] {{1}}),
                        "dense_2/bias.npy", npy(1), "dense_1/kernel.npy", null, "dense_1/bias.npy", null),
                        "there is no dense_1/kernel.npy, but there is dense_2/kernel.npy", "without gaps"),
                bad("no bias", sampleWith("dense_1/bias.npy", null), "dense_1 has a kernel but no bias"),
                bad("shapes that do not chain", sampleWith("dense_1/kernel.npy", npy(new double[][] {{1}, {2}})),
                        "dense_1/kernel.npy: the kernel has shape (2, 1), but layer dense before it has 3 units",
                        "do not chain"),
                bad("a bias of the wrong length", sampleWith("dense/bias.npy", npy(1, 2)),
                        "dense/bias.npy: the bias must be 1-D with one value per unit, shape (3,)",
                        "shape (2,)"),
                bad("a 2-D bias", sampleWith("dense/bias.npy", npy(new double[][] {{1, 2, 3}})),
                        "dense/bias.npy: the bias must be 1-D", "a 2-D array of numbers, shape (1, 3)"),
                bad("a 1-D kernel", sampleWith("dense/kernel.npy", npy(1, 2)),
                        "dense/kernel.npy: the kernel must be 2-D (inputs × units)"),
                bad("an empty kernel", sampleWith("dense/kernel.npy", npy(new double[0][0])),
                        "dense/kernel.npy: the kernel has shape (0, 0)", "at least one input"),
                bad("a kernel of text", sampleWith("dense/kernel.npy", text("a")),
                        "dense/kernel.npy: expected numbers, found a 1-D array of text"),
                bad("NaN", sampleWith("dense/kernel.npy", npy(new double[][] {{0, 0, 0}, {0, Double.NaN, 0}})),
                        "dense/kernel.npy: the value at [1][1] is NaN", "finite"),
                bad("infinity", sampleWith("dense_1/bias.npy", npy(Double.NEGATIVE_INFINITY)),
                        "dense_1/bias.npy: the value at [0] is -Infinity"),
                bad("a garbled header", sampleWith("dense/kernel.npy", NpzTestFiles.replace(npy(new double[][] {
                    {1, 2, 3}, {4, 5, 6}}), "'shape'", "'shope'")), "dense/kernel.npy: the .npy header has an "
                        + "unknown key 'shope'"),
                bad("not an npy entry", sampleWith("dense/kernel.npy", "1,2,3".getBytes(StandardCharsets.US_ASCII)),
                        "dense/kernel.npy: not a .npy array"),
                bad("too few input names", sampleWith("inputs.npy", text("x1")),
                        "inputs.npy: 1 input name, but the kernel of dense has 2 rows"),
                bad("repeated input names", sampleWith("inputs.npy", text("x", "x")),
                        "inputs.npy: inputs 0 and 1 are both named \"x\""),
                bad("a blank input name", sampleWith("inputs.npy", text("x", " ")), "inputs.npy: input 1 has no name"),
                bad("numbers as input names", sampleWith("inputs.npy", npy(1, 2)),
                        "inputs.npy: expected a 1-D array of text"),
                bad("too many activations", sampleWith("activations.npy", text("relu", "relu", "relu")),
                        "activations.npy: 3 activations for 2 layers"),
                bad("an unknown activation", sampleWith("activations.npy", text("relu", "swish")),
                        "activations.npy: the activation of dense_1, \"swish\", is unknown (known: linear, relu"),
                bad("a path out of the archive", sampleWith("../evil.npy", npy(1)), "\"../evil.npy\"",
                        "a path leading out of the archive", "refused"),
                bad("an absolute path", sampleWith("/etc/evil.npy", npy(1)), "\"/etc/evil.npy\"", "absolute path"),
                bad("a drive letter", sampleWith("C:evil.npy", npy(1)), "absolute path"),
                bad("a backslash", sampleWith("dense\\kernel.npy", npy(1)), "a backslash"),
                bad("two entries of one name", twoBiases, "dense/bias.npy: the archive has two entries of this name"),
                bad("a giant declared size", NpzTestFiles.withDeclaredSize(valid, "dense_1/bias.npy", 0xfffffff0L),
                        "dense_1/bias.npy: the entry says it is 4294967280 bytes uncompressed",
                        "more than the 512 MiB", "zip bomb"),
                bad("a damaged entry", flipped, "dense/kernel.npy: the entry is damaged", "checksum"));
    }

    private static Arguments bad(String what, byte[] bytes, String... expected) {
        return Arguments.of(what, bytes, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFilesAreRefusedNamingTheFileAndTheProblem(String what, byte[] bytes, String... expected)
            throws IOException {
        Path file = write("bad.npz", bytes);

        assertThatThrownBy(() -> npz.read(file))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContainingAll(expected);
    }

    @Test
    void anEntryThatUnpacksBeyondTheLimitIsRefusedWhileReading() throws IOException {
        NpzFormat small = new NpzFormat(1 << 20);
        LinkedHashMap<String, byte[]> entries = NpzTestFiles.entries(NpzTestFiles.sample());
        entries.put("dense/kernel.npy", NpyArray.of(new double[400][400]).toBytes()); // 1.28 MB of zeros
        byte[] zip = NpzTestFiles.zip(entries, true);
        assertThat(zip.length).isLessThan(100_000);

        // The archive claims the entry is small: only reading finds out, and stops where the entry should end.
        Path lying = write("bomb.npz", NpzTestFiles.withDeclaredSize(zip, "dense/kernel.npy", 1000));
        assertThatThrownBy(() -> small.read(lying)).isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith(lying + ": dense/kernel.npy: the entry unpacks to more than the 1000 bytes "
                        + "it says it has");

        Path honest = write("big.npz", zip);
        assertThatThrownBy(() -> small.read(honest)).isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith(honest + ": dense/kernel.npy: the entry says it is 1280128 bytes");
    }

    @Test
    void entriesBeyondTheLimitTogetherAreRefused() throws IOException {
        NpzFormat small = new NpzFormat(1 << 20);
        LinkedHashMap<String, byte[]> entries = NpzTestFiles.entries(NpzTestFiles.sample());
        entries.put("dense/kernel.npy", NpyArray.of(new double[2][40_000]).toBytes());
        entries.put("dense/bias.npy", NpyArray.of(new double[40_000]).toBytes());
        entries.put("dense_1/kernel.npy", NpyArray.of(new double[40_000][1]).toBytes());
        Path file = write("big.npz", NpzTestFiles.zip(entries, true));

        assertThatThrownBy(() -> small.read(file)).isExactlyInstanceOf(PlaygroundException.class)
                .hasMessage(file + ": the entries say they are more than 1 MiB together uncompressed, more than a "
                        + "model file may have (a damaged file or a zip bomb)");
    }

    /** Found by the reader fuzzing (reliability/fuzz.sh): java.util.zip decodes a comment late, and unchecked. */
    @Test
    void anEntryCommentThatIsNotUtf8IsRefusedNamingTheFile() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        // Written in Latin-1 without the UTF-8 flag: the comment's é is a byte no UTF-8 text has there.
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes,
                StandardCharsets.ISO_8859_1)) {
            for (Map.Entry<String, byte[]> e : NpzTestFiles.entries(NpzTestFiles.sample()).entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setComment("café");
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Path file = write("comment.npz", bytes.toByteArray());

        assertThatThrownBy(() -> npz.read(file)).isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith(file + ": the zip archive's directory is damaged: entry 1 cannot be read (");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
