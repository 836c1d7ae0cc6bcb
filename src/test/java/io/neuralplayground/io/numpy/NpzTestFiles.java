package io.neuralplayground.io.numpy;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.keras.KerasNetworks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Archives for the .npz tests: valid ones, and hand-made ones with whatever entries a test needs. */
final class NpzTestFiles {
    private NpzTestFiles() {
    }

    /** 2 inputs, a hidden layer of 3 relu units, 1 sigmoid output. */
    static Model sample() {
        DenseLayer hidden = new DenseLayer(new double[][] {{0.1, -0.2, 0.3}, {-0.4, 0.5, -0.6}},
                new double[] {0.01, -0.02, 0.03}, Activation.RELU);
        DenseLayer output = new DenseLayer(new double[][] {{0.7}, {-0.8}, {0.9}}, new double[] {-0.1},
                Activation.SIGMOID);
        return new Model(List.of("x1", "x2"), new Network(2, List.of(hidden, output)));
    }

    /** The bytes {@link NpzFormat} writes for {@code model}. */
    static byte[] bytes(Model model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            NpzFormat.writeTo(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The entries of {@code model}'s archive, by name, in order. */
    static LinkedHashMap<String, byte[]> entries(Model model) {
        LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>();
        Network network = model.network();
        for (int l = 0; l < network.depth(); l++) {
            String name = KerasNetworks.layerName(l);
            entries.put(name + "/kernel.npy", NpyArray.of(network.layer(l).kernelCopy()).toBytes());
            entries.put(name + "/bias.npy", NpyArray.of(network.layer(l).biasCopy()).toBytes());
        }
        entries.put("inputs.npy", NpyArray.ofText(model.inputs()).toBytes());
        entries.put("activations.npy", NpyArray.ofText(network.layers().stream()
                .map(layer -> layer.activation().kerasName()).toList()).toBytes());
        return entries;
    }

    /** A zip of these entries, stored (or deflated), with correct sizes and checksums. */
    static byte[] zip(Map<String, byte[]> entries, boolean deflated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                byte[] content = e.getValue();
                if (deflated) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    entry.setCompressedSize(content.length);
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] zip(Map<String, byte[]> entries) {
        return zip(entries, false);
    }

    /** Replaces every occurrence of {@code from} by {@code to} (same length), e.g. in entry names. */
    static byte[] replace(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.ISO_8859_1);
        byte[] t = to.getBytes(StandardCharsets.ISO_8859_1);
        if (f.length != t.length) {
            throw new IllegalArgumentException("lengths differ");
        }
        byte[] out = bytes.clone();
        for (int i = 0; i + f.length <= out.length; i++) {
            boolean match = true;
            for (int k = 0; k < f.length && match; k++) {
                match = out[i + k] == f[k];
            }
            if (match) {
                System.arraycopy(t, 0, out, i, t.length);
            }
        }
        return out;
    }

    /** Sets the uncompressed size the central directory gives for entry {@code name}. */
    static byte[] withDeclaredSize(byte[] zip, String name, long size) {
        byte[] out = zip.clone();
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + 46 <= out.length; i++) {
            boolean cen = out[i] == 0x50 && out[i + 1] == 0x4b && out[i + 2] == 0x01 && out[i + 3] == 0x02;
            if (cen) {
                int nameLength = (out[i + 28] & 0xff) | (out[i + 29] & 0xff) << 8;
                if (nameLength == n.length && java.util.Arrays.equals(out, i + 46, i + 46 + n.length, n, 0, n.length)) {
                    for (int k = 0; k < 4; k++) {
                        out[i + 24 + k] = (byte) (size >>> (8 * k));
                    }
                    return out;
                }
            }
        }
        throw new IllegalArgumentException("no entry " + name);
    }
}
