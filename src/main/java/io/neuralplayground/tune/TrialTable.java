package io.neuralplayground.tune;

import io.neuralplayground.io.files.AtomicFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The trials as a CSV table (RFC 4180), one row per trial by number, with Optuna's column names:
 * {@code number, state, value, params_<name>…} for every hyperparameter of the space (empty where inactive), then
 * {@code epochs, epochs_run, initial_epoch, bracket, round, parent, seed, duration_ms, error}.
 */
public final class TrialTable {
    private TrialTable() {
    }

    public static String toCsv(SearchSpace space, List<TrialResult> trials) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("number", "state", "value"));
        space.hyperparameters().forEach(h -> header.add("params_" + h.name()));
        header.addAll(List.of("epochs", "epochs_run", "initial_epoch", "bracket", "round", "parent", "seed",
                "duration_ms", "error"));
        row(sb, header);
        for (TrialResult r : trials.stream().sorted(java.util.Comparator.comparingInt(TrialResult::number)).toList()) {
            Trial t = r.trial();
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(t.number()));
            cells.add(r.status().name().toLowerCase(Locale.ROOT));
            cells.add(r.isCompleted() ? Double.toString(r.value()) : "");
            for (Hyperparameter h : space.hyperparameters()) {
                Object v = t.parameters().asMap().get(h.name());
                cells.add(v == null ? "" : String.valueOf(v));
            }
            cells.add(Integer.toString(t.epochs()));
            cells.add(Integer.toString(r.epochsRun()));
            cells.add(Integer.toString(t.initialEpoch()));
            cells.add(t.bracket().isPresent() ? Integer.toString(t.bracket().getAsInt()) : "");
            cells.add(t.round().isPresent() ? Integer.toString(t.round().getAsInt()) : "");
            cells.add(t.parent().isPresent() ? Integer.toString(t.parent().getAsInt()) : "");
            cells.add(Long.toString(t.seed()));
            cells.add(Long.toString(r.elapsedMillis()));
            cells.add(r.error() == null ? "" : r.error());
            row(sb, cells);
        }
        return sb.toString();
    }

    /** Writes the table atomically. */
    public static void writeCsv(Path file, SearchSpace space, List<TrialResult> trials) {
        String text = toCsv(space, trials);
        AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quoted(cells.get(i)));
        }
        sb.append("\r\n");
    }

    /** A cell in double quotes when it holds a comma, a quote or a line break, quotes doubled. */
    private static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
