package io.neuralplayground.data.images;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.DataFileException;
import io.neuralplayground.engine.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Labelled grey images of one size: a training or a test set. Immutable.
 *
 * <p>Image i's pixel (r, c) is an unsigned byte p ∈ {0 … 255} (0 the background), stored image after image and
 * row after row. A network sees it scaled to [0, 1]: x = p / 255, computed in float (so 255 gives exactly 1 and
 * 0 exactly 0), the image flattened row after row into rows·cols inputs, as Keras' {@code Flatten} does. Labels
 * are class indices 0 … K−1 into {@link #classNames()}.
 */
public final class ImageSet {
    /** p / 255 for every byte: a table, so the copies in a training loop do no division. */
    private static final float[] SCALED = new float[256];

    static {
        for (int p = 0; p < 256; p++) {
            SCALED[p] = p / 255f;
        }
    }

    private final int count;
    private final int rows;
    private final int cols;
    private final byte[] pixels;
    private final byte[] labels;
    private final List<String> classNames;

    /** Takes the arrays as they are: only this package makes sets of arrays nobody else holds. */
    private ImageSet(int count, int rows, int cols, byte[] pixels, byte[] labels, List<String> classNames) {
        this.count = count;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = classNames;
    }

    /**
     * The set of {@code images} (kept, not copied: the reader's own array) with {@code labels} (kept too).
     *
     * @param labelSource names the labels in the message when their number is not the images'
     * @throws DataFileException if there are not as many labels as images
     */
    static ImageSet of(IdxImages images, byte[] labels, List<String> classNames, String imageSource,
            String labelSource) {
        if (labels.length != images.count()) {
            throw new DataFileException(labelSource, 0, null, String.format(Locale.ROOT, "it holds %,d labels, but "
                    + "%s holds %,d images: the two files do not belong together", labels.length, imageSource,
                    images.count()));
        }
        return new ImageSet(images.count(), images.rows(), images.cols(), images.pixels(), labels,
                List.copyOf(classNames));
    }

    /**
     * A set of copies of these arrays.
     *
     * @param pixels count·rows·cols unsigned bytes, image after image, row after row
     * @param labels one class index per image, each below {@code classNames.size()}
     * @throws IllegalArgumentException if the sizes do not fit together, or a label is not a class
     */
    public static ImageSet copyOf(int rows, int cols, byte[] pixels, int[] labels, List<String> classNames) {
        if (rows < 1 || cols < 1 || pixels.length != (long) labels.length * rows * cols) {
            throw new IllegalArgumentException(labels.length + " images of " + rows + "×" + cols + " need "
                    + (long) labels.length * rows * cols + " pixels, not " + pixels.length);
        }
        if (classNames.isEmpty() || classNames.size() > 256) {
            throw new IllegalArgumentException("1 to 256 classes, not " + classNames.size());
        }
        byte[] bytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is not one of the "
                        + classNames.size() + " classes");
            }
            bytes[i] = (byte) labels[i];
        }
        return new ImageSet(labels.length, rows, cols, pixels.clone(), bytes, List.copyOf(classNames));
    }

    /** The number of images. */
    public int size() {
        return count;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** rows · cols: the inputs a network has for one image. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** The classes' names, by label. */
    public List<String> classNames() {
        return classNames;
    }

    public int classCount() {
        return classNames.size();
    }

    /** Image {@code image}'s class index. */
    public int label(int image) {
        Objects.checkIndex(image, count);
        return labels[image] & 0xFF;
    }

    /** Every image's class index, in a new array. */
    public int[] labels() {
        int[] copy = new int[count];
        for (int i = 0; i < count; i++) {
            copy[i] = labels[i] & 0xFF;
        }
        return copy;
    }

    /** How many images each class has, by label. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int i = 0; i < count; i++) {
            counts[labels[i] & 0xFF]++;
        }
        return counts;
    }

    /** Pixel (row, col) of image {@code image}, 0 … 255. */
    public int pixel(int image, int row, int col) {
        Objects.checkIndex(image, count);
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return pixels[(image * rows + row) * cols + col] & 0xFF;
    }

    /** Copies image {@code image}'s rows·cols bytes, row after row, into {@code into} from {@code offset}. */
    public void copyPixels(int image, byte[] into, int offset) {
        Objects.checkIndex(image, count);
        int n = pixelsPerImage();
        System.arraycopy(pixels, image * n, into, offset, n);
    }

    /**
     * Writes image {@code image} scaled to [0, 1], x = p / 255, row after row into {@code into[offset …
     * offset + rows·cols − 1]}.
     */
    public void copyScaled(int image, float[] into, int offset) {
        Objects.checkIndex(image, count);
        int n = pixelsPerImage();
        Objects.checkFromIndexSize(offset, n, into.length);
        int from = image * n;
        for (int k = 0; k < n; k++) {
            into[offset + k] = SCALED[pixels[from + k] & 0xFF];
        }
    }

    /**
     * A minibatch: images {@code order[from] … order[from + batch − 1]} scaled to [0, 1], one image per row of a
     * row-major batch × (rows·cols) matrix that starts at {@code into[offset]}.
     */
    public void copyScaled(int[] order, int from, int batch, float[] into, int offset) {
        Objects.checkFromIndexSize(from, batch, order.length);
        int n = pixelsPerImage();
        Objects.checkFromIndexSize(offset, Math.multiplyExact(batch, n), into.length);
        for (int b = 0; b < batch; b++) {
            copyScaled(order[from + b], into, offset + b * n);
        }
    }

    /**
     * The minibatch's targets, one-hot: row b of a row-major batch × K matrix at {@code into[offset]} is 1 in the
     * column of image {@code order[from + b]}'s class and 0 elsewhere.
     */
    public void copyOneHot(int[] order, int from, int batch, float[] into, int offset) {
        Objects.checkFromIndexSize(from, batch, order.length);
        int k = classNames.size();
        Objects.checkFromIndexSize(offset, Math.multiplyExact(batch, k), into.length);
        Arrays.fill(into, offset, offset + batch * k, 0f);
        for (int b = 0; b < batch; b++) {
            into[offset + b * k + label(order[from + b])] = 1f;
        }
    }

    /**
     * The images at {@code indices}, in that order, as a set of their own (indices may repeat).
     *
     * @throws IndexOutOfBoundsException if an index is not an image of this set
     */
    public ImageSet select(int[] indices) {
        int n = pixelsPerImage();
        byte[] p = new byte[Math.multiplyExact(indices.length, n)];
        byte[] l = new byte[indices.length];
        for (int j = 0; j < indices.length; j++) {
            int i = Objects.checkIndex(indices[j], count);
            System.arraycopy(pixels, i * n, p, j * n, n);
            l[j] = labels[i];
        }
        return new ImageSet(indices.length, rows, cols, p, l, classNames);
    }

    /**
     * A balanced subset: {@code perClass} images of every class, drawn at random without replacement from the
     * class's images, then kept in this set's order (by index), so that a subset is a stable selection rather than
     * a shuffle. The draw is a Fisher–Yates shuffle of each class's indices by {@link Rng#stream(long, String)
     * Rng.stream(seed, "subset")}, the classes in label order: the same seed gives the same subset.
     *
     * @throws PlaygroundException if a class has fewer than {@code perClass} images
     */
    public ImageSet subset(int perClass, long seed) {
        if (perClass < 1) {
            throw new IllegalArgumentException("a subset needs at least one image per class, not " + perClass);
        }
        int[] counts = classCounts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < perClass) {
                throw new PlaygroundException("Class '" + classNames.get(c) + "' has " + counts[c] + " images, "
                        + "fewer than the " + perClass + " per class asked for: ask for at most " + counts[c]);
            }
        }
        List<int[]> byClass = new ArrayList<>();
        int[] filled = new int[counts.length];
        for (int count : counts) {
            byClass.add(new int[count]);
        }
        for (int i = 0; i < count; i++) {
            int c = labels[i] & 0xFF;
            byClass.get(c)[filled[c]++] = i;
        }
        Rng rng = Rng.stream(seed, "subset");
        int[] chosen = new int[perClass * counts.length];
        for (int c = 0; c < counts.length; c++) {
            int[] indices = byClass.get(c);
            rng.shuffle(indices);
            System.arraycopy(indices, 0, chosen, c * perClass, perClass);
        }
        Arrays.sort(chosen);
        return select(chosen);
    }
}
