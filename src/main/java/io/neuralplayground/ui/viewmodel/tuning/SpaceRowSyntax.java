package io.neuralplayground.ui.viewmodel.tuning;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.tune.Choice;
import io.neuralplayground.tune.Condition;
import io.neuralplayground.tune.Fixed;
import io.neuralplayground.tune.FloatRange;
import io.neuralplayground.tune.Hyperparameter;
import io.neuralplayground.tune.IntRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The short text a row of the Tuning tab's search space is written in, and back:
 * <ul>
 *   <li>{@code relu, tanh, sigmoid} — a choice (an item with a comma in it goes in double quotes:
 *       {@code "x1,x2", all});</li>
 *   <li>{@code 1..3}, {@code 2..8 step 2} — an int range; {@code 0.0001..1.0 log} — a float range, log-uniform
 *       (a bound with a decimal point or an exponent makes the range a float one);</li>
 *   <li>a single value — fixed;</li>
 *   <li>the row's condition: {@code layers = 2, 3}, several parents separated by {@code ;}.</li>
 * </ul>
 * It says the same as a search space file (docs/search-space-format.md), so a file opened in the tab shows as rows
 * and the rows save as that file.
 */
public final class SpaceRowSyntax {
    private static final Pattern RANGE = Pattern.compile(
            "\\s*(\\S+?)\\s*(?:\\.\\.|…)\\s*(\\S+?)(?:\\s+step\\s+(\\S+))?(\\s+log)?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");

    private SpaceRowSyntax() {
    }

    /**
     * The hyperparameter a row says.
     *
     * @throws PlaygroundException naming the hyperparameter and what is wrong with its text
     */
    public static Hyperparameter parse(String name, String values, String when) {
        if (name == null || name.isBlank()) {
            throw new PlaygroundException("a row has no hyperparameter name");
        }
        String text = values == null ? "" : values.trim();
        if (text.isEmpty()) {
            throw problem(name, "no values: write a list (relu, tanh), a range (1..3, "
                    + "0.001..1.0 log) or one value");
        }
        Hyperparameter h = text.startsWith("\"") ? choiceOrFixed(name, text) : rangeOrChoice(name, text);
        Condition condition = condition(name, when);
        return condition.isAlways() ? h : h.onlyWhen(condition);
    }

