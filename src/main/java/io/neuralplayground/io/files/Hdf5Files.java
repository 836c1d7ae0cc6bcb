package io.neuralplayground.io.files;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.io.ModelLimits;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * HDF5 files through jhdf, for the Keras formats: writing (atomically, read back before the file is put in place),
 * opening with every failure turned into a message for the user, and reading the few things Keras files hold:
 * groups, floating-point arrays and string attributes.
 *
 * <p>jhdf up to 0.13.0 loses an empty group written after the file's last dataset (its own signature overwrites the
 * group's header): empty groups go through {@link Hdf5EmptyGroups}, which writes their headers again once jhdf is
 * done, and every written file is read back.
 */
public final class Hdf5Files {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_SIGNATURE = {'P', 'K', 5, 6};
    private static final String JHDF_SIGNATURE = "_jHDF";
    /** Enough of the start of a file for the superblock of any version (at most 8-byte addresses). */
    private static final int SUPERBLOCK_BYTES = 96;
    /**
     * The largest HDF5 file read (it is read into memory): room for the most weights a model may have
     * ({@link ModelLimits#MAX_PARAMETERS}) even as float64.
     */
    public static final long MAX_FILE_BYTES = 1L << 30;

    private Hdf5Files() {
    }

    /** What a writer puts into an HDF5 file: groups, datasets and attributes, and empty groups through {@code empty}. */
    @FunctionalInterface
    public interface Body {
        void put(WritableHdfFile hdf, Hdf5EmptyGroups empty);
    }

