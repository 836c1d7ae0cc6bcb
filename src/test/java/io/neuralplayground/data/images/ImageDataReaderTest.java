package io.neuralplayground.data.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.data.DataFileException;
import io.neuralplayground.data.ReadCancelledException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDataReaderTest {
    @TempDir
    Path dir;

    private ImageSource folder(Path folder) {
        return ImageSource.folder(ImageSource.Kind.USER_FOLDER, ImageCollection.FASHION_MNIST, folder);
    }

    @Test
    void theFourFilesOfAFolderMakeTheTrainingAndTestSets() throws IOException {
        Path folder = IdxBytes.collection(dir.resolve("tiny"), true);
        ImageData data = ImageDataReader.read(folder(folder));
        assertThat(data.train().size()).isEqualTo(20);
        assertThat(data.test().size()).isEqualTo(10);
        assertThat(data.rows()).isEqualTo(2);
        assertThat(data.train().classCounts()).containsOnly(2);
        assertThat(data.train().pixel(7, 0, 0)).isEqualTo(7);
        assertThat(data.test().label(3)).isEqualTo(3);
        assertThat(data.source().folder()).contains(folder);
        assertThat(data.classNames()).hasSize(10).startsWith("T-shirt/top");
    }

    @Test
    void progressGrowsFromZeroToOne() throws IOException {
        Path folder = IdxBytes.collection(dir.resolve("tiny"), false);
        List<Double> seen = new ArrayList<>();
        ImageDataReader.read(folder(folder), seen::add, () -> false);
        assertThat(seen).first().isEqualTo(0.0);
        assertThat(seen).last().isEqualTo(1.0);
        assertThat(seen).isSorted().doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void cancellingStopsTheRead() throws IOException {
        Path folder = IdxBytes.collection(dir.resolve("tiny"), true);
        assertThatThrownBy(() -> ImageDataReader.read(folder(folder), f -> { }, () -> true))
                .isInstanceOf(ReadCancelledException.class);
    }

    @Test
    void labelsThatAreNotAsManyAsTheImagesAreRefused() throws IOException {
        Path folder = IdxBytes.collection(dir.resolve("tiny"), true);
        Path labels = folder.resolve(ImageFile.TEST_LABELS.gzipName());
        Files.write(labels, IdxBytes.gzip(IdxBytes.labels(new byte[9])));
        assertThatThrownBy(() -> ImageDataReader.read(folder(folder))).isInstanceOf(DataFileException.class)
                .hasMessage(labels + ": it holds 9 labels, but " + folder.resolve(ImageFile.TEST_IMAGES.gzipName())
                        + " holds 10 images: the two files do not belong together");
    }

    @Test
    void testImagesOfAnotherSizeAreRefused() throws IOException {
        Path folder = IdxBytes.collection(dir.resolve("tiny"), true);
        Path images = folder.resolve(ImageFile.TEST_IMAGES.gzipName());
        Files.write(images, IdxBytes.gzip(IdxBytes.images(10, 3, 3, new byte[90])));
        assertThatThrownBy(() -> ImageDataReader.read(folder(folder))).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(images + ": its images are 3×3 pixels, but those of ")
                .hasMessageEndingWith(" are 2×2: the two sets do not belong together");
    }

    @Test
    void aLabelBeyondTheCollectionsClassesNamesItsFile() throws IOException {
        Path folder = IdxBytes.collection(dir.resolve("tiny"), true);
        Path labels = folder.resolve(ImageFile.TRAIN_LABELS.gzipName());
        byte[] values = new byte[20];
        values[5] = 10;
        Files.write(labels, IdxBytes.gzip(IdxBytes.labels(values)));
        assertThatThrownBy(() -> ImageDataReader.read(folder(folder)))
                .hasMessageStartingWith(labels + ": item 5 (counting from 0) has label 10, but there are 10 classes");
    }
}
