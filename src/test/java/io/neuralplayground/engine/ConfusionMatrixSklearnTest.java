package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.testing.Python;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Counts, per-class measures and averages against scikit-learn's {@code confusion_matrix} and
 * {@code precision_recall_fscore_support(labels=range(K), zero_division=0)}
 * (src/test/resources/python/sklearn_metrics.py), on seeded random cases of 2 to 10 classes that include classes
 * never predicted and classes without examples.
 */
class ConfusionMatrixSklearnTest {
    private static final double TOLERANCE = 1e-12;
    private static final int CASES = 300;

    @BeforeAll
    static void needsSklearn() {
        Python.require("numpy", "sklearn");
    }

    /** One random case: K classes, some of which may be left out of the truth or the predictions on purpose. */
    private record Case(int classes, int[] truth, int[] predicted) {
    }

    private static Case randomCase(Rng rng) {
        int k = 2 + rng.nextInt(9);
        int n = 1 + rng.nextInt(60);
        // Truth and predictions each draw from a random subset of the classes: an absent class gets an empty row
        // (recall 0 by zero_division) or an empty column (precision 0).
        int[] truthClasses = subset(rng, k);
        int[] predictedClasses = subset(rng, k);
        int[] truth = new int[n];
        int[] predicted = new int[n];
        for (int r = 0; r < n; r++) {
            truth[r] = truthClasses[rng.nextInt(truthClasses.length)];
            // Mostly right, as a trained network is, so that the diagonal is not left to chance.
            boolean right = rng.nextInt(3) > 0 && contains(predictedClasses, truth[r]);
            predicted[r] = right ? truth[r] : predictedClasses[rng.nextInt(predictedClasses.length)];
        }
        return new Case(k, truth, predicted);
    }

    private static int[] subset(Rng rng, int k) {
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (rng.nextInt(4) > 0) {
                kept.add(c);
            }
        }
        if (kept.isEmpty()) {
            kept.add(rng.nextInt(k));
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean contains(int[] values, int wanted) {
        for (int v : values) {
            if (v == wanted) {
                return true;
            }
        }
        return false;
    }

    @Test
    void matchesScikitLearn() {
        Rng rng = new Rng(2024);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            cases.add(randomCase(rng));
        }
        List<Map<String, Object>> input = cases.stream()
                .map(c -> Map.<String, Object>of("classes", c.classes(), "truth", c.truth(), "predicted",
                        c.predicted()))
                .toList();
        JsonNode reference = Python.runScript("sklearn_metrics.py", input);
        assertThat(reference.size()).isEqualTo(CASES);

        int emptyRows = 0;
        int emptyColumns = 0;
        for (int i = 0; i < CASES; i++) {
            Case c = cases.get(i);
            JsonNode expected = reference.get(i);
            ConfusionMatrix m = ConfusionMatrix.of(c.truth(), c.predicted(), c.classes());
            String where = "case " + i + " (K = " + c.classes() + ")";
            for (int t = 0; t < c.classes(); t++) {
                for (int p = 0; p < c.classes(); p++) {
                    assertThat(m.count(t, p)).as("%s count[%d][%d]", where, t, p)
                            .isEqualTo(expected.at("/confusion/" + t + "/" + p).asInt());
                }
                assertThat(m.support(t)).as("%s support %d", where, t)
                        .isEqualTo(expected.at("/support/" + t).asInt());
                assertClose(m.precision(t), expected.at("/precision/" + t), where + " precision " + t);
                assertClose(m.recall(t), expected.at("/recall/" + t), where + " recall " + t);
                assertClose(m.f1(t), expected.at("/f1/" + t), where + " f1 " + t);
                emptyRows += m.rowTotal(t) == 0 ? 1 : 0;
                emptyColumns += m.columnTotal(t) == 0 ? 1 : 0;
            }
            assertClose(m.accuracy(), expected.get("accuracy"), where + " accuracy");
            assertClose(m.macroPrecision(), expected.at("/macro/precision"), where + " macro precision");
            assertClose(m.macroRecall(), expected.at("/macro/recall"), where + " macro recall");
            assertClose(m.macroF1(), expected.at("/macro/f1"), where + " macro f1");
            assertClose(m.weightedPrecision(), expected.at("/weighted/precision"), where + " weighted precision");
            assertClose(m.weightedRecall(), expected.at("/weighted/recall"), where + " weighted recall");
            assertClose(m.weightedF1(), expected.at("/weighted/f1"), where + " weighted f1");
        }
        // The cases must really have met the zero_division rule, both ways.
        assertThat(emptyRows).isGreaterThan(CASES / 4);
        assertThat(emptyColumns).isGreaterThan(CASES / 4);
    }

    private static void assertClose(double actual, JsonNode expected, String what) {
        assertThat(expected.isNumber()).as("%s: scikit-learn gave %s", what, expected).isTrue();
        assertThat(Math.abs(actual - expected.asDouble())).as("%s: java %s, scikit-learn %s", what, actual, expected)
                .isLessThanOrEqualTo(TOLERANCE);
    }
}