    /**
     * Writes an HDF5 file at {@code file} (replaced if it exists) with what {@code body} puts in it.
     *
     * @throws IOException when jhdf cannot write it (a full disk, a missing directory …)
     */
    public static void write(Path file, Body body) throws IOException {
        Hdf5EmptyGroups empty = new Hdf5EmptyGroups();
        try {
            try (WritableHdfFile hdf = HdfFile.write(file)) {
                // jhdf signs its files with a root attribute; Keras' files have no such thing.
                hdf.removeAttribute(JHDF_SIGNATURE);
                body.put(hdf, empty);
            }
            empty.restore(file);
        } catch (RuntimeException e) {
            IOException io = ioCause(e);
            if (io != null) {
                throw io;
            }
            throw new IOException("jhdf could not write the file (" + describe(e) + ")", e);
        }
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /**
     * Replaces {@code target}, atomically, by the HDF5 file {@code body} writes, after {@code check} has read it
     * back: a temporary file beside the target is written, checked, and only then moved into place.
     */
    public static void writeAtomically(Path target, Body body, AtomicFiles.FileBody check) {
        AtomicFiles.writeFile(target, temp -> {
            write(temp, body);
            check.writeTo(temp);
        });
    }

    /**
     * Opens {@code file} with jhdf and hands it to {@code reader}. An empty, truncated or damaged file, one that is
     * not HDF5 at all, and any exception of jhdf's or of {@code reader}'s on bad content become a
     * {@link PlaygroundException} naming the file.
     *
     * @param kind what the file should be, for messages ("a Keras weights file")
     */
    public static <T> T read(Path file, String kind, Function<HdfFile, T> reader) {
        String source = file.toString();
        return read(readAll(file, source, kind), source, kind, reader);
    }

    /**
     * As {@link #read(Path, String, Function)}, for the bytes of an HDF5 file (an entry of a zip archive), named
     * {@code source} in messages.
     */
    public static <T> T read(byte[] bytes, String source, String kind, Function<HdfFile, T> reader) {
        try {
            checkHeader(bytes.length, position -> ByteBuffer.wrap(bytes, (int) position,
                    (int) Math.min(SUPERBLOCK_BYTES, bytes.length - position)).slice(), source, kind);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
        // In memory, not through a FileChannel: jhdf trusts the sizes a file gives, and reading from a channel it
        // first allocates what a damaged header claims (gigabytes, zeroed, which takes long enough to look like a
        // hang); in memory, a read beyond the end of the file fails at once.
        try (HdfFile hdf = HdfFile.fromBytes(bytes)) {
            return reader.apply(hdf);
        } catch (PlaygroundException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // jhdf trusts the sizes and addresses a file gives: damaged ones make it fail in any way, including
            // an attempt to allocate an enormous array (which fails at once, without using the memory).
            throw new PlaygroundException(source + ": a damaged HDF5 file: jhdf cannot read it (" + describe(e)
                    + ")", e);
        }
    }

    /**
     * The bytes of {@code file}, at most {@link #MAX_FILE_BYTES}. A larger file is refused, after its header is
     * checked so that a file of another kind is named as such.
     */
    private static byte[] readAll(Path file, String source, String kind) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size > MAX_FILE_BYTES) {
                checkHeader(size, position -> readAt(channel, position, size), source, kind);
                throw new PlaygroundException(source + ": the file is " + size + " bytes, more than the "
                        + (MAX_FILE_BYTES >> 20) + " MiB a model's weights may take");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // until full or at the end
            }
            if (buffer.hasRemaining()) {
                throw new PlaygroundException(source + ": the file became shorter while it was read");
            }
            return buffer.array();
        } catch (IOException e) {
            throw new PlaygroundException("Cannot read " + source + ": " + IoErrors.reason(e, file), e);
        }
    }

    /** Up to {@link #SUPERBLOCK_BYTES} of a file's content from a position before its end. */
    @FunctionalInterface
    private interface Content {
        ByteBuffer at(long position) throws IOException;
    }

    /**
     * Refuses, with a clear message, what jhdf would report obscurely: an empty file, one that is not HDF5, and
     * one shorter than its superblock says (truncated).
     */
    private static void checkHeader(long size, Content content, String source, String kind) throws IOException {
        if (size == 0) {
            throw new PlaygroundException(source + ": the file is empty");
        }
        ByteBuffer first = content.at(0);
        boolean zip = startsWith(first, ZIP_SIGNATURE) || startsWith(first, EMPTY_ZIP_SIGNATURE);
        // The superblock sits at 0, or after a user block at 512, 1024, 2048 …
        for (long base = 0; base < size && !zip; base = base == 0 ? 512 : base * 2) {
            ByteBuffer superblock = base == 0 ? first : content.at(base);
            if (startsWith(superblock, SIGNATURE)) {
                checkLength(superblock.order(ByteOrder.LITTLE_ENDIAN), base, size, source);
                return;
            }
        }
        throw new PlaygroundException(source + ": not " + kind + ": " + (zip
                ? "it is a zip archive (a .keras model is one: open it as such)"
                : "it is not an HDF5 file (it does not start as HDF5 files do)"));
    }

    private static ByteBuffer readAt(SeekableByteChannel channel, long position, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(SUPERBLOCK_BYTES, size - position));
        channel.position(position);
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
            // until full or at the end
        }
        buffer.flip();
        return buffer;
    }

    /** Checks the end-of-file address the superblock records against the file's size. */
    private static void checkLength(ByteBuffer superblock, long base, long size, String source) {
        if (superblock.limit() < 12) {
            throw truncated(source, size);
        }
        int version = superblock.get(8) & 0xff;
        int offsetSize;
        int eofAt;
        if (version == 0 || version == 1) {
            if (superblock.limit() < 14) {
                throw truncated(source, size);
            }
            offsetSize = superblock.get(13) & 0xff;
            int addresses = version == 0 ? 24 : 28;
            eofAt = addresses + 2 * offsetSize;
        } else if (version == 2 || version == 3) {
            offsetSize = superblock.get(9) & 0xff;
            eofAt = 12 + 2 * offsetSize;
        } else {
            return; // a version this check does not know: jhdf says what it thinks of it
        }
        if (offsetSize != 8 && offsetSize != 4) {
            return;
        }
        if (superblock.limit() < eofAt + offsetSize) {
            throw truncated(source, size);
        }
        long eof = offsetSize == 8 ? superblock.getLong(eofAt) : superblock.getInt(eofAt) & 0xffffffffL;
        boolean undefined = eof == -1 || (offsetSize == 4 && eof == 0xffffffffL);
        if (!undefined && (eof < 0 || base + eof > size)) {
            throw new PlaygroundException(source + ": the file is truncated: its HDF5 header says it is "
                    + (eof < 0 ? Long.toUnsignedString(eof) : Long.toString(base + eof)) + " bytes long, but it has "
                    + size);
        }
    }

    private static PlaygroundException truncated(String source, long size) {
        return new PlaygroundException(source + ": the file is truncated: " + size + " bytes, too few for an HDF5 "
                + "header");
    }

    private static boolean startsWith(ByteBuffer buffer, byte[] prefix) {
        if (buffer.limit() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buffer.get(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A throwable in a few words, for the end of a message: its own message, or its kind when it has none. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return kind;
        }
        String firstLine = message.strip().lines().findFirst().orElse("");
        return firstLine.length() > 300 ? firstLine.substring(0, 300) + " …" : firstLine;
    }

    // Reading: the helpers below throw PlaygroundException for content that is not as Keras writes it.

    /** The child {@code name} of {@code group}, or null if there is none; links are refused (Keras writes none). */
    public static Node child(Group group, String name, String source) {
        Node node = group.getChildren().get(name);
        if (node != null && node.isLink()) {
            throw new PlaygroundException(source + ": " + path(group, name) + " is a link: Keras files have none");
        }
        return node;
    }

    /** How deep {@link #holdsDatasets} looks: far deeper than any Keras file, and a file whose links loop ends. */
    private static final int MAX_DEPTH = 64;

    /** Whether there is a dataset anywhere below {@code group} (links refused, as by {@link #child}). */
    public static boolean holdsDatasets(Group group, String source) {
        return holdsDatasets(group, source, 0);
    }

    private static boolean holdsDatasets(Group group, String source, int depth) {
        if (depth > MAX_DEPTH) {
            throw new PlaygroundException(source + ": '" + path(group) + "' lies more than " + MAX_DEPTH + " groups "
                    + "deep: no Keras file is");
        }
        for (String name : childNames(group)) {
            Node node = child(group, name, source);
            if (node instanceof Dataset || node instanceof Group g && holdsDatasets(g, source, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** The names of the children of {@code group}, in the file's order. */
    public static List<String> childNames(Group group) {
        return new ArrayList<>(group.getChildren().keySet());
    }

    /** The path of {@code node} without slashes around it, for messages: "layers/dense"; "" for the root. */
    public static String path(Node node) {
        String path = node.getPath();
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') {
            from++;
        }
        while (to > from && path.charAt(to - 1) == '/') {
            to--;
        }
        return path.substring(from, to);
    }

    /** The path of child {@code name} of {@code group}, for messages: "layers/dense/vars". */
    public static String path(Node group, String name) {
        String parent = path(group);
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    /** The values of a 2-D floating-point dataset (a kernel), rows × columns, as doubles. */
    public static double[][] matrix(Dataset dataset, String source, String path) {
        int[] shape = checkedShape(dataset, 2, source, path);
        Object data = dataset.getData();
        double[][] values = new double[shape[0]][shape[1]];
        for (int i = 0; i < shape[0]; i++) {
            Object row = Array.get(data, i);
            for (int j = 0; j < shape[1]; j++) {
                values[i][j] = Array.getDouble(row, j);
            }
        }
        return values;
    }

    /** The values of a 1-D floating-point dataset (a bias), as doubles. */
    public static double[] vector(Dataset dataset, String source, String path) {
        int[] shape = checkedShape(dataset, 1, source, path);
        Object data = dataset.getData();
        double[] values = new double[shape[0]];
        for (int j = 0; j < shape[0]; j++) {
            values[j] = Array.getDouble(data, j);
        }
        return values;
    }

    /**
     * The shape of {@code dataset}, checked before any data is read: floating-point numbers, {@code rank}
     * dimensions, none empty and none larger than a model may be (so that a damaged or hostile file cannot make
     * us allocate gigabytes).
     */
    private static int[] checkedShape(Dataset dataset, int rank, String source, String path) {
        String where = source + ": " + path;
        Class<?> type = dataset.getJavaType();
        // jhdf gives the boxed class for a scalar dataset: a float all the same, refused below for its rank.
        if (type != float.class && type != double.class && type != Float.class && type != Double.class) {
            throw new PlaygroundException(where + " holds " + typeName(dataset) + ", not floating-point numbers");
        }
        long[] dims = dataset.getDimensionsAsLong();
        String shape = Arrays.toString(dims);
        if (dims.length != rank) {
            throw new PlaygroundException(where + " has shape " + shape + ", but " + (rank == 2
                    ? "a kernel is a matrix (inputs × units)" : "a bias is a vector (one value per unit)"));
        }
        long count = 1;
        int[] checked = new int[rank];
        for (int d = 0; d < rank; d++) {
            if (dims[d] < 1) {
                throw new PlaygroundException(where + " has shape " + shape + ": it is empty");
            }
            if (dims[d] > ModelLimits.MAX_WIDTH) {
                throw new PlaygroundException(where + " has shape " + shape + ": wider than the "
                        + ModelLimits.MAX_WIDTH + " inputs or units a layer may have");
            }
            count *= dims[d];
            checked[d] = (int) dims[d];
        }
        if (count > ModelLimits.MAX_PARAMETERS) {
            throw new PlaygroundException(where + " has shape " + shape + ": more than the "
                    + ModelLimits.MAX_PARAMETERS + " weights a model may have");
        }
        return checked;
    }

    private static String typeName(Dataset dataset) {
        if (dataset.isCompound()) {
            return "compound records";
        }
        Class<?> type = dataset.getJavaType();
        if (type == String.class) {
            return "text";
        }
        return type == null ? "values of an unknown type" : type.getSimpleName() + " values";
    }

    /**
     * A text attribute: a scalar string (fixed or variable length, as jhdf or h5py write them), or an array of one.
     * Null if {@code node} has no attribute {@code name}.
     */
    public static String text(Node node, String name, String source) {
        Attribute attribute = node.getAttributes().get(name);
        if (attribute == null) {
            return null;
        }
        Object data = attribute.getData();
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof String[] array && array.length == 1) {
            return array[0];
        }
        throw new PlaygroundException(source + ": the attribute '" + name + "' of " + where(node)
                + " is not a text");
    }

    /**
     * A list-of-strings attribute (Keras' {@code layer_names}, {@code weight_names}), or null if there is none. A
     * scalar string counts as a list of one, and an empty array of any type as an empty list: Keras writes the
     * {@code weight_names} of a layer without weights as {@code np.asarray([])}, an empty array of floats.
     */
    public static List<String> texts(Node node, String name, String source) {
        Attribute attribute = node.getAttributes().get(name);
        if (attribute == null) {
            return null;
        }
        if (attribute.isEmpty()) {
            return List.of(); // jhdf gives no data for an attribute of no elements, whatever its type
        }
        Object data = attribute.getData();
        if (data instanceof String s) {
            return List.of(s);
        }
        if (data instanceof String[] array) {
            return Arrays.asList(array.clone());
        }
        throw new PlaygroundException(source + ": the attribute '" + name + "' of " + where(node)
                + " is not a list of names");
    }

    /** The path of {@code node} for messages: 'layers/dense', or "the file" for the root. */
    public static String where(Node node) {
        String path = path(node);
        return path.isEmpty() ? "the file" : "'" + path + "'";
    }
}
