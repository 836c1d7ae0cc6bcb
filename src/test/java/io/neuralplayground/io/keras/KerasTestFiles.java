package io.neuralplayground.io.keras;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelReader;
import io.neuralplayground.io.ModelWriter;
import io.neuralplayground.io.NamedModel;
import io.neuralplayground.io.files.Hdf5EmptyGroups;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What the Keras format tests share: the three formats behind one face, small hand-built models, and files laid
 * out by hand with jhdf and java.util.zip (so that a test can build exactly the broken file it means).
 */
public final class KerasTestFiles {
    private KerasTestFiles() {
    }

    /** One of the three Keras formats: its writer and reader, its file name ending, what it keeps. */
    enum Format {
        WEIGHTS_H5(new KerasWeightsH5(), new KerasWeightsH5(), KerasWeightsH5.EXTENSION, false, true),
        KERAS(new KerasArchive(), new KerasArchive(), KerasArchive.EXTENSION, true, true),
        LEGACY_H5(new KerasLegacyH5(), new KerasLegacyH5(), KerasLegacyH5.EXTENSION, true, true);

        final ModelWriter writer;
        final ModelReader reader;
        final String extension;
        /** Whether the file says which activation each layer has. */
        final boolean keepsActivations;
        /** Whether the file keeps the names of the inputs. */
        final boolean keepsInputs;

        Format(ModelWriter writer, ModelReader reader, String extension, boolean keepsActivations,
                boolean keepsInputs) {
            this.writer = writer;
            this.reader = reader;
            this.extension = extension;
            this.keepsActivations = keepsActivations;
            this.keepsInputs = keepsInputs;
        }

        void write(Model model, Path file) {
            writer.write(model, file);
        }

        Model read(Path file) {
            return reader.read(file);
        }

        /** {@code dir/name} with this format's ending. */
        Path file(Path dir, String name) {
            return dir.resolve(name + extension);
        }

        /** The bytes of {@code model} in this format. */
        byte[] bytes(Model model, Path dir) {
            Path file = file(dir, "bytes-" + System.nanoTime());
            write(model, file);
            try {
                byte[] bytes = Files.readAllBytes(file);
                Files.delete(file);
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Small hand-built models: weights with no exact float32 form (0.1, 1/3, π), tiny and large ones, every
     * activation somewhere, a network of one layer, and input names Keras has no place for.
     */
    static List<NamedModel> cases() {
        List<NamedModel> cases = new ArrayList<>();
        cases.add(new NamedModel("2-3-1 tanh sigmoid", new Model(List.of("x1", "x2"), new Network(2, List.of(
                new DenseLayer(new double[][] {{0.1, -0.7, 1.0 / 3}, {2.5, -1e-3, 0.3}},
                        new double[] {0.2, -0.1, 1e-7}, Activation.TANH),
                new DenseLayer(new double[][] {{0.6}, {-1.2}, {Math.PI}}, new double[] {-0.05},
                        Activation.SIGMOID))))));
        cases.add(new NamedModel("3-4-2 relu linear", new Model(List.of("petal length (cm)", "Größe", "x3"),
                new Network(3, List.of(
                        new DenseLayer(new double[][] {
                            {0.5, -0.25, 1e-30, 3.0e20}, {-1.5, 0.75, 2.0 / 3, -0.0}, {1e-45, 0.9, -0.3, 0.01}},
                                new double[] {0.0, 0.125, -2.2, 7.7}, Activation.RELU),
                        new DenseLayer(new double[][] {{1.1, -0.4}, {0.2, 0.3}, {-0.6, 0.8}, {1e-3, -1e3}},
                                new double[] {0.5, -0.5}, Activation.LINEAR))))));
        cases.add(new NamedModel("one layer 4-2 softmax", new Model(List.of("a", "b", "c", "d"), new Network(4, List.of(
                new DenseLayer(new double[][] {{0.1, 0.2}, {-0.3, 0.4}, {0.5, -0.6}, {0.7, 0.8}},
                        new double[] {0.01, -0.02}, Activation.SOFTMAX))))));
        cases.add(new NamedModel("1-1 linear", new Model(List.of("x"), new Network(1, List.of(
                new DenseLayer(new double[][] {{Math.E}}, new double[] {-Math.PI}, Activation.LINEAR))))));
        cases.add(new NamedModel("2-3-3-2 elu leaky_relu softmax", new Model(List.of("x1", "x2"),
                new Network(2, List.of(
                        new DenseLayer(new double[][] {{0.3, -0.8, 1.2}, {-0.45, 0.15, 0.6}},
                                new double[] {0.05, -0.3, 0.0}, Activation.ELU),
                        new DenseLayer(new double[][] {{0.9, -0.2, 0.4}, {0.1, 0.7, -1.3}, {-0.5, 0.25, 0.35}},
                                new double[] {-0.1, 0.2, 0.3}, Activation.LEAKY_RELU),
                        new DenseLayer(new double[][] {{1.0, -1.0}, {0.5, 0.5}, {-0.25, 0.75}},
                                new double[] {0.0, 0.1}, Activation.SOFTMAX))))));
        return cases;
    }

    /** The 2-3-1 tanh/sigmoid model of {@link #cases()}. */
    static Model small() {
        return cases().get(0).model();
    }

    /** One Dense layer's arrays as a test writes them: any Java array jhdf can write (float[][], double[] …). */
    public record LayerData(Object kernel, Object bias) {
    }

    /** The arrays of every layer of {@code network}, as float32, as the writers write them. */
    static List<LayerData> layerData(Network network) {
        List<LayerData> data = new ArrayList<>();
        for (DenseLayer layer : network.layers()) {
            data.add(new LayerData(KerasNetworks.kernel32(layer), KerasNetworks.bias32(layer)));
        }
        return data;
    }

    /** Writes a Keras 3 weights file by hand: {@code layers/dense…/vars/0} and {@code 1} from {@code layers}. */
    static void writeWeightsH5(Path file, List<LayerData> layers) {
        writeHdf5(file, hdf -> {
            WritableGroup group = hdf.putGroup("layers");
            for (int l = 0; l < layers.size(); l++) {
                WritableGroup vars = group.putGroup(KerasNetworks.layerName(l)).putGroup("vars");
                vars.putDataset("0", layers.get(l).kernel());
                vars.putDataset("1", layers.get(l).bias());
            }
        });
    }

    /** Writes a Keras 2 model file by hand, with {@code config} as its model_config (none if null). */
    static void writeLegacyH5(Path file, List<LayerData> layers, String config) {
        writeHdf5(file, hdf -> {
            hdf.putAttribute("keras_version", KerasLegacyH5.KERAS_VERSION);
            hdf.putAttribute("backend", KerasLegacyH5.BACKEND);
            if (config != null) {
                hdf.putAttribute("model_config", config);
            }
            WritableGroup weights = hdf.putGroup("model_weights");
            String[] names = new String[layers.size()];
            for (int l = 0; l < names.length; l++) {
                names[l] = KerasNetworks.layerName(l);
            }
            weights.putAttribute("layer_names", names);
            for (int l = 0; l < layers.size(); l++) {
                WritableGroup layer = weights.putGroup(names[l]);
                layer.putAttribute("weight_names", new String[] {names[l] + "/kernel:0", names[l] + "/bias:0"});
                WritableGroup variables = layer.putGroup(names[l]);
                variables.putDataset("kernel:0", layers.get(l).kernel());
                variables.putDataset("bias:0", layers.get(l).bias());
            }
        });
    }

    /** What a test puts into an HDF5 file. */
    interface Hdf5Body {
        void put(WritableHdfFile hdf);
    }

    /**
     * Writes an HDF5 file with jhdf alone. The body must write no empty group: jhdf 0.13 loses one written after the
     * file's last dataset (the writers restore theirs through {@link Hdf5EmptyGroups}; h5py writes the tests' others).
     */
    static void writeHdf5(Path file, Hdf5Body body) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            body.put(hdf);
        }
    }

