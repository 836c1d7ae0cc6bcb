package io.neuralplayground.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trials and their results travel to cluster members and back by Java serialization. */
class SerializationTest {
    static final Parameters PARAMETERS = new Parameters(Map.of("layers", 2, "big", 5_000_000_000L,
            "activation", "tanh", "learning_rate", 0.03, "batch_norm", true));

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void aTrialSurvivesSerializationEqual() throws Exception {
        Trial trial = Trial.hyperband(7, PARAMETERS, 42, 9, 2, 1, 3, 3);

        Trial back = roundTrip(trial);

        assertThat(back).isEqualTo(trial);
        assertThat(back.sameAs(trial)).isTrue();
        assertThat(back.parameters().asMap()).containsExactlyEntriesOf(trial.parameters().asMap());
        assertThat(back.parameters().get("big")).isEqualTo(5_000_000_000L);
    }

    @Test
    void completedFailedAndCancelledResultsSurviveSerializationWithTheSameOutcome() throws Exception {
        Trial trial = Trial.of(3, PARAMETERS, 42, 2);
        List<Map<String, Double>> history = List.of(Map.of("val_loss", 0.5, "loss", 0.4), Map.of("val_loss", 0.25));
        List<TrialResult> results = List.of(
                TrialResult.completed(trial, Evaluation.of(0.25, history), 120),
                new TrialJob(trial, (t, c) -> {
                    c.epochEnded(1, Map.of("val_loss", 0.5));
                    throw new IllegalStateException("loss became NaN");
                }, TrialContext.detached()).run(),
                TrialResult.cancelled(trial, 5));

        for (TrialResult r : results) {
            TrialResult back = roundTrip(r);

            assertThat(back.sameOutcome(r)).as("%s", r).isTrue();
            assertThat(back).isEqualTo(r);
        }
    }
}
