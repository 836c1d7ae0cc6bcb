package io.neuralplayground.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.data.Feature;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Rng;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.Snapshot;
import io.neuralplayground.session.Speed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The standing measure "edits while training": random edits (weights, layers, neurons, activations, learning rate,
 * data, features, batch, validation, early stopping, optimizer, play/pause/step) fired at the view model while the
 * session trains flat out, each followed by a frame. Every snapshot the window takes must show one build whole (the
 * network the shape its settings say), no edit may throw, the session must never stop on an error, and at the end
 * the state is what the edits said. {@code mvn -Preliability test -Dtest=EditsWhileTrainingTest}; {@code -Dedits=N} (default 1,000) and
 * {@code -Dedits.seed=S} choose the run. Prints what it did.
 */
@Tag("reliability")
class EditsWhileTrainingTest {
    private static final List<PlaygroundDataset> DATASETS = List.of(PlaygroundDataset.CIRCLE, PlaygroundDataset.XOR,
            PlaygroundDataset.SPIRAL, PlaygroundDataset.BLOBS, PlaygroundDataset.PLANE);
    private static final List<Double> RATES = List.of(0.001, 0.01, 0.03, 0.1, 0.3, 1.0);

    @Test
    void randomEditsWhileTrainingFlatOutLeaveEverySnapshotWholeAndTheStateAsTheEditsSay() throws Exception {
        int edits = Integer.getInteger("edits", 1000);
        Rng rng = Rng.stream(Long.getLong("edits.seed", 1), "edits");
        Map<String, Integer> counts = new TreeMap<>();
        long start = System.nanoTime();
        int frames = 0;
        long epochs = 0;
        PlaygroundViewModel vm = new PlaygroundViewModel(PlaygroundSettings.defaults(), Runnable::run);
        try {
            vm.speedProperty().set(Speed.FLAT_OUT);
            vm.play();
            Snapshot previous = null;
            for (int i = 0; i < edits; i++) {
                String kind = edit(vm, rng);
                counts.merge(kind, 1, Integer::sum);
                if (rng.nextInt(4) == 0) {
                    Thread.sleep(1 + rng.nextInt(3)); // let some epochs in between
                }
                vm.onFrame();
                frames++;
                Snapshot s = vm.snapshotProperty().get();
                checkWhole(s, "after edit " + i + " (" + kind + ")");
                assertThat(s.message() == null || !s.message().startsWith("Training stopped"))
                        .as("the session stopped on an error after edit %d (%s): %s", i, kind, s.message()).isTrue();
                if (previous != null && previous.build() == s.build()) {
                    epochs += Math.max(0, s.epoch() - previous.epoch());
                }
                previous = s;
            }
            vm.pause();
            vm.session().sync();
            vm.onFrame();
            Snapshot end = vm.snapshotProperty().get();
            checkWhole(end, "at the end");
            assertThat(end.settings()).as("the settings the edits made").isEqualTo(vm.settings());
            // A weight typed in while paused is the weight shown.
            vm.setWeight(0, 0, 0, 0.4321);
            vm.session().sync();
            vm.onFrame();
            assertThat(vm.snapshotProperty().get().network().layer(0).weight(0, 0)).isEqualTo(0.4321);
        } finally {
            vm.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "edits while training: %d edits, %d frames checked, %d epochs trained "
                + "between them, %.1f s; no exception, no mixed snapshot%n  %s%n", edits, frames, epochs, seconds,
                counts);
    }

    /** One random edit, as a user's click or key would make it; its kind, for the tally. */
    private static String edit(PlaygroundViewModel vm, Rng rng) {
        PlaygroundSettings s = vm.settings();
        int hidden = s.hiddenLayers().size();
        switch (rng.nextInt(16)) {
            case 0, 1, 2 -> {
                Network n = vm.snapshotProperty().get().network();
                int l = rng.nextInt(n.depth());
                DenseLayer layer = n.layer(l);
                vm.setWeight(l, rng.nextInt(layer.inputs()), rng.nextInt(layer.units()), rng.uniform(-2, 2));
                return "weight";
            }
            case 3 -> {
                vm.addLayer();
                return "add layer";
            }
            case 4 -> {
                vm.removeLayer();
                return "remove layer";
            }
            case 5 -> {
                if (hidden > 0) {
                    vm.addNeuron(rng.nextInt(hidden));
                }
                return "add neuron";
            }
            case 6 -> {
                if (hidden > 0) {
                    vm.removeNeuron(rng.nextInt(hidden));
                }
                return "remove neuron";
            }
            case 7 -> {
                vm.setLayerActivation(rng.nextInt(hidden + 1),
                        PlaygroundViewModel.ACTIVATIONS.get(rng.nextInt(PlaygroundViewModel.ACTIVATIONS.size())));
                return "activation";
            }
            case 8 -> {
                vm.learningRateProperty().set(RATES.get(rng.nextInt(RATES.size())));
                return "learning rate";
            }
            case 9 -> {
                vm.datasetProperty().set(DATASETS.get(rng.nextInt(DATASETS.size())));
                return "dataset";
            }
            case 10 -> {
                vm.toggleFeature(Feature.values()[rng.nextInt(Feature.values().length)]);
                return "feature";
            }
            case 11 -> {
                vm.batchSizeProperty().set(1 + rng.nextInt(30));
                return "batch size";
            }
            case 12 -> {
                vm.validationPercentProperty().set(10 * rng.nextInt(4));
                return "validation share";
            }
            case 13 -> {
                vm.earlyStoppingProperty().set(!vm.earlyStoppingProperty().get());
                return "early stopping";
            }
            case 14 -> {
                vm.optimizerProperty().set(PlaygroundViewModel.OPTIMIZERS.get(rng.nextInt(
                        PlaygroundViewModel.OPTIMIZERS.size())));
                return "optimizer";
            }
            default -> {
                switch (rng.nextInt(3)) {
                    case 0 -> vm.play();
                    case 1 -> vm.pause();
                    default -> vm.step();
                }
                return "play/pause/step";
            }
        }
    }

    /** The snapshot shows one build whole: its network has the shape its settings say. */
    private static void checkWhole(Snapshot s, String when) {
        List<Integer> widths = new ArrayList<>();
        for (int l = 0; l < s.network().depth() - 1; l++) {
            widths.add(s.network().layer(l).units());
        }
        assertThat(widths).as("hidden layers %s", when).isEqualTo(s.settings().hiddenLayers());
        assertThat(s.network().inputs()).as("inputs %s", when).isEqualTo(s.features().size());
        for (int l = 0; l < s.network().depth() - 1; l++) {
            assertThat(s.network().layer(l).activation()).as("activation of layer %d %s", l + 1, when)
                    .isEqualTo(s.settings().hiddenActivations().get(l));
        }
        assertThat(s.network().outputLayer().activation()).as("output %s", when)
                .isEqualTo(s.settings().outputActivation());
    }
}
