package io.neuralplayground.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelTest {
    private final Network network = Network.of(2, new int[] {3}, Activation.TANH, 1, Activation.SIGMOID);

    @Test
    void inputNamesMustMatchTheNetworkAndBeUniqueAndNonEmpty() {
        assertThatThrownBy(() -> new Model(List.of("x1"), network))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 input names for a network with 2 inputs");
        assertThatThrownBy(() -> new Model(List.of("x1", "x1"), network))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("inputs 0 and 1 are both named \"x1\"");
        assertThatThrownBy(() -> new Model(List.of("x1", " "), network))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("input 1 has no name");
        assertThatThrownBy(() -> new Model(Arrays.asList("x1", null), network))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("input 1 has no name");
        assertThatThrownBy(() -> new Model(List.of("x1", "\ud83d"), network))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lone UTF-16 surrogate");
    }

    @Test
    void extrasCannotUseTheFormatsOwnFieldNames() {
        for (String reserved : List.of("format", "version", "inputs", "layers")) {
            assertThatThrownBy(() -> new Model(List.of("a", "b"), network, Map.of(reserved, 1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("\"" + reserved + "\" is a field of the model format itself");
        }
    }

    @Test
    void extrasMustBeJsonValues() {
        assertThatThrownBy(() -> new Model(List.of("a", "b"), network, Map.of("when", new java.util.Date())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("when is a java.util.Date, which is not a JSON value");
        assertThatThrownBy(() -> new Model(List.of("a", "b"), network,
                Map.of("history", List.of(Map.of("loss", 0.5), Map.of("loss", Double.NaN)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("history[1].loss is NaN: JSON has no NaN or infinity");
        assertThatThrownBy(() -> new Model(List.of("a", "b"), network, Map.of("m", Map.of(1, "one"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m has a key that is not a string: 1");
    }

    @Test
    void extrasAreCopiedDeeplyKeptInOrderAndUnmodifiable() {
        List<Object> history = new ArrayList<>(List.of(1, 2));
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("z", 1);
        extras.put("history", history);
        extras.put("a", null);

        Model model = new Model(List.of("a", "b"), network, extras);
        history.add(3);
        extras.put("later", true);

        assertThat(model.extras().keySet()).containsExactly("z", "history", "a");
        assertThat(model.extras().get("history")).isEqualTo(List.of(1, 2));
        assertThatThrownBy(() -> model.extras().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> kept = (List<Object>) model.extras().get("history");
        assertThatThrownBy(() -> kept.add(4)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void numbersAreNormalisedToWhatAReaderReturns() {
        Map<String, Object> extras = new HashMap<>();
        extras.put("byte", (byte) 1);
        extras.put("long", 2L);
        extras.put("huge long", Long.MAX_VALUE);
        extras.put("big small", java.math.BigInteger.TEN);
        extras.put("float", 0.5f);

        Map<String, Object> kept = new Model(List.of("a", "b"), network, extras).extras();

        assertThat(kept.get("byte")).isEqualTo(1);
        assertThat(kept.get("long")).isEqualTo(2);
        assertThat(kept.get("huge long")).isEqualTo(Long.MAX_VALUE);
        assertThat(kept.get("big small")).isEqualTo(10);
        assertThat(kept.get("float")).isEqualTo(0.5);
    }
}
