package io.neuralplayground.data.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the bundled subset, {@code datasets/fashion-mnist-subset/}, from the four official Fashion-MNIST files:
 * {@value #TRAIN_PER_CLASS} training and {@value #TEST_PER_CLASS} test images of every class, drawn by
 * {@link ImageData#subset(int, int, long)} with the seed {@value #SEED} (Fashion-MNIST's arXiv number, 1708.07747)
 * and kept in their original order, written as the four standard {@code .gz} IDX files.
 *
 * <p>Run from the project's folder (the arguments are the official files' folder and the output folder):
 * <pre>
 *   mvn -B -q test-compile
 *   java -cp target/classes:target/test-classes io.neuralplayground.data.images.MakeFashionMnistSubset \
 *       /usr/share/datasets/fashion-mnist datasets/fashion-mnist-subset
 * </pre>
 * The gzip files carry no time or name ({@link IdxBytes#gzip}), so the same zlib makes the same bytes again.
 * {@code BundledSubsetTest} checks that the bundled files are this subset of the official ones.
 */
public final class MakeFashionMnistSubset {
    static final long SEED = 170807747L;
    static final int TRAIN_PER_CLASS = 200;
    static final int TEST_PER_CLASS = 50;

    private MakeFashionMnistSubset() {
    }

    /** The subset of the whole collection that is bundled. */
    static ImageData subset(ImageData full) {
        return full.subset(TRAIN_PER_CLASS, TEST_PER_CLASS, SEED);
    }

    /** {@code set}'s images as an IDX image file. */
    static byte[] imageFile(ImageSet set) {
        byte[] pixels = new byte[set.size() * set.pixelsPerImage()];
        for (int i = 0; i < set.size(); i++) {
            set.copyPixels(i, pixels, i * set.pixelsPerImage());
        }
        return IdxBytes.images(set.size(), set.rows(), set.cols(), pixels);
    }

    /** {@code set}'s labels as an IDX label file. */
    static byte[] labelFile(ImageSet set) {
        int[] labels = set.labels();
        byte[] bytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            bytes[i] = (byte) labels[i];
        }
        return IdxBytes.labels(bytes);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: MakeFashionMnistSubset OFFICIAL_FOLDER OUTPUT_FOLDER");
            System.exit(2);
        }
        ImageData full = ImageDataReader.read(ImageSource.folder(ImageSource.Kind.USER_FOLDER,
                ImageCollection.FASHION_MNIST, Path.of(args[0])));
        ImageData subset = subset(full);
        Path out = Files.createDirectories(Path.of(args[1]));
        write(out, ImageFile.TRAIN_IMAGES, imageFile(subset.train()));
        write(out, ImageFile.TRAIN_LABELS, labelFile(subset.train()));
        write(out, ImageFile.TEST_IMAGES, imageFile(subset.test()));
        write(out, ImageFile.TEST_LABELS, labelFile(subset.test()));
    }

    private static void write(Path folder, ImageFile file, byte[] idx) throws IOException {
        Path target = folder.resolve(file.gzipName());
        Files.write(target, IdxBytes.gzip(idx));
        System.out.println(target + ": " + Files.size(target) + " bytes");
    }
}
