package io.neuralplayground.data.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.DataFileException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImageSetTest {
    private static final List<String> ABC = List.of("a", "b", "c");

    /** Three images of 2×2: 0 51 / 102 255, then 1 2 / 3 4, then 5 6 / 7 8; labels 2, 0, 1. */
    private static ImageSet three() {
        byte[] pixels = {0, 51, 102, (byte) 255, 1, 2, 3, 4, 5, 6, 7, 8};
        return ImageSet.copyOf(2, 2, pixels, new int[] {2, 0, 1}, ABC);
    }

    /** {@code n} images of 1×1 whose pixel is their index, labels cycling through the classes. */
    private static ImageSet numbered(int n, int classes) {
        byte[] pixels = new byte[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            pixels[i] = (byte) i;
            labels[i] = i % classes;
        }
        return ImageSet.copyOf(1, 1, pixels, labels,
                IntStream.range(0, classes).mapToObj(Integer::toString).toList());
    }

    @Test
    void sizesLabelsAndPixels() {
        ImageSet s = three();
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.rows()).isEqualTo(2);
        assertThat(s.cols()).isEqualTo(2);
        assertThat(s.pixelsPerImage()).isEqualTo(4);
        assertThat(s.classNames()).isEqualTo(ABC);
        assertThat(s.classCount()).isEqualTo(3);
        assertThat(s.labels()).containsExactly(2, 0, 1);
        assertThat(s.label(0)).isEqualTo(2);
        assertThat(s.classCounts()).containsExactly(1, 1, 1);
        assertThat(s.pixel(0, 1, 1)).isEqualTo(255);
        assertThat(s.pixel(0, 0, 1)).isEqualTo(51);
        byte[] into = new byte[6];
        s.copyPixels(1, into, 2);
        assertThat(into).containsExactly(0, 0, 1, 2, 3, 4);
    }

    @Test
    void scaledPixelsAreTheBytesOver255() {
        float[] into = new float[6];
        Arrays.fill(into, -1f);
        three().copyScaled(0, into, 1);
        assertThat(into).containsExactly(-1f, 0f, 51 / 255f, 102 / 255f, 1f, -1f);
        assertThat(into[2]).isEqualTo(0.2f);
    }

    @Test
    void aBatchIsOneImagePerRowInTheOrderGiven() {
        float[] into = new float[8];
        three().copyScaled(new int[] {0, 2, 1}, 1, 2, into, 0);
        assertThat(into).containsExactly(5 / 255f, 6 / 255f, 7 / 255f, 8 / 255f, 1 / 255f, 2 / 255f, 3 / 255f,
                4 / 255f);
        assertThatThrownBy(() -> three().copyScaled(new int[] {0, 1}, 0, 2, new float[7], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void oneHotTargetsOfABatch() {
        float[] into = new float[7];
        Arrays.fill(into, 9f);
        three().copyOneHot(new int[] {0, 1}, 0, 2, into, 1);
        assertThat(into).containsExactly(9f, 0f, 0f, 1f, 1f, 0f, 0f);
    }

    @Test
    void copiesAreCopies() {
        byte[] pixels = {1, 2, 3, 4};
        int[] labels = {0};
        ImageSet s = ImageSet.copyOf(2, 2, pixels, labels, ABC);
        pixels[0] = 99;
        labels[0] = 2;
        assertThat(s.pixel(0, 0, 0)).isEqualTo(1);
        assertThat(s.label(0)).isZero();
        s.labels()[0] = 1;
        assertThat(s.label(0)).isZero();
    }

    @Test
    void sizesThatDoNotFitAndLabelsThatAreNotClassesAreRefused() {
        assertThatThrownBy(() -> ImageSet.copyOf(2, 2, new byte[5], new int[] {0}, ABC))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageSet.copyOf(1, 1, new byte[1], new int[] {3}, ABC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label 3 of image 0");
    }

    @Test
    void labelsAndImagesMustBeAsMany() {
        IdxImages images = new IdxImages(2, 1, 1, new byte[2]);
        assertThatThrownBy(() -> ImageSet.of(images, new byte[3], ABC, "train-images", "train-labels"))
                .isInstanceOf(DataFileException.class)
                .hasMessage("train-labels: it holds 3 labels, but train-images holds 2 images: the two files do not "
                        + "belong together");
    }

    @Test
    void aSubsetIsBalancedInTheOriginalOrderAndTheSameForTheSameSeed() {
        ImageSet all = numbered(100, 4);
        ImageSet sub = all.subset(5, 42);
        assertThat(sub.size()).isEqualTo(20);
        assertThat(sub.classCounts()).containsExactly(5, 5, 5, 5);
        int[] original = IntStream.range(0, sub.size()).map(i -> sub.pixel(i, 0, 0)).toArray();
        assertThat(original).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < sub.size(); i++) {
            assertThat(sub.label(i)).isEqualTo(original[i] % 4);
        }
        ImageSet again = all.subset(5, 42);
        assertThat(IntStream.range(0, again.size()).map(i -> again.pixel(i, 0, 0)).toArray()).isEqualTo(original);
        ImageSet other = all.subset(5, 43);
        assertThat(IntStream.range(0, other.size()).map(i -> other.pixel(i, 0, 0)).toArray()).isNotEqualTo(original);
    }

    @Test
    void aSubsetNeedsEnoughImagesOfEveryClass() {
        assertThatThrownBy(() -> numbered(10, 4).subset(3, 1)).isInstanceOf(PlaygroundException.class)
                .hasMessage("Class '2' has 2 images, fewer than the 3 per class asked for: ask for at most 2");
        assertThat(numbered(10, 4).subset(2, 1).size()).isEqualTo(8);
    }

    @Test
    void selectKeepsTheOrderGiven() {
        ImageSet s = three().select(new int[] {2, 2, 0});
        assertThat(s.labels()).containsExactly(1, 1, 2);
        assertThat(s.pixel(2, 1, 1)).isEqualTo(255);
    }
}
