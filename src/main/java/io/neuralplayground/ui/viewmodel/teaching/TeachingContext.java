package io.neuralplayground.ui.viewmodel.teaching;

import io.neuralplayground.data.Dataset;
import io.neuralplayground.data.SampleEncoder;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Samples;
import io.neuralplayground.io.Model;
import io.neuralplayground.session.Snapshot;
import io.neuralplayground.ui.viewmodel.PlaygroundViewModel;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the teaching views (the backprop stepper, the gradient check) share: the network they work on and the
 * example or minibatch. The network is either a frozen copy of the playground's, taken when asked (so that it does
 * not change under a student's eyes while the playground trains), or a model opened from a file. A copy of the
 * playground's is {@link #behindProperty() behind} once the playground has moved on (trained, edited, rebuilt): the
 * window then takes a fresh one when a teaching tab opens, and says so while one is open.
 *
 * <p>Like every view model here it holds JavaFX properties and needs no FX thread.
 */
public final class TeachingContext {
    private final PlaygroundViewModel playground;
    private final ReadOnlyObjectWrapper<TeachingNetwork> network = new ReadOnlyObjectWrapper<>(this, "network");
    private final ObjectProperty<Examples> examples = new SimpleObjectProperty<>(this, "examples");
    private final ReadOnlyBooleanWrapper behind = new ReadOnlyBooleanWrapper(this, "behind");
    /** The build of the playground network the copy was taken from. */
    private long playgroundBuild = -1;

    public TeachingContext(PlaygroundViewModel playground) {
        this.playground = Objects.requireNonNull(playground);
        playground.snapshotProperty().addListener((o, was, now) -> updateBehind());
        network.addListener((o, was, now) -> updateBehind());
        followPlayground();
    }

    /**
     * Whether the network worked on is a copy of the playground's that the playground has moved on from: trained
     * further, edited, given other settings or rebuilt.
     */
    public ReadOnlyBooleanProperty behindProperty() {
        return behind.getReadOnlyProperty();
    }

    /** Takes a fresh copy of the playground's network if the one worked on is {@link #behindProperty() behind}. */
    public void catchUp() {
        if (behind.get()) {
            followPlayground();
        }
    }

    /**
     * A copy is behind when the playground shows something else than it: another build, other weights (an
     * update applied from the stepper makes both the same again), another loss or learning rate.
     */
    private void updateBehind() {
        TeachingNetwork n = network.get();
        Snapshot s = playground.snapshotProperty().get();
        behind.set(n != null && n.playground() && (s.build() != playgroundBuild
                || !s.network().sameParameters(n.network()) || s.config().loss() != n.loss()
                || s.config().learningRate() != n.learningRate()));
    }

    /** The network the views work on. */
    public ReadOnlyObjectProperty<TeachingNetwork> networkProperty() {
        return network.getReadOnlyProperty();
    }

    public TeachingNetwork network() {
        return network.get();
    }

    /** The example or minibatch the views work on. */
    public ObjectProperty<Examples> examplesProperty() {
        return examples;
    }

    public Examples examples() {
        return examples.get();
    }

    /**
     * Takes a fresh copy of the playground's network (its loss and learning rate too). When the examples no
     * longer fit (another number of inputs or outputs), the first training example is taken instead.
     */
    public void followPlayground() {
        Snapshot s = playground.snapshotProperty().get();
        playgroundBuild = s.build();
        network.set(new TeachingNetwork(s.network(), s.features().names(), s.config().loss(),
                s.config().learningRate(), "the playground", true));
        if (!fits(examples.get())) {
            Samples train = s.split().train().isEmpty() ? null : trainingSamples(s);
            if (train != null && train.count() > 0) {
                examples.set(Examples.one(train.inputRow(0), train.targetRow(0)));
            }
        }
    }

    /**
     * Works on a model opened from a file instead of the playground's network, with {@code loss} and
     * {@code learningRate}; the examples are set to zeros of the right size unless they fit.
     */
    public void openModel(Model model, String name, Loss loss, double learningRate) {
        network.set(new TeachingNetwork(model.network(), model.inputs(), loss, learningRate, name, false));
        if (!fits(examples.get())) {
            Network n = model.network();
            examples.set(Examples.one(new double[n.inputs()], new double[loss.targetColumns(n.outputs())]));
        }
    }

    /** The same network with another loss or learning rate (the stepper's own choices for an opened model). */
    public void setLossAndRate(Loss loss, double learningRate) {
        TeachingNetwork n = network.get();
        network.set(new TeachingNetwork(n.network(), n.inputs(), loss, learningRate, n.source(), n.playground()));
    }

    /**
     * The example at plane point (x1, x2) of the playground's data with {@code label} (a class index or a value):
     * its features as the playground's network sees them and its target as the playground's trainer encodes it.
     */
    public void useExampleAt(double x1, double x2, double label) {
        Snapshot s = playground.snapshotProperty().get();
        double[] input = s.features().valuesAt(x1, x2);
        double[] target = s.config().encoding().encode(label, s.network().outputs());
        if (!network.get().playground() || playgroundBuild != s.build()) {
            followPlayground();
        }
        examples.set(Examples.one(input, target));
    }

    /** The first {@code count} training examples of the playground (a minibatch for the minibatch view). */
    public void usePlaygroundMinibatch(int count) {
        Snapshot s = playground.snapshotProperty().get();
        if (!network.get().playground() || playgroundBuild != s.build()) {
            followPlayground();
        }
        Samples train = trainingSamples(s);
        int m = Math.max(1, Math.min(count, train.count()));
        double[][] x = new double[m][];
        double[][] t = new double[m][];
        for (int r = 0; r < m; r++) {
            x[r] = train.inputRow(r);
            t[r] = train.targetRow(r);
        }
        examples.set(new Examples(x, t));
    }

    /**
     * Makes {@code updated} (the network after an update step) the network worked on; for the playground's
     * network also the main window's, if the playground has not been rebuilt since the copy was taken.
     */
    public void applyParameters(Network updated) {
        TeachingNetwork n = network.get();
        if (n.playground()) {
            Snapshot s = playground.snapshotProperty().get();
            if (s.build() == playgroundBuild) {
                playground.replaceParameters(updated);
            }
        }
        network.set(new TeachingNetwork(updated, n.inputs(), n.loss(), n.learningRate(), n.source(), n.playground()));
    }

    /** Whether {@code e} are examples for the network worked on: its inputs, and targets for its loss. */
    boolean fits(Examples e) {
        TeachingNetwork n = network.get();
        if (e == null || n == null) {
            return false;
        }
        int columns = n.loss().targetColumns(n.network().outputs());
        return e.inputs()[0].length == n.network().inputs() && e.targets()[0].length == columns;
    }

    private static Samples trainingSamples(Snapshot s) {
        Dataset train = s.split().train();
        return SampleEncoder.encode(train, s.features(), s.config().encoding(),
                s.network().outputs());
    }
}
