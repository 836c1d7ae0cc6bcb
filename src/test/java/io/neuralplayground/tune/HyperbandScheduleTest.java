package io.neuralplayground.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HyperbandScheduleTest {
    private static List<String> rounds(HyperbandSchedule.Bracket b) {
        return b.rounds().stream().map(r -> "(" + r.configurations() + "," + r.epochs() + ")").toList();
    }

    /** Li et al. 2017, Table 1: R = 81, η = 3. */
    @Test
    void theScheduleForR81AndEta3IsTable1OfTheHyperbandPaper() {
        HyperbandSchedule schedule = HyperbandSchedule.of(81, 3);
        assertThat(schedule.brackets()).extracting(HyperbandSchedule.Bracket::s).containsExactly(4, 3, 2, 1, 0);
        assertThat(schedule.brackets().stream().map(HyperbandScheduleTest::rounds).toList()).containsExactly(
                List.of("(81,1)", "(27,3)", "(9,9)", "(3,27)", "(1,81)"),
                List.of("(34,3)", "(11,9)", "(3,27)", "(1,81)"),
                List.of("(15,9)", "(5,27)", "(1,81)"),
                List.of("(8,27)", "(2,81)"),
                List.of("(5,81)"));
    }

    @Test
    void sMaxIsComputedInIntegersWhereALogarithmWouldRoundDown() {
        // log(243)/log(3) = 4.999999999999999 in doubles.
        assertThat(HyperbandSchedule.of(243, 3).brackets().get(0).s()).isEqualTo(5);
        assertThat(HyperbandSchedule.of(1, 3).brackets()).extracting(HyperbandSchedule.Bracket::s).containsExactly(0);
        assertThat(HyperbandSchedule.of(10, 3).brackets().get(0).rounds())
                .extracting(HyperbandSchedule.Round::epochs).containsExactly(1, 3, 10);
    }
}
