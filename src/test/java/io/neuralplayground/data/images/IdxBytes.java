package io.neuralplayground.data.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** IDX files made byte by byte, good and bad, and gzip as the collections' files are compressed. */
final class IdxBytes {
    private IdxBytes() {
    }

    /** A tiny collection in {@code folder}: 20 training and 10 test images of 2×2, labels cycling 0 … 9. */
    static Path collection(Path folder, boolean gzip) throws IOException {
        Files.createDirectories(folder);
        for (ImageFile file : ImageFile.values()) {
            int count = file.isTraining() ? 20 : 10;
            byte[] labels = new byte[count];
            byte[] pixels = new byte[count * 4];
            for (int i = 0; i < count; i++) {
                labels[i] = (byte) (i % 10);
                pixels[4 * i] = (byte) i;
            }
            byte[] idx = file.holdsImages() ? images(count, 2, 2, pixels) : labels(labels);
            Files.write(folder.resolve(gzip ? file.gzipName() : file.plainName()), gzip ? gzip(idx) : idx);
        }
        return folder;
    }

    /** A header: the magic number, then each size as a big-endian 32-bit integer. */
    static byte[] header(int magic, int... sizes) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * sizes.length);
        b.putInt(magic);
        for (int s : sizes) {
            b.putInt(s);
        }
        return b.array();
    }

    /** An image file of {@code count} images of rows × cols. */
    static byte[] images(int count, int rows, int cols, byte[] pixels) {
        return concat(header(IdxReader.IMAGES_MAGIC, count, rows, cols), pixels);
    }

    static byte[] labels(byte... labels) {
        return concat(header(IdxReader.LABELS_MAGIC, labels.length), labels);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /**
     * {@code data} gzip-compressed at the best level. Java writes a header without a time or a name, so the same
     * data on the same zlib always gives the same bytes.
     */
    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