    /** The bytes of the HDF5 file {@code body} writes. */
    static byte[] hdf5Bytes(Path dir, Hdf5Body body) {
        try {
            Path file = Files.createTempFile(dir, "hand-written-", ".h5");
            writeHdf5(file, body);
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry of a zip archive a test builds. */
    public record Entry(String name, byte[] content, boolean stored) {
        static Entry stored(String name, byte[] content) {
            return new Entry(name, content, true);
        }

        static Entry stored(String name, String content) {
            return new Entry(name, content.getBytes(StandardCharsets.UTF_8), true);
        }

        static Entry deflated(String name, byte[] content) {
            return new Entry(name, content, false);
        }
    }

    /** A zip archive of these entries, in order. */
    static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Entry e : entries) {
                ZipEntry entry = new ZipEntry(e.name());
                if (e.stored()) {
                    CRC32 crc = new CRC32();
                    crc.update(e.content());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.content().length);
                    entry.setCompressedSize(e.content().length);
                    entry.setCrc(crc.getValue());
                } else {
                    entry.setMethod(ZipEntry.DEFLATED);
                }
                zip.putNextEntry(entry);
                zip.write(e.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The three entries of a valid .keras archive for {@code model}, as the writer wrote them. */
    static List<Entry> kerasEntries(Model model, Path dir) {
        byte[] archive = Format.KERAS.bytes(model, dir);
        List<Entry> entries = new ArrayList<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(archive))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(Entry.stored(entry.getName(), in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** {@code entries} with the content of entry {@code name} replaced. */
    static List<Entry> replaced(List<Entry> entries, String name, byte[] content) {
        List<Entry> out = new ArrayList<>();
        boolean found = false;
        for (Entry e : entries) {
            if (e.name().equals(name)) {
                out.add(new Entry(name, content, e.stored()));
                found = true;
            } else {
                out.add(e);
            }
        }
        assertThat(found).as("entry %s", name).isTrue();
        return out;
    }

    /** The bytes of entry {@code name}. */
    static byte[] content(List<Entry> entries, String name) {
        for (Entry e : entries) {
            if (e.name().equals(name)) {
                return e.content();
            }
        }
        throw new AssertionError("no entry " + name);
    }

    /** The text of entry {@code name}. */
    static String text(List<Entry> entries, String name) {
        return new String(content(entries, name), StandardCharsets.UTF_8);
    }

    /** Every group below {@code group} (itself included) and every dataset, by path. */
    static void walk(Group group, List<Group> groups, List<Dataset> datasets) {
        groups.add(group);
        for (Node child : group.getChildren().values()) {
            if (child instanceof Group g) {
                walk(g, groups, datasets);
            } else if (child instanceof Dataset d) {
                datasets.add(d);
            }
        }
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