    private static Hyperparameter rangeOrChoice(String name, String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            if ((text.contains("..") || text.contains("…")) && !text.contains("\"")) {
                // "2..8 step2" or "1..3, 5" read as text would fail in every trial: say so on the row instead.
                throw problem(name, "\"" + text + "\" is not a range: write min..max, then step s and/or log, "
                        + "e.g. 2..8 step 2 or 0.001..1.0 log");
            }
            return choiceOrFixed(name, text);
        }
        String min = m.group(1);
        String max = m.group(2);
        String step = m.group(3);
        boolean log = m.group(4) != null;
        if (WHOLE.matcher(min).matches() && WHOLE.matcher(max).matches()
                && (step == null || WHOLE.matcher(step).matches())) {
            IntRange r = new IntRange(name, wholeNumber(name, min), wholeNumber(name, max),
                    step == null ? 1 : wholeNumber(name, step), log, Condition.ALWAYS);
            return r;
        }
        double floatStep = step == null ? 0 : number(name, step);
        if (step != null && !(floatStep > 0)) {
            throw problem(name, "the step " + step + " is not positive: leave it out for a continuous range");
        }
        return new FloatRange(name, number(name, min), number(name, max), floatStep, log, Condition.ALWAYS);
    }

    private static Hyperparameter choiceOrFixed(String name, String text) {
        List<Object> items = items(name, text).stream().map(SpaceRowSyntax::value).toList();
        return items.size() == 1 ? new Fixed(name, items.get(0), Condition.ALWAYS)
                : new Choice(name, items, Condition.ALWAYS);
    }

    /** Comma-separated items, double quotes around an item that holds a comma. */
    static List<String> items(String name, String text) {
        List<String> items = new ArrayList<>();
        StringBuilder item = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                wasQuoted = true;
            } else if (c == ',' && !quoted) {
                add(name, items, item, wasQuoted);
                item.setLength(0);
                wasQuoted = false;
            } else {
                item.append(c);
            }
        }
        if (quoted) {
            throw problem(name, "a double quote is not closed in " + text);
        }
        add(name, items, item, wasQuoted);
        return items;
    }

    private static void add(String name, List<String> items, StringBuilder item, boolean quoted) {
        String s = quoted ? item.toString() : item.toString().trim();
        if (s.isEmpty() && !quoted) {
            throw problem(name, "an empty item in the list: write a value between the commas");
        }
        // A quoted item stays text (a leading quote marks it, see value()).
        items.add(quoted ? "\"" + s : s);
    }

    /** An item as a value: a whole number, a number, true/false, or text (a quoted item is always text). */
    private static Object value(String item) {
        if (item.startsWith("\"")) {
            return item.substring(1);
        }
        if (WHOLE.matcher(item).matches()) {
            try {
                return Integer.parseInt(item);
            } catch (NumberFormatException e) {
                return item;
            }
        }
        if (item.equalsIgnoreCase("true") || item.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(item);
        }
        try {
            double d = Double.parseDouble(item);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // text
        }
        return item;
    }

    private static int wholeNumber(String name, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw problem(name, text + " is too large a whole number");
        }
    }

    private static double number(String name, String text) {
        try {
            double d = Double.parseDouble(text);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw problem(name, "\"" + text + "\" is not a number; a range is written min..max, "
                + "e.g. 0.001..1.0 log");
    }

    /**
     * A row's condition: {@code layers = 2, 3; optimizer = sgd}; blank for always.
     *
     * @throws PlaygroundException when a part has no {@code =} or lists no value
     */
    static Condition condition(String name, String when) {
        if (when == null || when.isBlank()) {
            return Condition.ALWAYS;
        }
        Map<String, List<Object>> requirements = new LinkedHashMap<>();
        for (String part : when.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw problem(name, "the condition \"" + part.trim() + "\" is not written "
                        + "parent = values, e.g. layers = 2, 3");
            }
            String parent = part.substring(0, eq).trim();
            List<Object> values = items(name, part.substring(eq + 1).trim()).stream().map(SpaceRowSyntax::value)
                    .toList();
            if (requirements.put(parent, values) != null) {
                throw problem(name, "the condition names " + parent + " twice: list all its values once, e.g. "
                        + parent + " = 2, 3");
            }
        }
        return requirements.isEmpty() ? Condition.ALWAYS : new Condition(requirements);
    }

    /** A hyperparameter's values as a row writes them. */
    public static String values(Hyperparameter h) {
        if (h instanceof Choice c) {
            return c.values().stream().map(SpaceRowSyntax::show).collect(Collectors.joining(", "));
        }
        if (h instanceof Fixed f) {
            return show(f.value());
        }
        if (h instanceof IntRange r) {
            return r.min() + ".." + r.max() + (r.step() != 1 ? " step " + r.step() : "") + (r.log() ? " log" : "");
        }
        FloatRange r = (FloatRange) h;
        return decimal(r.min()) + ".." + decimal(r.max()) + (r.hasStep() ? " step " + decimal(r.step()) : "")
                + (r.log() ? " log" : "");
    }

    /** A hyperparameter's condition as a row writes it, blank when always active. */
    public static String when(Hyperparameter h) {
        return h.condition().requirements().entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue().stream().map(SpaceRowSyntax::show)
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    private static String show(Object v) {
        if (v instanceof Double d) {
            return decimal(d);
        }
        String s = String.valueOf(v);
        // Text that would read back as something else (a number, a list) is quoted.
        return v instanceof String && (s.contains(",") || !(value(s) instanceof String) || s.isBlank()
                || s.contains("..") || s.startsWith("\"")) ? "\"" + s + "\"" : s;
    }

    private static PlaygroundException problem(String name, String what) {
        return new PlaygroundException("hyperparameter \"" + name + "\": " + what);
    }

    /** A double that reads back as a double: a decimal point always, no exponent. */
    static String decimal(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%d.0", (long) d);
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
}
