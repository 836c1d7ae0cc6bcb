package io.neuralplayground.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Rng;
import io.neuralplayground.io.Model;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model file in UTF-16 or UTF-32 without a byte-order mark (issue 14): JSON allows these encodings (RFC 8259
 * §8.1 asks for UTF-8 between systems, RFC 4627 §3 says how to tell them from the first four bytes), and
 * Jackson tells them apart by the zero bytes around the first characters, so such a file reads as the same
 * model, names and numbers alike, rather than as garbage accepted as valid.
 */
class ModelFileEncodingTest {
    private static Model model() {
        Network network = Network.of(2, new int[] {3}, Activation.TANH, 1, Activation.SIGMOID);
        io.neuralplayground.engine.Initializer.GLOROT_UNIFORM.initialize(network, new Rng(5));
        return new Model(List.of("länge", "größe"), network);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-32BE", "UTF-32LE"})
    void aFileInAnotherEncodingJsonAllowsReadsAsTheSameModel(String encoding) {
        Model written = model();
        byte[] bytes = ModelFile.toJson(written).getBytes(Charset.forName(encoding));
        assertThat(bytes[0] == 0 || bytes[1] == 0).as("no byte-order mark: the text starts with '{' and zeros")
                .isTrue();
        Model read = ModelFile.read(new ByteArrayInputStream(bytes), "model-" + encoding + ".json");
        assertThat(read.inputs()).containsExactly("länge", "größe");
        assertThat(read.network().sameParameters(written.network())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO-8859-1", "windows-1252"})
    void aLegacyEightBitFileIsRefusedNamingTheFile(String encoding) {
        byte[] bytes = ModelFile.toJson(model()).getBytes(Charset.forName(encoding));
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("l\u00e4nge");
        assertThatThrownBy(() -> ModelFile.read(new ByteArrayInputStream(bytes), "latin.json"))
                .isInstanceOf(PlaygroundException.class).hasMessageContaining("latin.json");
    }
}
