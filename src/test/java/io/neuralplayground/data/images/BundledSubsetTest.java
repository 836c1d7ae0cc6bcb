package io.neuralplayground.data.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Fashion-MNIST subset in the application's jar (the project's datasets/fashion-mnist-subset/). */
class BundledSubsetTest {
    private static ImageSource bundled() {
        Optional<ImageSource> source = ImageSource.bundled(ImageCollection.FASHION_MNIST,
                ImageSources.BUNDLED_FASHION_MNIST);
        assertThat(source).as("the four files on the class path").isPresent();
        return source.get();
    }

    @Test
    void twoThousandTrainingAndFiveHundredTestImagesBalancedOverTheTenClasses() {
        ImageData data = ImageDataReader.read(bundled());
        assertThat(data.collection()).isEqualTo(ImageCollection.FASHION_MNIST);
        assertThat(data.source().kind()).isEqualTo(ImageSource.Kind.BUNDLED);
        assertThat(data.source().isSubset()).isTrue();
        assertThat(data.train().size()).isEqualTo(2000);
        assertThat(data.test().size()).isEqualTo(500);
        assertThat(data.rows()).isEqualTo(28);
        assertThat(data.cols()).isEqualTo(28);
        assertThat(data.train().classCounts()).containsOnly(200).hasSize(10);
        assertThat(data.test().classCounts()).containsOnly(50).hasSize(10);
        assertThat(data.classNames()).containsExactly("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
        assertThat(data.train().classNames()).isEqualTo(data.classNames());
    }

    @Test
    void progressOfTheBundledFilesGrowsToOne() {
        List<Double> seen = new ArrayList<>();
        ImageDataReader.read(bundled(), seen::add, () -> false);
        assertThat(seen).first().isEqualTo(0.0);
        assertThat(seen).last().isEqualTo(1.0);
        assertThat(seen).isSorted().hasSizeGreaterThan(3);
    }

    /** The README's promise: these files are the seeded subset of the official ones, image for image. */
    @Test
    void theBundledFilesAreTheSeededSubsetOfTheOfficialOnes() {
        ImageData expected = MakeFashionMnistSubset.subset(OfficialFiles.read());
        ImageData bundled = ImageDataReader.read(bundled());
        for (boolean training : new boolean[] {true, false}) {
            ImageSet want = training ? expected.train() : expected.test();
            ImageSet got = training ? bundled.train() : bundled.test();
            assertThat(MakeFashionMnistSubset.imageFile(got)).isEqualTo(MakeFashionMnistSubset.imageFile(want));
            assertThat(got.labels()).isEqualTo(want.labels());
        }
    }
}
