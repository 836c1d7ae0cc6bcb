package io.neuralplayground.data.images;

import static io.neuralplayground.data.images.IdxBytes.concat;
import static io.neuralplayground.data.images.IdxBytes.gzip;
import static io.neuralplayground.data.images.IdxBytes.header;
import static io.neuralplayground.data.images.IdxBytes.images;
import static io.neuralplayground.data.images.IdxBytes.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.DataFileException;
import io.neuralplayground.data.ReadCancelledException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.ThrowingSupplier;

class IdxReaderTest {
    /** Three images of 2×2: 0 1 / 2 3, then 10 11 / 12 13, then 253 254 / 255 0. */
    private static final byte[] PIXELS = {0, 1, 2, 3, 10, 11, 12, 13, (byte) 253, (byte) 254, (byte) 255, 0};

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** The error reading {@code file} gives, after checking that its message starts with the file. */
    private static DataFileException error(Path file, ThrowingSupplier<?> read) {
        DataFileException e = catchThrowableOfType(DataFileException.class, read::get);
        assertThat(e).as("an error for %s", file.getFileName()).isNotNull();
        assertThat(e.source()).isEqualTo(file.toString());
        assertThat(e.getMessage()).startsWith(file + ": ");
        return e;
    }

    private static DataFileException imageError(Path file) {
        return error(file, () -> IdxReader.readImages(file));
    }

