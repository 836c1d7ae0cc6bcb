package io.neuralplayground.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralplayground.engine.ConfusionMatrix;
import io.neuralplayground.engine.EarlyStopper;
import io.neuralplayground.engine.EpochResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Prints an epoch's measurements as a text line or as one JSON object per line, and at the end of a classification
 * run the confusion matrices with their per-class measures: as text, a table each; as JSON, one last object (JSON
 * Lines stay one object a line; the last is told from the epochs by its {@code confusion} and the absence of
 * {@code epoch}).
 */
final class EpochPrinter {
    private final PrintWriter out;
    private final boolean json;

    EpochPrinter(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void print(EpochResult r) {
        if (json) {
            ObjectNode node = Json.object();
            node.put("epoch", r.epoch());
            Json.put(node, "train_loss", r.trainLoss());
            Json.put(node, "test_loss", r.testLoss());
            if (r.hasValidation()) {
                Json.put(node, "val_loss", r.validationLoss());
            }
            if (r.hasAccuracy()) {
                Json.put(node, "train_accuracy", r.trainAccuracy());
                Json.put(node, "test_accuracy", r.testAccuracy());
                if (r.hasValidation()) {
                    Json.put(node, "val_accuracy", r.validationAccuracy());
                }
            }
            out.println(Json.compact(node));
            return;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %6d  train loss %.6f", r.epoch(),
                r.trainLoss()));
        if (r.hasValidation()) {
            line.append(String.format(Locale.ROOT, "  val loss %.6f", r.validationLoss()));
        }
        if (r.hasTest()) {
            line.append(String.format(Locale.ROOT, "  test loss %.6f", r.testLoss()));
        }
        if (r.hasAccuracy()) {
            line.append(String.format(Locale.ROOT, "  train accuracy %5.1f %%", 100 * r.trainAccuracy()));
            if (r.hasValidation()) {
                line.append(String.format(Locale.ROOT, "  val accuracy %5.1f %%", 100 * r.validationAccuracy()));
            }
            if (r.hasTest()) {
                line.append(String.format(Locale.ROOT, "  test accuracy %5.1f %%", 100 * r.testAccuracy()));
            }
        }
        out.println(line);
    }

    /**
     * What early stopping did: the status line as text, or {@code {"early_stopping": {stopped_epoch, best_epoch,
     * best, restored, message}}} as JSON ({@code stopped_epoch} 0 when the epochs ran out first).
     */
    void printEarlyStopping(EarlyStopper stopper, String message) {
        if (json) {
            ObjectNode node = Json.object();
            ObjectNode stop = node.putObject("early_stopping");
            stop.put("monitor", stopper.rule().monitor().kerasName());
            stop.put("stopped_epoch", stopper.stoppedEpoch());
            stop.put("best_epoch", stopper.bestEpoch());
            Json.put(stop, "best", stopper.best());
            stop.put("restored", stopper.rule().restoreBestWeights() && stopper.bestEpoch() > 0);
            stop.put("message", message);
            out.println(Json.compact(node));
            return;
        }
        out.println(message);
    }

    /**
     * How the final weights classify: for the training examples and, when there are any ({@code test} not null),
     * the test examples, the confusion matrix (rows true class, columns predicted, as scikit-learn) and per class
     * precision, recall, F1 and support, with their macro and weighted averages.
     */
    void printMetrics(List<String> classNames, ConfusionMatrix train, ConfusionMatrix test) {
        if (json) {
            ObjectNode node = Json.object();
            ObjectNode confusion = node.putObject("confusion");
            confusion.set("classes", Json.strings(classNames));
            confusion.set("train", counts(train));
            if (test != null) {
                confusion.set("test", counts(test));
            }
            node.set("train", measures(train));
            if (test != null) {
                node.set("test", measures(test));
            }
            out.println(Json.compact(node));
            return;
        }
        printTables("training", classNames, train);
        if (test != null) {
            printTables("test", classNames, test);
        }
    }

