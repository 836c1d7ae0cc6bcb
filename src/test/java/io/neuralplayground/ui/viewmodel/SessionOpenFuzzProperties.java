package io.neuralplayground.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.app.SessionDocuments;
import io.neuralplayground.app.SessionFiles;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.io.json.SessionDocument;
import io.neuralplayground.io.json.SessionFile;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.SessionState;
import io.neuralplayground.session.ShareString;
import io.neuralplayground.session.TrainingSession;
import io.neuralplayground.testing.TextMutation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Opening a session file, the whole way the window takes (the JSON, the document, the state, the trainer built
 * from it): whatever the file holds, it either opens or is refused with a {@link PlaygroundException}. No other
 * exception escapes, so a damaged file can never fail silently on the background thread. The same for pasted share
 * strings.
 */
class SessionOpenFuzzProperties {
    private static final String SOURCE = "fuzz.session.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = validSession();

    /** A session of XOR trained for a few epochs with Adam (so the optimizer has memory), one link frozen. */
    private static String validSession() {
        PlaygroundSettings settings = PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR)
                .withHidden(List.of(3, 2), List.of(Activation.TANH, Activation.RELU)).withOptimizer(Optimizer.adam())
                .withBatchSize(25);
        TrainingSession session = new TrainingSession(settings);
        try {
            session.trainEpochs(3);
            SessionState state = session.capture().get();
            ObjectNode tree = (ObjectNode) JSON.readTree(SessionFile.toJson(
                    SessionDocuments.toDocument(state, SessionDocument.View.DEFAULT)));
            ((ArrayNode) tree.get("frozen").get(1)).addArray().add(2).add(1);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (Exception e) {
            throw new AssertionError("could not build the valid session", e);
        } finally {
            session.close();
        }
    }

    private static SessionState open(String text) {
        return SessionFiles.check(SessionFile.fromJson(text, SOURCE), SOURCE);
    }

    private static void assertOpensOrRefuses(String text) {
        try {
            SessionState state = open(text);
            assertThat(state).isNotNull();
        } catch (PlaygroundException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 1)
    void theUnmutatedSessionOpens() {
        SessionState state = open(VALID);
        assertThat(state.epoch()).isEqualTo(3);
        assertThat(state.network().describe()).isEqualTo("2-3-2-1");
        assertThat(state.network().layer(1).isFrozen(2, 1)).isTrue();
    }

    @Property(tries = 500)
    void randomBytesOpenOrAreRefused(@ForAll byte[] bytes) {
        assertOpensOrRefuses(new String(bytes, StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<List<TextMutation>> mutations() {
        Arbitrary<Character> chars = Arbitraries.of('{', '}', '[', ']', ',', ':', '"', '-', '.', '0', '1', '9', 'e',
                ' ', 'n', 'x');
        Arbitrary<String> numbers = Arbitraries.of("-1", "0", "1", "2", "3", "7", "99", "1000000", "2147483648",
                "-9223372036854775809", "0.5", "1e400", "-0.0", "1e-320", "NaN", "null", "\"7\"", "[]", "{}");
        Arbitrary<TextMutation> one = Combinators.combine(
                Arbitraries.of(0, 1, 2, 3, 4, 5, 7),
                Arbitraries.integers().between(0, VALID.length()),
                Arbitraries.integers().between(1, 30),
                chars, numbers).as(TextMutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 3000)
    void aMutatedSessionOpensOrIsRefused(@ForAll("mutations") List<TextMutation> mutations) {
        String text = VALID;
        for (TextMutation mutation : mutations) {
            text = mutation.applyTo(text);
        }
        assertOpensOrRefuses(text);
    }

    @Property(tries = 300)
    void aFrozenLinkAnywhereOpensOrIsRefused(@ForAll("linkIndices") int layer, @ForAll("linkIndices") int input,
            @ForAll("linkIndices") int unit) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(VALID);
        ArrayNode frozen = (ArrayNode) tree.get("frozen");
        ArrayNode link = JSON.createArrayNode().add(input).add(unit);
        if (layer >= 0 && layer < frozen.size()) {
            ((ArrayNode) frozen.get(layer)).add(link);
        } else {
            frozen.addArray().add(link);
        }
        assertOpensOrRefuses(JSON.writeValueAsString(tree));
    }

    @Provide
    Arbitrary<Integer> linkIndices() {
        return Arbitraries.integers().between(-2, 9);
    }

    @Provide
    Arbitrary<String> shareStrings() {
        String valid = ShareString.of(PlaygroundSettings.defaults());
        Arbitrary<String> random = Arbitraries.strings().withChars("=&,.-0123456789abcdefgilnoprstuxyz ")
                .ofMaxLength(80);
        Arbitrary<String> edited = Combinators.combine(Arbitraries.integers().between(0, valid.length()),
                Arbitraries.integers().between(0, 12), random).as((at, cut, text) ->
                valid.substring(0, at) + text + valid.substring(Math.min(valid.length(), at + cut)));
        return Arbitraries.oneOf(random, edited);
    }

    @Property(tries = 2000)
    void aPastedShareStringAppliesOrIsRefused(@ForAll("shareStrings") String text) {
        try {
            PlaygroundSettings settings = ShareString.parse(text);
            settings.toPlan().prepare();
        } catch (PlaygroundException e) {
            assertThat(e.getMessage()).containsIgnoringCase("share string");
        }
    }
}