    /** What the current thread has allocated so far, in bytes (HotSpot counts it per thread). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    // ---- good files ----

    @Test
    void threeImagesOfTwoByTwo() throws IOException {
        IdxImages read = IdxReader.readImages(write("images", images(3, 2, 2, PIXELS)));
        assertThat(read.count()).isEqualTo(3);
        assertThat(read.rows()).isEqualTo(2);
        assertThat(read.cols()).isEqualTo(2);
        assertThat(read.pixels()).containsExactly(PIXELS);
    }

    @Test
    void gzipCompressedAsPublished() throws IOException {
        IdxImages read = IdxReader.readImages(write("train-images-idx3-ubyte.gz", gzip(images(3, 2, 2, PIXELS))));
        assertThat(read.pixels()).containsExactly(PIXELS);
        byte[] labels = IdxReader.readLabels(write("train-labels-idx1-ubyte.gz", gzip(labels((byte) 9, (byte) 0,
                (byte) 3))), 10);
        assertThat(labels).containsExactly(9, 0, 3);
    }

    @Test
    void compressionIsRecognisedByTheBytesNotTheName() throws IOException {
        Path gzipWithoutGz = write("train-images-idx3-ubyte", gzip(images(3, 2, 2, PIXELS)));
        Path plainWithGz = write("t10k-images-idx3-ubyte.gz", images(3, 2, 2, PIXELS));
        assertThat(IdxReader.readImages(gzipWithoutGz).pixels()).containsExactly(PIXELS);
        assertThat(IdxReader.readImages(plainWithGz).pixels()).containsExactly(PIXELS);
    }

    @Test
    void labelsAreUnsignedBytes() throws IOException {
        Path file = write("labels", labels((byte) 0, (byte) 200, (byte) 255));
        assertThat(IdxReader.readLabels(file, 256)).containsExactly(0, 200, 255);
    }

    @Test
    void aStreamOfUnknownLengthReadsAsAFileDoes() {
        byte[] bytes = gzip(images(3, 2, 2, PIXELS));
        IdxImages read = IdxReader.readImages(new ByteArrayInputStream(bytes), "bundled/images.gz", -1,
                n -> { }, () -> false);
        assertThat(read.pixels()).containsExactly(PIXELS);
    }

    // ---- not the file it should be ----

    @Test
    void aLabelFileWhereImagesBelongIsRefusedByItsMagicNumber() throws IOException {
        Path file = write("train-images-idx3-ubyte.gz", gzip(labels((byte) 1, (byte) 2)));
        assertThat(imageError(file)).hasMessage(file + ": not an IDX image file (magic number 0x00000801, expected "
                + "0x00000803): it holds labels, not images; are the two files swapped?");
    }

    @Test
    void anImageFileWhereLabelsBelong() throws IOException {
        Path file = write("labels", images(3, 2, 2, PIXELS));
        assertThat(error(file, () -> IdxReader.readLabels(file, 10))).hasMessageContaining("not an IDX label file "
                + "(magic number 0x00000803, expected 0x00000801): it holds images, not labels");
    }

    @Test
    void anotherFileNamedGzIsNeitherIdxNorGzip() throws IOException {
        Path file = write("train-images-idx3-ubyte.gz", concat(new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                new byte[100]));
        assertThat(imageError(file)).hasMessage(file + ": not an IDX image file (magic number 0x89504E47, expected "
                + "0x00000803), and it is not gzip-compressed although its name ends in .gz");
    }

    @Test
    void otherDataTypesThanUnsignedBytesAreNotSupported() throws IOException {
        Path file = write("floats", concat(header(0x00000D03, 1, 2, 2), new byte[16]));
        assertThat(imageError(file)).hasMessageContaining("IDX data type 0x0D (32-bit float) is not supported: "
                + "only unsigned bytes (0x08)");
    }

    @Test
    void twoDimensionsAreNeitherImagesNorLabels() throws IOException {
        Path file = write("matrix", concat(header(0x00000802, 2, 2), new byte[4]));
        assertThat(imageError(file)).hasMessage(file + ": not an IDX image file (magic number 0x00000802, "
                + "expected 0x00000803)");
    }

    // ---- not as long as its header says ----

    @Test
    void aShortFileSaysHowManyBytesItExpectedAndFound() throws IOException {
        Path file = write("short", images(3, 2, 2, Arrays.copyOf(PIXELS, 10)));
        assertThat(imageError(file)).hasMessage(file + ": the data ends after 26 of the 28 bytes its header "
                + "declares (3 images of 2×2 pixels): the file is truncated; download or copy it again");
    }

    @Test
    void trailingBytesAreRefused() throws IOException {
        Path file = write("long", concat(images(3, 2, 2, PIXELS), new byte[] {1, 2, 3}));
        assertThat(imageError(file)).hasMessageContaining("the file holds 3 bytes more than the 28 its header "
                + "declares (3 images of 2×2 pixels)");
        Path labels = write("long-labels", concat(labels((byte) 1), new byte[] {0}));
        assertThat(error(labels, () -> IdxReader.readLabels(labels, 10)))
                .hasMessageContaining("1 byte more than the 9 its header declares (1 label)");
    }

    @Test
    void anEmptyFileAndACutHeader() throws IOException {
        Path empty = write("empty", new byte[0]);
        assertThat(imageError(empty)).hasMessageContaining("the file is empty");
        Path cut = write("cut", Arrays.copyOf(header(IdxReader.IMAGES_MAGIC, 3, 2, 2), 10));
        assertThat(imageError(cut)).hasMessageContaining("the file ends after 10 bytes, inside its IDX header of "
                + "16 bytes");
    }

    // ---- sizes a file may not declare ----

    @Test
    void sidesOutsideOneTo1024AreRefused() throws IOException {
        Path noRows = write("no-rows", header(IdxReader.IMAGES_MAGIC, 1, 0, 28));
        assertThat(imageError(noRows)).hasMessageContaining("images of 0 rows, but an image may have 1 to 1024");
        Path wide = write("wide", header(IdxReader.IMAGES_MAGIC, 1, 28, 1025));
        assertThat(imageError(wide)).hasMessageContaining("images of 1,025 columns");
        // Sizes are unsigned: 0xFFFFFFFF is four billion rows, not −1.
        Path huge = write("huge", header(IdxReader.IMAGES_MAGIC, 1, -1, 28));
        assertThat(imageError(huge)).hasMessageContaining("images of 4,294,967,295 rows");
    }

    @Test
    void noImagesAndTooManyImagesAreRefused() throws IOException {
        assertThat(imageError(write("none", header(IdxReader.IMAGES_MAGIC, 0, 28, 28))))
                .hasMessageContaining("the header declares no images");
        assertThat(imageError(write("many", header(IdxReader.IMAGES_MAGIC, IdxReader.MAX_COUNT + 1, 1, 1))))
                .hasMessageContaining("10,000,001 images, more than the 10,000,000");
        Path labels = write("many-labels", header(IdxReader.LABELS_MAGIC, -1));
        assertThat(error(labels, () -> IdxReader.readLabels(labels, 10))).hasMessageContaining("4,294,967,295 labels");
    }

    @Test
    void aHeaderAskingForGigabytesIsRefusedWithoutAllocatingThem() throws IOException {
        Path file = write("hostile", header(IdxReader.IMAGES_MAGIC, 5_000_000, 1024, 1024));
        long before = allocated();
        assertThat(imageError(file)).hasMessageContaining("5,000,000 images of 1024×1024 pixels, 5,242,880,000,000"
                + " bytes in all, more than the 268,435,456 (256 MiB)");
        assertThat(allocated() - before).isLessThan(1 << 20);
    }

    @Test
    void aHeaderWithinTheLimitsAllocatesOnlyWhatTheFileHolds() throws IOException {
        // 256 images of 1024×1024 is exactly the limit, but the file holds 16 bytes of them.
        byte[] bytes = concat(header(IdxReader.IMAGES_MAGIC, 256, 1024, 1024), new byte[16]);
        Path plain = write("plain", bytes);
        Path compressed = write("compressed.gz", gzip(bytes));
        for (ThrowingSupplier<?> read : List.<ThrowingSupplier<?>>of(
                () -> IdxReader.readImages(plain),
                () -> IdxReader.readImages(compressed),
                () -> IdxReader.readImages(new ByteArrayInputStream(bytes), "stream", -1, n -> { }, () -> false))) {
            long before = allocated();
            DataFileException e = catchThrowableOfType(DataFileException.class, read::get);
            assertThat(e).hasMessageContaining("the data ends after 32 of the 268,435,472 bytes");
            assertThat(allocated() - before).as("bytes allocated").isLessThan(8 << 20);
        }
    }

    // ---- labels ----

    @Test
    void aLabelThatIsNotAClassIsRefused() throws IOException {
        Path file = write("labels", labels((byte) 0, (byte) 9, (byte) 10));
        assertThat(error(file, () -> IdxReader.readLabels(file, 10))).hasMessage(file + ": item 2 (counting from 0)"
                + " has label 10, but there are 10 classes (labels 0 to 9): the file belongs to another collection, "
                + "or is damaged");
        assertThat(IdxReader.readLabels(file, 11)).containsExactly(0, 9, 10);
    }

    // ---- damaged compression ----

    private static byte[] randomImages(int count, long seed) {
        byte[] pixels = new byte[count * 28 * 28];
        new Random(seed).nextBytes(pixels);
        return images(count, 28, 28, pixels);
    }

    @Test
    void aTruncatedGzipFileSaysSo() throws IOException {
        byte[] whole = gzip(randomImages(100, 1));
        Path file = write("train-images-idx3-ubyte.gz", Arrays.copyOf(whole, whole.length / 2));
        assertThat(imageError(file)).hasMessageMatching(".*: the gzip data ends early, after [0-9,]+ bytes of IDX "
                + "data: the file is truncated; download or copy it again");
        Path cutInTrailer = write("trailer.gz", Arrays.copyOf(whole, whole.length - 3));
        assertThat(imageError(cutInTrailer)).hasMessageContaining("the gzip data ends early, after 78,416 bytes");
    }

    @Test
    void aDamagedGzipFileSaysSo() throws IOException {
        byte[] bytes = gzip(randomImages(10, 2));
        // The trailer's CRC-32 no longer matches the data.
        bytes[bytes.length - 8] ^= 0x55;
        Path file = write("damaged.gz", bytes);
        assertThat(imageError(file)).hasMessageContaining("the gzip data is damaged (Corrupt GZIP trailer): "
                + "download or copy the file again");
    }

    // ---- the file system ----

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nowhere.gz");
        assertThatThrownBy(() -> IdxReader.readImages(file)).isInstanceOf(PlaygroundException.class)
                .hasMessage("Data file " + file + " does not exist: check the path");
    }

    // ---- progress and cancellation ----

    @Test
    void progressCountsTheFilesBytesUpToItsSize() throws IOException {
        Path file = write("big", randomImages(8000, 3));
        List<Long> seen = new ArrayList<>();
        IdxReader.readImages(file, seen::add, () -> false);
        assertThat(seen).isSorted();
        assertThat(seen).hasSizeGreaterThan(3);
        assertThat(seen).last().isEqualTo(Files.size(file));
    }

    @Test
    void progressOfACompressedFileCountsItsCompressedBytes() throws IOException {
        Path file = write("big.gz", gzip(randomImages(8000, 4)));
        List<Long> seen = new ArrayList<>();
        IdxImages read = IdxReader.readImages(file, seen::add, () -> false);
        assertThat(read.count()).isEqualTo(8000);
        assertThat(seen).last().isEqualTo(Files.size(file));
    }

    @Test
    void cancellingStopsTheRead() throws IOException {
        Path file = write("big", randomImages(8000, 5));
        List<Long> seen = new ArrayList<>();
        assertThatThrownBy(() -> IdxReader.readImages(file, seen::add, () -> !seen.isEmpty()))
                .isInstanceOf(ReadCancelledException.class)
                .hasMessage("Reading " + file + " was cancelled: nothing was read");
        assertThat(seen).hasSize(1);
        assertThatThrownBy(() -> IdxReader.readLabels(file, 10, n -> { }, () -> true))
                .isInstanceOf(ReadCancelledException.class);
    }
}
