package io.neuralplayground.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The gradient check's words on standard error: durations, and progress lines every few seconds. */
class GradcheckProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void durationsAreRoundedToWhatAnEstimateCanPromise() {
        assertThat(Durations.approximately(0.004)).isEqualTo("under a second");
        assertThat(Durations.approximately(Double.NaN)).isEqualTo("under a second");
        assertThat(Durations.approximately(41.6)).isEqualTo("about 42 s");
        assertThat(Durations.approximately(125)).isEqualTo("about 2 min");
        assertThat(Durations.approximately(4 * 3600 + 1800)).isEqualTo("about 4.5 h");
    }

    @Test
    void aLineEveryIntervalWithWhatIsLeftAtTheRateSoFar() {
        StringWriter text = new StringWriter();
        long[] now = {100 * SECOND};
        ProgressLines progress = new ProgressLines(new PrintWriter(text), () -> now[0], 5 * SECOND);
        now[0] += 4 * SECOND;
        progress.checked(400, 2000);
        assertThat(text.toString()).as("nothing before the first interval").isEmpty();
        now[0] += SECOND;
        progress.checked(500, 2000);
        now[0] += SECOND;
        progress.checked(600, 2000);
        assertThat(text.toString()).isEqualTo("checked 500 of 2000 parameters (25 %), about 15 s left\n");
        now[0] += 4 * SECOND;
        progress.checked(1000, 2000);
        assertThat(text.toString()).endsWith("checked 1000 of 2000 parameters (50 %), about 10 s left\n");
        now[0] += 60 * SECOND;
        progress.checked(2000, 2000);
        assertThat(text.toString().lines()).as("nothing when done: the report follows").hasSize(2);
    }
}
