package io.neuralplayground.ui.viewmodel.images;

import io.neuralplayground.data.images.ImageSet;
import io.neuralplayground.session.images.ImageSnapshot.TestResults;
import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The test images page by page, with what the network predicts for each: all of them or only its mistakes, of
 * every true class or one; one image can be selected to see its class probabilities. The view draws the
 * {@link #page() page} and redraws when {@link #versionProperty() version} moves.
 */
public final class TestImageBrowser {
    /** All classes, for {@link #classFilterProperty()}. */
    public static final int ALL_CLASSES = -1;

    private final BooleanProperty onlyMistakes = new SimpleBooleanProperty(this, "onlyMistakes");
    private final IntegerProperty classFilter = new SimpleIntegerProperty(this, "classFilter", ALL_CLASSES);
    /** The predicted class the images must have (a confusion matrix cell), or {@link #ALL_CLASSES}. */
    private final IntegerProperty predictedFilter = new SimpleIntegerProperty(this, "predictedFilter", ALL_CLASSES);
    private final IntegerProperty page = new SimpleIntegerProperty(this, "page");
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", 48);
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(this, "pageCount", 1);
    private final ReadOnlyIntegerWrapper matchingCount = new ReadOnlyIntegerWrapper(this, "matchingCount");
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper(this, "version");
    private ImageSet images;
    private TestResults results;
    private int[] matching = new int[0];

    public TestImageBrowser() {
        onlyMistakes.addListener(o -> refilter());
        classFilter.addListener(o -> refilter());
        predictedFilter.addListener(o -> refilter());
        pageSize.addListener(o -> repage());
        page.addListener(o -> version.set(version.get() + 1));
    }

    /** New test images (another dataset), with their results or none yet; the selection goes. */
    public void setImages(ImageSet test, TestResults newResults) {
        images = test;
        results = newResults;
        selected.set(-1);
        page.set(0);
        refilter();
    }

    /** New predictions of the same images (after an epoch); the page and the selection stay. */
    public void setResults(TestResults newResults) {
        results = newResults;
        refilter();
    }

    public ImageSet images() {
        return images;
    }

    public TestResults results() {
        return results;
    }

    /** The test image indices on the page shown, in order. */
    public int[] page() {
        int from = Math.min(matching.length, page.get() * pageSize.get());
        int to = Math.min(matching.length, from + pageSize.get());
        return Arrays.copyOfRange(matching, from, to);
    }

    /** Whether the network's prediction for test image {@code image} is wrong (false without predictions). */
    public boolean isMistake(int image) {
        return results != null && results.predicted()[image] != images.label(image);
    }

    /** The network's predicted class for test image {@code image}, or −1 without predictions. */
    public int predicted(int image) {
        return results == null ? -1 : results.predicted()[image];
    }

    /** The ten (k) class probabilities of the selected image, or null when none is selected or measured. */
    public float[] selectedProbabilities() {
        int image = selected.get();
        if (image < 0 || results == null) {
            return null;
        }
        int k = images.classCount();
        float[] p = new float[k];
        for (int c = 0; c < k; c++) {
            p[c] = results.probability(image, c);
        }
        return p;
    }

    public void select(int image) {
        selected.set(image);
        version.set(version.get() + 1);
    }

    public void nextPage() {
        page.set(Math.min(pageCount.get() - 1, page.get() + 1));
    }

    public void previousPage() {
        page.set(Math.max(0, page.get() - 1));
    }

    private void refilter() {
        if (images == null) {
            matching = new int[0];
        } else {
            int wanted = classFilter.get();
            int predictedAs = predictedFilter.get();
            boolean mistakes = onlyMistakes.get();
            int[] found = new int[images.size()];
            int n = 0;
            for (int i = 0; i < images.size(); i++) {
                if ((wanted == ALL_CLASSES || images.label(i) == wanted) && (!mistakes || isMistake(i))
                        && (predictedAs == ALL_CLASSES || predicted(i) == predictedAs)) {
                    found[n++] = i;
                }
            }
            matching = Arrays.copyOf(found, n);
        }
        matchingCount.set(matching.length);
        repage();
    }

    private void repage() {
        int size = Math.max(1, pageSize.get());
        pageCount.set(Math.max(1, (matching.length + size - 1) / size));
        if (page.get() >= pageCount.get()) {
            page.set(pageCount.get() - 1);
        }
        version.set(version.get() + 1);
    }

    /** The predicted class shown images must have, or {@link #ALL_CLASSES}: with the class filter, a matrix cell. */
    public IntegerProperty predictedFilterProperty() {
        return predictedFilter;
    }

    public BooleanProperty onlyMistakesProperty() {
        return onlyMistakes;
    }

    /** The true class shown, or {@link #ALL_CLASSES}. */
    public IntegerProperty classFilterProperty() {
        return classFilter;
    }

    /** The page shown, from 0. */
    public IntegerProperty pageProperty() {
        return page;
    }

    /** Images per page: the view sets it to what fits. */
    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    /** Test images that pass the filters. */
    public ReadOnlyIntegerProperty matchingCountProperty() {
        return matchingCount.getReadOnlyProperty();
    }

    /** The selected test image, or −1. */
    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Moves whenever what the page shows changes. */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }
}
