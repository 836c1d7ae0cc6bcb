package io.neuralplayground.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.PlaygroundException;
import java.io.StringReader;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Whatever text arrives, the reader returns a sound dataset or a PlaygroundException, never anything else. */
class CsvDatasetReaderProperties {
    @Property(tries = 2000)
    void garbageGivesADatasetOrAPlaygroundException(@ForAll("csvLikeText") String text,
            @ForAll("labelColumns") String labelColumn, @ForAll LabelKind kind) {
        Dataset d;
        try {
            d = CsvDatasetReader.read(new StringReader(text), "garbage.csv", labelColumn, kind);
        } catch (PlaygroundException e) {
            assertThat(e.getMessage()).startsWith("garbage.csv");
            return;
        }
        assertThat(d.size()).isPositive();
        assertThat(d.columnCount()).isPositive();
        for (int r = 0; r < d.size(); r++) {
            assertThat(d.row(r)).hasSize(d.columnCount());
            assertThat(Arrays.stream(d.row(r)).allMatch(Double::isFinite)).isTrue();
            if (d.isClassification()) {
                assertThat(d.classIndex(r)).isBetween(0, d.classCount() - 1);
            } else {
                assertThat(d.label(r)).isFinite();
            }
        }
        if (d.isClassification()) {
            assertThat(d.classCount()).isBetween(2, CsvDatasetReader.MAX_CLASSES);
        }
    }

    @Provide
    Arbitrary<String> labelColumns() {
        return Arbitraries.of("label", "b", "a", "LABEL", "").injectNull(0.2);
    }

    @Provide
    Arbitrary<String> csvLikeText() {
        Arbitrary<String> headers = Arbitraries.of("", "a,label\n", "a,b,label\n", "\uFEFFa,b\r\n", "label,a\n");
        Arbitrary<String> token = Arbitraries.of("1", "-2.5", "0", "3e2", "1e999", "NaN", "-inf", "x", "y", "",
                " ", "\"q\"", "\"a,b\"", "\"\"\"\"", "\"", "1,5", ".", "+", "e", "\t7\t", "\uFEFF", "é");
        Arbitrary<String> separator = Arbitraries.of(",", ",", ",", "\n", "\r\n", "\r", "\"");
        Arbitrary<String> structured = Combinators.combine(headers,
                Combinators.combine(token, separator).as((t, s) -> t + s).list().ofMaxSize(40)
                        .map(parts -> String.join("", parts)))
                .as((h, body) -> h + body);
        Arbitrary<String> chars = Arbitraries.strings().withChars(",\"\n\r \t-+.eE019abNIn\uFEFF").ofMaxLength(120);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(80);
        return Arbitraries.frequencyOf(
                Tuple.of(6, nearlyValidTables()),
                Tuple.of(3, structured),
                Tuple.of(2, chars),
                Tuple.of(1, anything));
    }

    /** Tables with a header "a,b,label" (or "a,label"), mostly well-formed, some with one character changed. */
    private Arbitrary<String> nearlyValidTables() {
        Arbitrary<String> number = Arbitraries.of("1", "-2.5", "0", "3e2", ".5", "7", "-0", " 4 ", "\"6\"");
        Arbitrary<String> label = Arbitraries.of("x", "y", "1", "-1", "0.5", "2", "\"z, w\"", "3");
        Arbitrary<Integer> width = Arbitraries.integers().between(1, 2);
        Arbitrary<String> table = width.flatMap(features -> {
            Arbitrary<String> row = Combinators.combine(number.list().ofSize(features), label)
                    .as((values, l) -> String.join(",", values) + "," + l);
            String header = features == 1 ? "a,label" : "a,b,label";
            return Combinators.combine(row.list().ofMinSize(3).ofMaxSize(15), Arbitraries.of("\n", "\r\n"))
                    .as((rows, eol) -> header + eol + String.join(eol, rows) + eol);
        });
        Arbitrary<Character> garbage = Arbitraries.of(',', '"', '\n', '\r', 'q', '.', '-', 'e', ' ');
        return Combinators.combine(table, Arbitraries.integers().between(0, 1000), garbage,
                        Arbitraries.integers().between(0, 2))
                .as((t, at, c, mode) -> {
                    int i = at % (t.length() + 1);
                    return switch (mode) {
                        case 0 -> t;
                        case 1 -> t.substring(0, i) + c + t.substring(i);
                        default -> i < t.length() ? t.substring(0, i) + t.substring(i + 1) : t;
                    };
                });
    }
}
