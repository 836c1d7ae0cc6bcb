package io.neuralplayground.data.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.testing.Performance;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How long the whole Fashion-MNIST takes to read: its 26 MB of gzip inflate to 47 MB of training images. */
@Performance
class FullFashionMnistPerformanceTest {
    @Test
    void theTrainingImagesAreReadWithinTwoSeconds() {
        OfficialFiles.require();
        Path file = ImageFolder.of(ImageSources.DEBIAN_FASHION_MNIST).path(ImageFile.TRAIN_IMAGES);
        IdxReader.readImages(file);
        long start = System.nanoTime();
        IdxImages images = IdxReader.readImages(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("60,000 training images read in %.3f s%n", seconds);
        assertThat(images.count()).isEqualTo(60_000);
        assertThat(seconds).isLessThan(2);
    }
}
