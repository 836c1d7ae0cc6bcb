package io.neuralplayground.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.neuralplayground.engine.Rng;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exported examples read back as they were: the same numbers to the bit, the same labels, in order. */
class DatasetCsvWriterTest {
    private static String csv(Split split, DatasetCsvWriter.Parts parts) throws Exception {
        StringWriter out = new StringWriter();
        DatasetCsvWriter.write(split, parts, out);
        return out.toString();
    }

    private static void assertSame(Dataset read, Dataset written) {
        assertThat(read.size()).isEqualTo(written.size());
        assertThat(read.columnNames()).isEqualTo(written.columnNames());
        for (int r = 0; r < written.size(); r++) {
            assertThat(read.row(r)).isEqualTo(written.row(r));
            if (written.isClassification()) {
                assertThat(read.classNames().get(read.classIndex(r)))
                        .isEqualTo(written.classNames().get(written.classIndex(r)));
            } else {
                assertThat(read.label(r)).isEqualTo(written.label(r));
            }
        }
    }

    @Test
    void eachPartReadsBackBitForBitWithItsClassNames() throws Exception {
        Split split = Dataset.playground(PlaygroundDataset.BLOBS, 120, 0.3, 5, new Rng(4)).split(0.7, new Rng(5));
        for (DatasetCsvWriter.Parts parts : List.of(DatasetCsvWriter.Parts.TRAINING, DatasetCsvWriter.Parts.TEST)) {
            Dataset written = parts == DatasetCsvWriter.Parts.TRAINING ? split.train() : split.test();
            Dataset read = CsvDatasetReader.read(new StringReader(csv(split, parts)), "export.csv", "label",
                    LabelKind.CLASSIFICATION);
            assertSame(read, written);
        }
    }

    @Test
    void regressionValuesReadBackExactly() throws Exception {
        Split split = Dataset.playground(PlaygroundDataset.MULTIGAUSS, 200, 0.1, new Rng(2)).split(0.5, new Rng(3));
        Dataset read = CsvDatasetReader.read(new StringReader(csv(split, DatasetCsvWriter.Parts.TRAINING)), "r.csv",
                "label", LabelKind.REGRESSION);
        assertSame(read, split.train());
    }

    @Test
    void bothPartsGetAPartColumnAndNamesThatNeedQuotesAreQuoted() throws Exception {
        double[][] rows = {{1, 2}, {3, 4}, {5, 6}};
        Dataset data = Dataset.classification("odd", List.of("label", "b"), rows, new int[] {0, 1, 1},
                List.of("a, \"quoted\" class", "plain"));
        String text = csv(new Split(data, Dataset.classification("t", List.of("label", "b"), new double[][] {{7, 8}},
                new int[] {0}, List.of("a, \"quoted\" class", "plain"))), DatasetCsvWriter.Parts.BOTH);
        assertThat(text.lines().toList()).containsExactly(
                "label,b,label_,part",
                "1.0,2.0,\"a, \"\"quoted\"\" class\",train",
                "3.0,4.0,plain,train",
                "5.0,6.0,plain,train",
                "7.0,8.0,\"a, \"\"quoted\"\" class\",test");
        String withoutPart = text.lines().map(l -> l.substring(0, l.lastIndexOf(','))).reduce((a, b) -> a + "\n" + b)
                .orElseThrow();
        Dataset read = CsvDatasetReader.read(new StringReader(withoutPart), "both.csv", "label_",
                LabelKind.CLASSIFICATION);
        assertThat(read.size()).isEqualTo(4);
        assertThat(read.classNames()).contains("a, \"quoted\" class", "plain");
    }
}
