package io.neuralplayground.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.NetworkAssertions;
import io.neuralplayground.testing.TextMutation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the input, reading either returns a model or throws a {@link PlaygroundException}: no other exception
 * escapes. A model that does come back can be written again and reads back the same.
 */
class ModelFileFuzzProperties {
    private static final String SOURCE = "fuzz.json";

    /** A valid file with something of everything: extras before and after, three layers, odd names. */
    private static final String VALID = """
            {
              "format": "neural-playground-model",
              "version": 1,
              "seed": 42,
              "inputs": ["x1", "x2", "x1sq"],
              "layers": [
                {"units": 2, "activation": "relu", "kernel": [[0.1, -2.5e-3], [3e10, 4], [-0.0, 1E-310]],
                 "bias": [0.5, -0.5], "name": "hidden"},
                {"units": 2, "activation": "elu", "kernel": [[1, 2], [3, 4]], "bias": [0, 0]},
                {"units": 1, "activation": "sigmoid", "kernel": [[0.7], [0.8]], "bias": [0.1]}
              ],
              "training": {"learning_rate": 0.03, "optimizer": "adam", "betas": [0.9, 0.999], "note": "a \\"b\\" ü"},
              "history": [{"epoch": 1, "loss": 0.25, "test": null, "ok": true}]
            }
            """;

    @Property(tries = 2000)
    void randomBytesGiveAModelOrAPlaygroundException(@ForAll byte[] bytes) {
        assertReadsOrRefuses(() -> ModelFile.fromJson(new String(bytes, StandardCharsets.UTF_8), SOURCE));
        assertReadsOrRefuses(() -> ModelFile.fromJson(new String(bytes, StandardCharsets.ISO_8859_1), SOURCE));
        // Bytes, not text: here Jackson detects the encoding (UTF-8/16/32) and may meet invalid sequences.
        assertReadsOrRefuses(() -> ModelFile.read(new ByteArrayInputStream(bytes), SOURCE));
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]:,\"\\ 0123456789.-+eEtruefalsnNaINF\n").ofMaxLength(60);
    }

    @Property(tries = 2000)
    void randomJsonLikeTextGivesAModelOrAPlaygroundException(@ForAll("jsonish") String text) {
        assertReadsOrRefuses(() -> ModelFile.fromJson(text, SOURCE));
        assertReadsOrRefuses(() -> ModelFile.fromJson(VALID.substring(0, VALID.indexOf("\"layers\"")) + text,
                SOURCE));
    }

    @Provide
    Arbitrary<List<TextMutation>> mutations() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.of('{', '}', '[', ']', ',', ':', '"', '\\', '-', '+', '.', 'e', 'E', '0', '1', '9',
                        ' ', '\n', 'n', 'N', 'I', '\u0000', '\ud800', 'ü'),
                Arbitraries.chars());
        Arbitrary<TextMutation> one = Combinators.combine(
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, VALID.length()),
                Arbitraries.integers().between(1, 40),
                chars).as(TextMutation::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 5000)
    void aMutatedFileGivesAModelOrAPlaygroundException(@ForAll("mutations") List<TextMutation> mutations) {
        String text = VALID;
        for (TextMutation mutation : mutations) {
            text = mutation.applyTo(text);
        }
        String mutated = text;

        assertReadsOrRefuses(() -> ModelFile.fromJson(mutated, SOURCE));
        assertReadsOrRefuses(() -> ModelFile.read(
                new ByteArrayInputStream(mutated.getBytes(StandardCharsets.UTF_8)), SOURCE));
    }

    @Property(tries = 1)
    void theUnmutatedFileIsValid() {
        Model model = ModelFile.fromJson(VALID, SOURCE);

        assertThat(model.network().describe()).isEqualTo("3-2-2-1");
        assertThat(model.extras().keySet()).containsExactly("seed", "training", "history");
    }

    private interface Read {
        Model read();
    }

    private static void assertReadsOrRefuses(Read read) {
        Model model;
        try {
            model = read.read();
        } catch (PlaygroundException e) {
            assertThat(e).isExactlyInstanceOf(PlaygroundException.class);
            assertThat(e.getMessage()).startsWith(SOURCE + ": ").doesNotContain("REDACTED");
            return;
        }
        // Whatever was accepted is a model that can be written and read back as it was.
        Model back = ModelFile.fromJson(ModelFile.toJson(model), SOURCE);
        NetworkAssertions.assertSameModel(back, model);
    }
}
