package io.neuralplayground.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralplayground.engine.EpochResult;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints an epoch's measurements as a text line or as one JSON object per line. */
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
            if (r.hasAccuracy()) {
                Json.put(node, "train_accuracy", r.trainAccuracy());
                Json.put(node, "test_accuracy", r.testAccuracy());
            }
            out.println(Json.compact(node));
            return;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %6d  train loss %.6f", r.epoch(),
                r.trainLoss()));
        if (r.hasTest()) {
            line.append(String.format(Locale.ROOT, "  test loss %.6f", r.testLoss()));
        }
        if (r.hasAccuracy()) {
            line.append(String.format(Locale.ROOT, "  train accuracy %5.1f %%", 100 * r.trainAccuracy()));
            if (r.hasTest()) {
                line.append(String.format(Locale.ROOT, "  test accuracy %5.1f %%", 100 * r.testAccuracy()));
            }
        }
        out.println(line);
    }
}