    private static ArrayNode counts(ConfusionMatrix m) {
        ArrayNode rows = Json.array();
        for (int i = 0; i < m.classes(); i++) {
            ArrayNode row = rows.addArray();
            for (int j = 0; j < m.classes(); j++) {
                row.add(m.count(i, j));
            }
        }
        return rows;
    }

    private static ObjectNode measures(ConfusionMatrix m) {
        ObjectNode node = Json.object();
        Json.put(node, "accuracy", m.accuracy());
        ArrayNode precision = node.putArray("precision");
        ArrayNode recall = node.putArray("recall");
        ArrayNode f1 = node.putArray("f1");
        ArrayNode support = node.putArray("support");
        for (int k = 0; k < m.classes(); k++) {
            precision.add(m.precision(k));
            recall.add(m.recall(k));
            f1.add(m.f1(k));
            support.add(m.support(k));
        }
        ObjectNode macro = node.putObject("macro");
        macro.put("precision", m.macroPrecision());
        macro.put("recall", m.macroRecall());
        macro.put("f1", m.macroF1());
        ObjectNode weighted = node.putObject("weighted");
        weighted.put("precision", m.weightedPrecision());
        weighted.put("recall", m.weightedRecall());
        weighted.put("f1", m.weightedF1());
        return node;
    }

    private static final String MACRO = "macro avg";
    private static final String WEIGHTED = "weighted avg";
    private static final String[] MEASURES = {"precision", "recall", "f1", "support"};

    /**
     * The matrix with the class names down the side (true) and along the top (predicted), then scikit-learn's
     * {@code classification_report}: a row per class and the two averages.
     */
    private void printTables(String part, List<String> classNames, ConfusionMatrix m) {
        int labelWidth = WEIGHTED.length();
        int cellWidth = Integer.toString(m.total()).length();
        for (String name : classNames) {
            labelWidth = Math.max(labelWidth, name.length());
            cellWidth = Math.max(cellWidth, name.length());
        }
        out.println();
        out.printf(Locale.ROOT, "confusion, %s examples (%d; rows true class, columns predicted)%n", part,
                m.total());
        StringBuilder header = new StringBuilder(pad("", labelWidth));
        for (String name : classNames) {
            header.append("  ").append(padLeft(name, cellWidth));
        }
        out.println(header.toString().stripTrailing());
        for (int i = 0; i < m.classes(); i++) {
            StringBuilder row = new StringBuilder(pad(classNames.get(i), labelWidth));
            for (int j = 0; j < m.classes(); j++) {
                row.append("  ").append(padLeft(Integer.toString(m.count(i, j)), cellWidth));
            }
            out.println(row);
        }
        out.println();
        StringBuilder measures = new StringBuilder(pad("", labelWidth));
        for (String measure : MEASURES) {
            measures.append("  ").append(padLeft(measure, MEASURES[0].length()));
        }
        out.println(measures);
        for (int k = 0; k < m.classes(); k++) {
            out.println(reportRow(classNames.get(k), labelWidth, m.precision(k), m.recall(k), m.f1(k),
                    m.support(k)));
        }
        out.println(reportRow(MACRO, labelWidth, m.macroPrecision(), m.macroRecall(), m.macroF1(), m.total()));
        out.println(reportRow(WEIGHTED, labelWidth, m.weightedPrecision(), m.weightedRecall(), m.weightedF1(),
                m.total()));
    }

    private static String reportRow(String label, int labelWidth, double precision, double recall, double f1,
            int support) {
        int width = MEASURES[0].length();
        return pad(label, labelWidth) + "  " + padLeft(String.format(Locale.ROOT, "%.3f", precision), width) + "  "
                + padLeft(String.format(Locale.ROOT, "%.3f", recall), width) + "  "
                + padLeft(String.format(Locale.ROOT, "%.3f", f1), width) + "  "
                + padLeft(Integer.toString(support), width);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
