package io.neuralplayground.io.numpy;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.NetworkAssertions;
import io.neuralplayground.testing.TempDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever the bytes, reading a .npz (or parsing one .npy) either returns a model (an array) or throws a
 * {@link PlaygroundException} naming the file: no other exception escapes. A model that does come back can be
 * written and reads back the same.
 */
class NpzFuzzProperties {
    private static Path dir;
    private static Path file;
    private final NpzFormat npz = new NpzFormat();

    /** Three layers, odd names, every kind of entry. */
    private static final Model VALID = new Model(List.of("x1", "größe", "😀"), new Network(3, List.of(
            new DenseLayer(new double[][] {{0.1, -2.5e-3}, {3e10, 4}, {-0.0, 1e-310}}, new double[] {0.5, -0.5},
                    Activation.RELU),
            new DenseLayer(new double[][] {{1, 2}, {3, 4}}, new double[] {0, 0}, Activation.ELU),
            new DenseLayer(new double[][] {{0.7}, {0.8}}, new double[] {0.1}, Activation.SIGMOID))));
    private static final byte[] VALID_BYTES = NpzTestFiles.bytes(VALID);

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("npz-fuzz");
        file = dir.resolve("fuzz.npz");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        TempDirectories.deleteWithItsFiles(dir);
    }

    @Property(tries = 1000)
    void randomBytesGiveAModelOrAPlaygroundException(@ForAll byte[] bytes) {
        assertReadsOrRefuses(bytes);
        assertParsesOrRefuses(bytes);
    }

    @Property(tries = 300)
    void randomBytesAfterAZipSignatureGiveAModelOrAPlaygroundException(@ForAll byte[] bytes) {
        byte[] prefixed = new byte[bytes.length + 4];
        prefixed[0] = 'P';
        prefixed[1] = 'K';
        prefixed[2] = 3;
        prefixed[3] = 4;
        System.arraycopy(bytes, 0, prefixed, 4, bytes.length);
        assertReadsOrRefuses(prefixed);
    }

    /** One edit of a byte string: at a position (modulo the length), a kind of change, a byte. */
    record Mutation(int kind, int position, int length, byte b) {
        byte[] applyTo(byte[] s) {
            if (s.length == 0) {
                return new byte[] {b};
            }
            int at = Math.floorMod(position, s.length);
            int end = Math.min(s.length, at + length);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            switch (kind) {
                case 0 -> {                                        // delete a byte
                    out.write(s, 0, at);
                    out.write(s, at + 1, s.length - at - 1);
                }
                case 1 -> {                                        // insert one
                    out.write(s, 0, at);
                    out.write(b);
                    out.write(s, at, s.length - at);
                }
                case 2 -> {                                        // replace one
                    out.write(s, 0, s.length);
                    byte[] r = out.toByteArray();
                    r[at] = b;
                    return r;
                }
                case 3 -> out.write(s, 0, at);                     // truncate
                case 4 -> {                                        // delete a run
                    out.write(s, 0, at);
                    out.write(s, end, s.length - end);
                }
                case 5 -> {                                        // duplicate a run
                    out.write(s, 0, end);
                    out.write(s, at, end - at);
                    out.write(s, end, s.length - end);
                }
                default -> {                                       // flip one bit
                    out.write(s, 0, s.length);
                    byte[] r = out.toByteArray();
                    r[at] ^= (byte) (1 << (b & 7));
                    return r;
                }
            }
            return out.toByteArray();
        }
    }

    static Arbitrary<List<Mutation>> mutations(int size) {
        Arbitrary<Byte> bytes = Arbitraries.oneOf(
                Arbitraries.of((byte) 0, (byte) 0xff, (byte) 0x7f, (byte) 0x80, (byte) '\'', (byte) '(', (byte) ')',
                        (byte) ',', (byte) '{', (byte) '}', (byte) '1', (byte) '9', (byte) ' ', (byte) '\n',
                        (byte) 'P', (byte) 'K'),
                Arbitraries.bytes());
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, size),
                Arbitraries.integers().between(1, 64),
                bytes).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Mutation>> archiveMutations() {
        return mutations(VALID_BYTES.length);
    }

    @Property(tries = 3000)
    void aMutatedArchiveGivesAModelOrAPlaygroundException(@ForAll("archiveMutations") List<Mutation> mutations) {
        byte[] bytes = VALID_BYTES;
        for (Mutation mutation : mutations) {
            bytes = mutation.applyTo(bytes);
        }
        assertReadsOrRefuses(bytes);
    }

    @Provide
    Arbitrary<Map.Entry<String, List<Mutation>>> entryMutations() {
        LinkedHashMap<String, byte[]> entries = NpzTestFiles.entries(VALID);
        return Arbitraries.of(List.copyOf(entries.keySet())).flatMap(name -> mutations(entries.get(name).length)
                .map(m -> Map.entry(name, m)));
    }

    /**
     * The zip is intact (its checksums match), the content of one entry is not: this reaches the .npy parser and
     * the checks of shapes and names, which the checksums shield in the property above.
     */
    @Property(tries = 3000)
    void aValidZipOfMutatedArraysGivesAModelOrAPlaygroundException(
            @ForAll("entryMutations") Map.Entry<String, List<Mutation>> mutation) {
        LinkedHashMap<String, byte[]> entries = NpzTestFiles.entries(VALID);
        byte[] content = entries.get(mutation.getKey());
        for (Mutation m : mutation.getValue()) {
            content = m.applyTo(content);
        }
        entries.put(mutation.getKey(), content);
        assertReadsOrRefuses(NpzTestFiles.zip(entries));
        assertReadsOrRefuses(NpzTestFiles.zip(entries, true));
        assertParsesOrRefuses(content);
    }

    @Property(tries = 1)
    void theUnmutatedArchiveIsValid() {
        assertReadsOrRefuses(VALID_BYTES);
        NetworkAssertions.assertSameModel(npz.read(file), VALID);
    }

    private void assertReadsOrRefuses(byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Model model;
        try {
            model = npz.read(file);
        } catch (PlaygroundException e) {
            assertThat(e).isExactlyInstanceOf(PlaygroundException.class);
            assertThat(e.getMessage()).startsWith(file + ": ");
            return;
        }
        // Whatever was accepted is a model that can be written and read back as it was.
        Path again = dir.resolve("again.npz");
        npz.write(model, again);
        NetworkAssertions.assertSameModel(npz.read(again), model);
    }

    private static void assertParsesOrRefuses(byte[] bytes) {
        try {
            NpyArray array = NpyArray.parse(bytes, "fuzz.npy");
            assertThat(array.rank()).isBetween(1, 2);
        } catch (PlaygroundException e) {
            assertThat(e).isExactlyInstanceOf(PlaygroundException.class);
            assertThat(e.getMessage()).startsWith("fuzz.npy: ");
        }
    }
}
