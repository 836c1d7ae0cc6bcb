package io.neuralplayground.data.images;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.DataFileException;
import io.neuralplayground.data.ReadCancelledException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.function.LongConsumer;

/**
 * Reads the four files of an {@link ImageSource} into {@link ImageData}: training images and labels, then test
 * images and labels, each checked by {@link IdxReader}, and the images and labels of each set checked to be as
 * many, and both sets' images to be of one size.
 *
 * <p>Progress is the fraction of the four files' bytes read, growing from 0 to 1 (1 once the data is complete);
 * when a file's length cannot be known it counts only once it is read.
 */
public final class ImageDataReader {
    private ImageDataReader() {
    }

    /** {@link #read(ImageSource, DoubleConsumer, BooleanSupplier)} without progress or cancellation. */
    public static ImageData read(ImageSource source) {
        return read(source, fraction -> { }, () -> false);
    }

    /**
     * Reads every file of {@code source}.
     *
     * @param progress told the fraction read so far, on the reading thread
     * @param cancelled asked every megabyte or so; true stops the read
     * @throws DataFileException if a file's content is not what it should be (the message names the file)
     * @throws ReadCancelledException once {@code cancelled} says so; nothing is kept
     * @throws PlaygroundException if a file cannot be read
     */
    public static ImageData read(ImageSource source, DoubleConsumer progress, BooleanSupplier cancelled) {
        Progress watch = new Progress(source, progress);
        int classes = source.collection().classCount();
        progress.accept(0);
        IdxImages trainImages = images(source, ImageFile.TRAIN_IMAGES, watch, cancelled);
        byte[] trainLabels = labels(source, ImageFile.TRAIN_LABELS, classes, watch, cancelled);
        IdxImages testImages = images(source, ImageFile.TEST_IMAGES, watch, cancelled);
        byte[] testLabels = labels(source, ImageFile.TEST_LABELS, classes, watch, cancelled);
        if (testImages.rows() != trainImages.rows() || testImages.cols() != trainImages.cols()) {
            throw new DataFileException(source.name(ImageFile.TEST_IMAGES), 0, null, String.format(Locale.ROOT,
                    "its images are %d×%d pixels, but those of %s are %d×%d: the two sets do not belong together",
                    testImages.rows(), testImages.cols(), source.name(ImageFile.TRAIN_IMAGES), trainImages.rows(),
                    trainImages.cols()));
        }
        ImageSet train = set(source, trainImages, trainLabels, ImageFile.TRAIN_IMAGES, ImageFile.TRAIN_LABELS);
        ImageSet test = set(source, testImages, testLabels, ImageFile.TEST_IMAGES, ImageFile.TEST_LABELS);
        ImageData data = new ImageData(source.collection(), source, train, test);
        progress.accept(1);
        return data;
    }

    private static ImageSet set(ImageSource source, IdxImages images, byte[] labels, ImageFile imageFile,
            ImageFile labelFile) {
        return ImageSet.of(images, labels, source.collection().classNames(), source.name(imageFile),
                source.name(labelFile));
    }

    private static IdxImages images(ImageSource source, ImageFile file, Progress watch, BooleanSupplier cancelled) {
        LongConsumer bytes = watch.file(file);
        Optional<Path> path = source.path(file);
        IdxImages images = path.isPresent()
                ? IdxReader.readImages(path.get(), bytes, cancelled)
                : fromResource(source, file, in -> IdxReader.readImages(in, source.name(file),
                        source.size(file), bytes, cancelled));
        watch.done(file);
        return images;
    }

    private static byte[] labels(ImageSource source, ImageFile file, int classes, Progress watch,
            BooleanSupplier cancelled) {
        LongConsumer bytes = watch.file(file);
        Optional<Path> path = source.path(file);
        byte[] labels = path.isPresent()
                ? IdxReader.readLabels(path.get(), classes, bytes, cancelled)
                : fromResource(source, file, in -> IdxReader.readLabels(in, source.name(file), source.size(file),
                        classes, bytes, cancelled));
        watch.done(file);
        return labels;
    }

    @FunctionalInterface
    private interface StreamWork<T> {
        T apply(InputStream in);
    }

    private static <T> T fromResource(ImageSource source, ImageFile file, StreamWork<T> work) {
        try (InputStream in = source.openResource(file)) {
            return work.apply(in);
        } catch (IOException e) {
            throw new PlaygroundException("The bundled " + source.name(file) + " cannot be read (" + e.getMessage()
                    + "): the application's jar is damaged; install it again", e);
        }
    }

    /** The fraction of all four files read, from each file's bytes. */
    private static final class Progress {
        private final DoubleConsumer progress;
        private final long[] sizes = new long[ImageFile.values().length];
        private final boolean allKnown;
        private long total;
        private long before;
        private double reported;

        Progress(ImageSource source, DoubleConsumer progress) {
            this.progress = progress;
            boolean known = true;
            for (ImageFile file : ImageFile.values()) {
                sizes[file.ordinal()] = source.size(file);
                known &= sizes[file.ordinal()] >= 0;
                total += Math.max(0, sizes[file.ordinal()]);
            }
            allKnown = known && total > 0;
        }

        /** What to tell {@link IdxReader} while {@code file} is read. */
        LongConsumer file(ImageFile file) {
            return bytes -> {
                if (allKnown) {
                    report((double) (before + Math.min(bytes, sizes[file.ordinal()])) / total);
                }
            };
        }

        void done(ImageFile file) {
            before += Math.max(0, sizes[file.ordinal()]);
            report(allKnown ? (double) before / total : (file.ordinal() + 1.0) / sizes.length);
        }

        /** Only growing fractions, short of 1 until the data is made. */
        private void report(double fraction) {
            double f = Math.min(Math.nextDown(1.0), fraction);
            if (f > reported) {
                reported = f;
                progress.accept(f);
            }
        }
    }
}
