package io.neuralplayground.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.json.ModelFile;
import io.neuralplayground.session.PlaygroundSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network far beyond what the window draws is refused with what it has and what to do, not drawn as a blob. */
class ModelImportsTest {
    @TempDir
    Path dir;

    private Path model(int inputs, int hidden) {
        Path file = dir.resolve("wide.json");
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            names.add(i == 0 ? "x1" : i == 1 ? "x2" : "pixel_" + i);
        }
        ModelFile.write(file, new Model(names, Network.of(inputs, new int[] {hidden}, Activation.TANH, 1,
                Activation.SIGMOID)));
        return file;
    }

    @Test
    void thousandsOfUnitsAreRefusedByTheStepperAndThePlaygroundWithTheirReason() {
        Path wide = model(2, 3000);
        assertThatThrownBy(() -> ModelImports.forStepper(wide)).isInstanceOf(PlaygroundException.class)
                .hasMessage("wide.json: its layer 1 has 3000 units; the stepper and the gradient check write every "
                        + "number out and show at most 64 units per layer: train it with the train command, or look "
                        + "at its weights with export");
        assertThatThrownBy(() -> ModelImports.intoPlayground(wide, PlaygroundSettings.defaults()))
                .isInstanceOf(PlaygroundException.class)
                .hasMessageContaining("its layer 1 has 3000 units, the playground shows at most 8");
    }

    @Test
    void manyInputsAreRefusedToo() {
        assertThatThrownBy(() -> ModelImports.forStepper(model(784, 4))).hasMessageStartingWith(
                "wide.json: it takes 784 inputs; the stepper");
    }

    @Test
    void aNetworkTheStepperCanShowOpens() {
        assertThat(ModelImports.forStepper(model(2, 64)).model().network().describe()).isEqualTo("2-64-1");
    }
}
