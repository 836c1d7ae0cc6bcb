package io.neuralplayground.data.images;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.CountingInputStream;
import io.neuralplayground.data.DataFileException;
import io.neuralplayground.data.ReadCancelledException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of unsigned bytes, the format of MNIST and Fashion-MNIST, plain or gzip-compressed.
 *
 * <p>Format (LeCun's, every number big-endian):
 * <pre>
 *   bytes 0–1   zero
 *   byte 2      the data type: 0x08 unsigned byte (the only one read here; 0x09 signed byte, 0x0B short,
 *               0x0C int, 0x0D float, 0x0E double)
 *   byte 3      the number of dimensions d
 *   d × 4 bytes each dimension's size, an unsigned 32-bit integer
 *   the data    row-major: the last dimension varies fastest
 * </pre>
 * An image file has the magic number (bytes 0–3) 0x00000803, sizes [count, rows, cols] and count·rows·cols bytes;
 * a label file has 0x00000801, [count] and count bytes. Compression is recognised by gzip's first two
 * bytes (0x1F 0x8B), whatever the name: an IDX file always starts with a zero.
 *
 * <p>Checks: the magic number, the data type, the number of dimensions; sizes within {@value #MAX_SIDE} rows and
 * columns, {@value #MAX_COUNT} items and {@value #MAX_PIXELS} pixels in all, before anything is allocated; exactly
 * as many bytes as the header declares (a short file and trailing bytes are both refused); labels below the
 * number of classes. Memory grows with the bytes actually read, never beyond what the file can hold (its size,
 * or {@value #DEFLATE_MAX_RATIO} times it when compressed), so a hostile header cannot make the reader allocate
 * what the file does not back.
 *
 * <p>Every problem of the content is a {@link DataFileException} naming the file; a file that cannot be opened
 * or read is a {@link PlaygroundException}. A read with a progress callback is told the bytes of the file read so
 * far (compressed bytes for a {@code .gz}) every {@value #CHECK_EVERY_BYTES} bytes and once at the end, and asks
 * {@code cancelled} as often; once it says so the read throws {@link ReadCancelledException}.
 */
public final class IdxReader {
    /** Magic number of an image file: unsigned bytes (0x08) in three dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;

    /** Magic number of a label file: unsigned bytes (0x08) in one dimension. */
    public static final int LABELS_MAGIC = 0x00000801;

    /** The most rows, and the most columns, an image may have. */
    public static final int MAX_SIDE = 1024;

    /** The most images, or labels, one file may hold: far more than any MNIST-style collection has. */
    public static final int MAX_COUNT = 10_000_000;

    /**
     * The most pixels (bytes) one image file may hold, 256 Mi: more than five times Fashion-MNIST's 47,040,000, so
     * every collection of this kind fits, while a header cannot ask for gigabytes.
     */
    public static final long MAX_PIXELS = 1L << 28;

    /**
     * Deflate cannot compress more than about 1032 to 1 (a 258-byte match in one code of at least 2 bits), so a
     * compressed file of n bytes holds at most this many times n.
     */
    public static final long DEFLATE_MAX_RATIO = 1032;

    /** Progress is told, and cancellation asked, after every this many bytes of the file. */
    public static final int CHECK_EVERY_BYTES = 1 << 20;

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int BUFFER = 1 << 16;
    /** Where the data array starts when the file's size says nothing: grown by doubling from here. */
    private static final int FIRST_CAPACITY = 1 << 20;

    private IdxReader() {
    }

    /** {@link #readImages(Path, LongConsumer, BooleanSupplier)} without progress or cancellation. */
    public static IdxImages readImages(Path file) {
        return readImages(file, bytes -> { }, () -> false);
    }

    /**
     * The images of an IDX image file.
     *
     * @param bytesRead told the bytes of the file read so far, growing, the last time the file's size
     * @param cancelled asked as often; true stops the read
     * @throws DataFileException if the content is not a well-formed IDX image file within the limits
     * @throws ReadCancelledException once {@code cancelled} says so
     * @throws PlaygroundException if the file cannot be opened or read
     */
    public static IdxImages readImages(Path file, LongConsumer bytesRead, BooleanSupplier cancelled) {
        return withFile(file, (in, size) -> readImages(in, file.toString(), size, bytesRead, cancelled));
    }

    /**
     * The images of an IDX image file read from {@code in} (not closed), a resource in the application's jar say.
     *
     * @param source names the data in messages
     * @param size the stream's length in bytes, or −1 if unknown; it bounds what is allocated before it is read
     * @see #readImages(Path, LongConsumer, BooleanSupplier)
     */
    public static IdxImages readImages(InputStream in, String source, long size, LongConsumer bytesRead,
            BooleanSupplier cancelled) {
        Idx idx = read(in, source, size, Kind.IMAGES, bytesRead, cancelled);
        return new IdxImages((int) idx.sizes[0], (int) idx.sizes[1], (int) idx.sizes[2], idx.data);
    }

    /** {@link #readLabels(Path, int, LongConsumer, BooleanSupplier)} without progress or cancellation. */
    public static byte[] readLabels(Path file, int classes) {
        return readLabels(file, classes, bytes -> { }, () -> false);
    }

    /**
     * The labels of an IDX label file, one unsigned byte per item, each below {@code classes}.
     *
     * @see #readImages(Path, LongConsumer, BooleanSupplier)
     */
    public static byte[] readLabels(Path file, int classes, LongConsumer bytesRead, BooleanSupplier cancelled) {
        return withFile(file, (in, size) -> readLabels(in, file.toString(), size, classes, bytesRead, cancelled));
    }

    /**
     * The labels of an IDX label file read from {@code in} (not closed).
     *
     * @see #readImages(InputStream, String, long, LongConsumer, BooleanSupplier)
     */
    public static byte[] readLabels(InputStream in, String source, long size, int classes, LongConsumer bytesRead,
            BooleanSupplier cancelled) {
        if (classes < 1 || classes > 256) {
            throw new IllegalArgumentException("labels of one unsigned byte allow 1 to 256 classes, not " + classes);
        }
        byte[] labels = read(in, source, size, Kind.LABELS, bytesRead, cancelled).data;
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (label >= classes) {
                throw new DataFileException(source, 0, null, String.format(Locale.ROOT, "item %,d (counting from 0)"
                        + " has label %d, but there are %d classes (labels 0 to %d): the file belongs to another "
                        + "collection, or is damaged", i, label, classes, classes - 1));
            }
        }
        return labels;
    }

    /** What an open file is read for: its bytes and its size then. */
    @FunctionalInterface
    private interface FileWork<T> {
        T apply(InputStream in, long size) throws IOException;
    }

    /** {@code work} on {@code file}'s bytes, with what can go wrong in opening it said for the user. */
    private static <T> T withFile(Path file, FileWork<T> work) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return work.apply(in, Files.size(file));
        } catch (NoSuchFileException e) {
            throw new PlaygroundException("Data file " + source + " does not exist: check the path", e);
        } catch (AccessDeniedException e) {
            throw new PlaygroundException("Data file " + source + " cannot be opened (access denied): check its "
                    + "permissions", e);
        } catch (IOException e) {
            throw new PlaygroundException("Data file " + source + " cannot be read (" + e.getMessage()
                    + "): check that it is a readable file", e);
        }
    }

    /** The two kinds of IDX file read here. */
    private enum Kind {
        IMAGES(IMAGES_MAGIC, "image", "images", "labels"),
        LABELS(LABELS_MAGIC, "label", "labels", "images");

        final int magic;
        final String adjective;
        final String items;
        final String other;

        Kind(int magic, String adjective, String items, String other) {
            this.magic = magic;
            this.adjective = adjective;
            this.items = items;
            this.other = other;
        }

        int dimensions() {
            return magic & 0xFF;
        }
    }

    /** A file's sizes from its header and its data. */
    private record Idx(long[] sizes, byte[] data) {
    }

    private static Idx read(InputStream raw, String source, long size, Kind kind, LongConsumer bytesRead,
            BooleanSupplier cancelled) {
        try {
            return new IdxStream(raw, source, size, kind, new Watch(source, bytesRead, cancelled)).read();
        } catch (IOException e) {
            throw new PlaygroundException("Data " + source + " cannot be read (" + e.getMessage() + "): check that "
                    + "it is a readable file", e);
        }
    }

    /** One read of one file: the layers of streams, and how far into the IDX data it is. */
    private static final class IdxStream {
        private final String source;
        private final long size;
        private final Kind kind;
        private final Watch watch;
        private final CountingInputStream counted;
        private boolean gzip;
        private InputStream in;
        /** Bytes of IDX data (uncompressed), header included, read so far. */
        private long position;

        IdxStream(InputStream raw, String source, long size, Kind kind, Watch watch) {
            this.source = source;
            this.size = size;
            this.kind = kind;
            this.watch = watch;
            this.counted = new CountingInputStream(raw);
            watch.start(counted);
        }

        Idx read() throws IOException {
            BufferedInputStream buffered = new BufferedInputStream(counted, BUFFER);
            buffered.mark(2);
            gzip = buffered.read() == 0x1F && buffered.read() == 0x8B;
            buffered.reset();
            try {
                in = gzip ? new GZIPInputStream(buffered, BUFFER) : buffered;
                long[] sizes = header();
                byte[] data = data(sizes);
                trailingBytes(sizes);
                watch.finished();
                return new Idx(sizes, data);
            } catch (EOFException e) {
                // Only the gzip layer throws it: the reader itself counts what it finds.
                throw problem(String.format(Locale.ROOT, "the gzip data ends early, after %,d bytes of IDX data: "
                        + "the file is truncated; download or copy it again", position), e);
            } catch (ZipException e) {
                throw problem("the gzip data is damaged (" + e.getMessage() + "): download or copy the file again",
                        e);
            }
        }

        /** The sizes the header declares, checked against the kind of file and the limits. */
        private long[] header() throws IOException {
            byte[] magicBytes = new byte[4];
            int n = readFully(magicBytes);
            if (n == 0) {
                throw problem("the file is empty: an IDX " + kind.adjective + " file starts with a header of "
                        + headerLength(kind.dimensions()) + " bytes");
            }
            if (n < magicBytes.length) {
                throw endsInHeader(kind.dimensions());
            }
            int magic = bigEndian(magicBytes, 0);
            int type = (magic >>> 8) & 0xFF;
            int dimensions = magic & 0xFF;
            if ((magic >>> 16) != 0) {
                throw notThisKind(magic, "");
            }
            if (type != UNSIGNED_BYTE) {
                throw problem(String.format(Locale.ROOT, "IDX data type 0x%02X (%s) is not supported: only unsigned "
                        + "bytes (0x08), as MNIST's images and labels are, can be read", type, typeName(type)));
            }
            if (dimensions != kind.dimensions()) {
                String hint = dimensions == Kind.IMAGES.dimensions() || dimensions == Kind.LABELS.dimensions()
                        ? ": it holds " + kind.other + ", not " + kind.items + "; are the two files swapped?"
                        : "";
                throw notThisKind(magic, hint);
            }
            byte[] sizeBytes = new byte[4 * dimensions];
            if (readFully(sizeBytes) < sizeBytes.length) {
                throw endsInHeader(dimensions);
            }
            long[] sizes = new long[dimensions];
            for (int d = 0; d < dimensions; d++) {
                sizes[d] = bigEndian(sizeBytes, 4 * d) & 0xFFFFFFFFL;
            }
            checkSizes(sizes);
            return sizes;
        }

        private void checkSizes(long[] sizes) {
            long count = sizes[0];
            if (count == 0) {
                throw problem("the header declares no " + kind.items + ": the file holds no data");
            }
            if (count > MAX_COUNT) {
                throw problem(String.format(Locale.ROOT, "the header declares %,d %s, more than the %,d a file may "
                        + "hold: the file is damaged, or not an IDX file of this kind", count, kind.items, MAX_COUNT));
            }
            if (kind == Kind.LABELS) {
                return;
            }
            String[] names = {null, "rows", "columns"};
            for (int d = 1; d <= 2; d++) {
                if (sizes[d] < 1 || sizes[d] > MAX_SIDE) {
                    throw problem(String.format(Locale.ROOT, "the header declares images of %,d %s, but an image "
                            + "may have 1 to %d: the file is damaged, or not an IDX file of this kind", sizes[d],
                            names[d], MAX_SIDE));
                }
            }
            long pixels = count * sizes[1] * sizes[2];
            if (pixels > MAX_PIXELS) {
                throw problem(String.format(Locale.ROOT, "the header declares %,d images of %d×%d pixels, %,d bytes "
                        + "in all, more than the %,d (256 MiB) the reader holds in memory: use a smaller part of the "
                        + "collection", count, sizes[1], sizes[2], pixels, MAX_PIXELS));
            }
        }

        /** The data the header declares: exactly that many bytes, in an array that grows as they arrive. */
        private byte[] data(long[] sizes) throws IOException {
            long declared = 1;
            for (long s : sizes) {
                declared *= s;
            }
            int expected = (int) declared;
            long header = headerLength(sizes.length);
            // What the file can hold at most; when it is known the array can be made at once.
            long canHold = size < 0 ? -1 : gzip ? size * DEFLATE_MAX_RATIO : size - header;
            int capacity = (int) Math.min(expected, Math.max(canHold, FIRST_CAPACITY));
            byte[] data = new byte[capacity];
            int filled = 0;
            while (filled < expected) {
                if (filled == data.length) {
                    data = Arrays.copyOf(data, (int) Math.min(expected, 2L * data.length));
                }
                int n = in.read(data, filled, Math.min(data.length - filled, CHECK_EVERY_BYTES));
                if (n < 0) {
                    throw problem(String.format(Locale.ROOT, "the data ends after %,d of the %,d bytes its header "
                            + "declares (%s): the file is truncated; download or copy it again", header + filled,
                            header + expected, declared(sizes)));
                }
                filled += n;
                position += n;
                watch.step();
            }
            return data;
        }

        /** Refuses anything after the declared data, saying how much there is. */
        private void trailingBytes(long[] sizes) throws IOException {
            byte[] scratch = new byte[BUFFER];
            long extra = 0;
            for (int n = in.read(scratch); n >= 0; n = in.read(scratch)) {
                extra += n;
                watch.step();
            }
            if (extra > 0) {
                long declared = position;
                throw problem(String.format(Locale.ROOT, "the file holds %,d %s more than the %,d its header "
                        + "declares (%s): it is not one well-formed IDX file, or its header is wrong", extra,
                        extra == 1 ? "byte" : "bytes", declared, declared(sizes)));
            }
        }

        private String declared(long[] sizes) {
            String items = sizes[0] == 1 ? kind.adjective : kind.items;
            return kind == Kind.IMAGES
                    ? String.format(Locale.ROOT, "%,d %s of %d×%d pixels", sizes[0], items, sizes[1], sizes[2])
                    : String.format(Locale.ROOT, "%,d %s", sizes[0], items);
        }

        private DataFileException notThisKind(int magic, String hint) {
            String compression = !gzip && source.toLowerCase(Locale.ROOT).endsWith(".gz")
                    ? ", and it is not gzip-compressed although its name ends in .gz" : "";
            return problem(String.format(Locale.ROOT, "not an IDX %s file (magic number 0x%08X, expected 0x%08X)%s%s",
                    kind.adjective, magic, kind.magic, compression, hint));
        }

        private DataFileException endsInHeader(int dimensions) {
            return problem(String.format(Locale.ROOT, "the file ends after %,d bytes, inside its IDX header of %d "
                    + "bytes: the file is truncated, or not an IDX file", position, headerLength(dimensions)));
        }

        private DataFileException problem(String problem) {
            return new DataFileException(source, 0, null, problem);
        }

        private DataFileException problem(String problem, Throwable cause) {
            return new DataFileException(source, 0, null, problem, cause);
        }

        /** Fills {@code into} unless the data ends first; returns how much it got. */
        private int readFully(byte[] into) throws IOException {
            int filled = 0;
            while (filled < into.length) {
                int n = in.read(into, filled, into.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
                position += n;
            }
            return filled;
        }
    }

    private static long headerLength(int dimensions) {
        return 4 + 4L * dimensions;
    }

    private static int bigEndian(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "16-bit integer";
            case 0x0C -> "32-bit integer";
            case 0x0D -> "32-bit float";
            case 0x0E -> "64-bit float";
            default -> "unknown";
        };
    }

    /** Tells progress and asks for cancellation every {@link #CHECK_EVERY_BYTES} bytes of the file. */
    private static final class Watch {
        private final String source;
        private final LongConsumer bytesRead;
        private final BooleanSupplier cancelled;
        private CountingInputStream counted;
        private long reportedAt;

        Watch(String source, LongConsumer bytesRead, BooleanSupplier cancelled) {
            this.source = source;
            this.bytesRead = bytesRead;
            this.cancelled = cancelled;
        }

        void start(CountingInputStream stream) {
            counted = stream;
            check();
        }

        /** After each read from the file: a report and a check once another stretch has been read. */
        void step() {
            long now = counted.count();
            if (now - reportedAt >= CHECK_EVERY_BYTES) {
                reportedAt = now;
                check();
                bytesRead.accept(now);
            }
        }

        void finished() {
            check();
            bytesRead.accept(counted.count());
        }

        private void check() {
            if (cancelled.getAsBoolean()) {
                throw new ReadCancelledException(source);
            }
        }
    }
}
