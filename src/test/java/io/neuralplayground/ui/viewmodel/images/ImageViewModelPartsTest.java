package io.neuralplayground.ui.viewmodel.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.images.ImageSet;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.f32.FloatLayer;
import io.neuralplayground.engine.f32.FloatNetwork;
import io.neuralplayground.session.images.ImageSnapshot;
import io.neuralplayground.ui.viewmodel.ColorScale;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image tab's small view-model parts: progress text, drawing, test image browser, weight pictures. */
class ImageViewModelPartsTest {
    private static ImageSnapshot snapshot(int epoch, int done, boolean playing, double rate, FloatNetwork net,
            ImageSnapshot.TestResults test) {
        return new ImageSnapshot(1, epoch, done, 54_000, 30, playing, rate, rate > 0 ? (54_000 - done) / rate : Double.NaN,
                List.of(), net, null, test, "Java kernel", null, 0, 0);
    }

    private static FloatNetwork network(int units) {
        FloatLayer hidden = new FloatLayer(784, units, Activation.RELU);
        FloatLayer out = new FloatLayer(units, 10, Activation.SOFTMAX);
        return new FloatNetwork(784, List.of(hidden, out));
    }

    @Test
    void progressTextTellsEpochImagesRateAndTimeLeft() {
        ImageSnapshot s = snapshot(2, 21_000, true, 18_512, network(4), null);
        assertThat(ImageProgressText.of(s)).isEqualTo("epoch 3 of 30 · 21,000 / 54,000 images · 18,500 images/s"
                + " · 2 s left");
        assertThat(ImageProgressText.fraction(s)).isCloseTo(21_000 / 54_000.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ImageProgressText.of(snapshot(3, 0, false, 0, network(4), null)))
                .isEqualTo("3 of 30 epochs trained · 54,000 images each");
        assertThat(ImageProgressText.duration(65)).isEqualTo("1 min 05 s");
        assertThat(ImageProgressText.duration(3720)).isEqualTo("1 h 02 min");
    }

    @Test
    void aStrokeLaysSoftInkAlongItsPathAndClearWipesIt() {
        Drawing d = new Drawing(28, 28);
        assertThat(d.isEmpty()).isTrue();
        d.stroke(5, 14, 20, 14);
        assertThat(d.ink(13, 10)).isGreaterThan(0.9f);
        assertThat(d.ink(12, 10)).isBetween(0.2f, 0.95f);
        assertThat(d.ink(3, 3)).isZero();
        for (float v : d.pixels()) {
            assertThat(v).isBetween(0f, 1f);
        }
        long version = d.version();
        d.clear();
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.version()).isGreaterThan(version);
    }

    @Test
    void theBrowserFiltersByMistakesAndTrueClassAndPages() {
        int n = 30;
        byte[] pixels = new byte[n * 4];
        int[] labels = new int[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            predicted[i] = i % 5 == 0 ? (labels[i] + 1) % 3 : labels[i];
        }
        ImageSet set = ImageSet.copyOf(2, 2, pixels, labels, List.of("a", "b", "c"));
        float[] p = new float[n * 3];
        for (int i = 0; i < n; i++) {
            p[i * 3 + predicted[i]] = 1;
        }
        TestImageBrowser b = new TestImageBrowser();
        b.pageSizeProperty().set(8);
        b.setImages(set, new ImageSnapshot.TestResults(1, predicted, p, 0.5, 0.8));
        assertThat(b.pageCountProperty().get()).isEqualTo(4);
        assertThat(b.page()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        b.nextPage();
        assertThat(b.page()).startsWith(8);
        b.onlyMistakesProperty().set(true);
        assertThat(b.matchingCountProperty().get()).isEqualTo(6);
        assertThat(b.pageProperty().get()).isZero();
        assertThat(b.page()).containsExactly(0, 5, 10, 15, 20, 25);
        b.classFilterProperty().set(1);
        assertThat(b.page()).containsExactly(10, 25);
        b.select(10);
        assertThat(b.selectedProbabilities()).containsExactly(0f, 0f, 1f);
        assertThat(b.isMistake(10)).isTrue();
    }

    @Test
    void weightPicturesShowEachUnitsWeightsInThePlaygroundsColours() {
        FloatNetwork net = network(130);
        FloatLayer first = net.layer(0);
        first.setWeight(0, 0, 2f);
        first.setWeight(1, 0, -1f);
        first.setWeight(0, 1, 0.5f);
        WeightPicture w = WeightPictures.of(snapshot(0, 0, false, 0, net, null), 28, 16, false);
        assertThat(w.units()).isEqualTo(WeightPictures.MAX_UNITS);
        assertThat(w.totalUnits()).isEqualTo(130);
        assertThat(w.columns()).isEqualTo(16);
        assertThat(w.rows()).isEqualTo(8);
        assertThat(w.width()).isEqualTo(16 * 29 - 1);
        assertThat(w.argb()[0]).isEqualTo(ColorScale.BLUE);
        assertThat(w.argb()[1]).isEqualTo(ColorScale.argb(-0.5));
        // Unit 1 on its own scale: its largest weight is full blue.
        assertThat(w.argb()[29]).isEqualTo(ColorScale.BLUE);
        assertThat(w.unitAt(30, 3)).isEqualTo(1);
        assertThat(w.unitAt(28, 3)).isEqualTo(-1);
        WeightPicture shared = WeightPictures.of(snapshot(0, 0, false, 0, net, null), 28, 16, true);
        assertThat(shared.argb()[29]).isEqualTo(ColorScale.argb(0.25));
        assertThat(shared.maxAbs()).isEqualTo(2.0);
    }

    @Test
    void theChangeSinceTheStartSubtractsTheInitialWeights() {
        FloatNetwork start = network(2);
        start.layer(0).setWeight(0, 0, 1f);
        start.layer(0).setWeight(1, 0, 1f);
        FloatNetwork now = start.copy();
        now.layer(0).setWeight(0, 0, 1.5f);
        ImageSnapshot s = new ImageSnapshot(1, 1, 0, 54_000, 30, false, 0, Double.NaN, List.of(), now, start, null,
                "Java kernel", null, 0, 0);
        WeightPicture weights = WeightPictures.of(s, 28, 16, false, false);
        WeightPicture change = WeightPictures.of(s, 28, 16, false, true);
        // The weights: 1.5 the largest, so pixel 1 (weight 1) is two thirds blue.
        assertThat(weights.argb()[1]).isEqualTo(ColorScale.argb(1 / 1.5));
        // The change: only pixel 0 moved (by 0.5, the largest change): full blue there, grey at pixel 1.
        assertThat(change.argb()[0]).isEqualTo(ColorScale.BLUE);
        assertThat(change.argb()[1]).isEqualTo(ColorScale.argb(0));
        assertThat(change.maxAbs()).isEqualTo(0.5);
    }
}
