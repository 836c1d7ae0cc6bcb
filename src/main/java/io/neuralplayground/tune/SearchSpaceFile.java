package io.neuralplayground.tune;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.io.files.AtomicFiles;
import io.neuralplayground.io.files.IoErrors;
import io.neuralplayground.io.json.JsonProblems;
import io.neuralplayground.tune.LocatedNode.LocatedProblem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Search space files, JSON ({@code .json}) or YAML ({@code .yaml}, {@code .yml}), as docs/search-space-format.md
 * describes them. Read strictly: an unknown field, a value of the wrong kind or an impossible range is refused with
 * a message naming the file, the line and the hyperparameter. Written as JSON, atomically.
 */
public final class SearchSpaceFile {
    /** Refuses larger files before parsing them: a search space is a few hundred bytes. */
    static final long MAX_BYTES = 1 << 20;
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final JsonFactory YAML = YAMLFactory.builder().build();
    private static final Set<String> TOP_FIELDS = Set.of("objective", "direction", "hyperparameters");
    private static final Map<String, List<String>> FIELDS_BY_TYPE = Map.of(
            "choice", List.of("name", "type", "values", "when"),
            "int", List.of("name", "type", "min", "max", "step", "log", "when"),
            "float", List.of("name", "type", "min", "max", "step", "log", "when"),
            "fixed", List.of("name", "type", "value", "when"));

    private SearchSpaceFile() {
    }

    /**
     * Reads a search space file.
     *
     * @throws PlaygroundException "Cannot read FILE: line N: what is wrong", for a file that cannot be read, is not
     *     JSON or YAML, or does not describe a valid search space
     */
    public static SearchProblem read(Path file) {
        boolean yaml = isYaml(file);
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new PlaygroundException("Cannot read " + file + ": it is larger than " + MAX_BYTES
                        + " bytes, far more than a search space takes; is it the right file?");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PlaygroundException("Cannot read " + file + ": " + IoErrors.reason(e, file), e);
        } catch (UncheckedIOException e) {
            throw new PlaygroundException("Cannot read " + file + ": it is not UTF-8 text", e);
        }
        return parse(text, yaml, file.toString());
    }

    /**
     * Reads a search space from text; {@code source} names it in messages ("Cannot read SOURCE: …").
     *
     * @param yaml whether the text is YAML (JSON otherwise)
     */
    public static SearchProblem parse(String text, boolean yaml, String source) {
        try (JsonParser parser = (yaml ? YAML : JSON).createParser(text)) {
            LocatedNode root = LocatedNode.read(parser);
            if (!yaml && parser.nextToken() != null) {
                throw new LocatedProblem("more text after the end of the top-level object", parser
                        .currentTokenLocation().getLineNr());
            }
            return problem(root);
        } catch (LocatedProblem p) {
            throw new PlaygroundException("Cannot read " + source + ": " + (p.line > 0 ? "line " + p.line + ": " : "")
                    + p.getMessage(), p);
        } catch (JacksonException e) {
            throw new PlaygroundException("Cannot read " + source + ": " + (yaml ? yamlProblem(e)
                    : JsonProblems.describe(e)), e);
        } catch (IOException e) {
            throw new PlaygroundException("Cannot read " + source + ": " + IoErrors.reason(e, null), e);
        } catch (PlaygroundException e) {
            throw new PlaygroundException("Cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return true;
        }
        if (name.endsWith(".json")) {
            return false;
        }
        throw new PlaygroundException("Cannot read " + file + ": a search space file's name ends in .json, .yaml or "
                + ".yml, which says how to read it");
    }

    /** SnakeYAML's first line ("mapping values are not allowed here"), without its quoted excerpt of the file. */
    private static String yamlProblem(JacksonException e) {
        String where = JsonProblems.where(e);
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline).strip();
        return "not valid YAML" + (where.isEmpty() ? "" : " at " + where) + (first.isEmpty() ? "" : ": " + first);
    }

    private static SearchProblem problem(LocatedNode root) {
        if (!root.isObject()) {
            throw new LocatedProblem("the file holds " + root.kind() + ", not an object with \"objective\" and "
                    + "\"hyperparameters\"", root);
        }
        Map<String, LocatedNode> top = root.fields();
        refuseUnknown(top, TOP_FIELDS, "the top level", List.copyOf(new java.util.TreeSet<>(TOP_FIELDS)));
        LocatedNode objective = top.get("objective");
        if (objective == null) {
            throw new LocatedProblem("no \"objective\": name the metric to optimize, say \"objective\": "
                    + "\"val_loss\"", root);
        }
        String metric = text(objective, "\"objective\"");
        LocatedNode direction = top.get("direction");
        Goal goal;
        try {
            goal = direction == null ? Goal.of(metric)
                    : new Goal(metric, Goal.Direction.parse(text(direction, "\"direction\"")));
        } catch (LocatedProblem p) {
            throw p;
        } catch (PlaygroundException e) {
            throw new LocatedProblem(e.getMessage(), direction == null ? objective : direction);
        }
        LocatedNode list = top.get("hyperparameters");
        if (list == null) {
            throw new LocatedProblem("no \"hyperparameters\": list the hyperparameters to search", root);
        }
        if (!(list.value() instanceof List)) {
            throw new LocatedProblem("\"hyperparameters\" is " + list.kind() + ", not a list", list);
        }
        List<Hyperparameter> hyperparameters = new ArrayList<>();
        List<LocatedNode> items = list.items();
        for (int i = 0; i < items.size(); i++) {
            hyperparameters.add(hyperparameter(items.get(i), i));
        }
        try {
            return new SearchProblem(goal, new SearchSpace(hyperparameters));
        } catch (SearchSpaceException e) {
            throw new LocatedProblem(e.getMessage(), e.index() >= 0 ? items.get(e.index()) : list);
        }
    }

    private static Hyperparameter hyperparameter(LocatedNode node, int index) {
        String place = "hyperparameters[" + index + "]";
        if (!node.isObject()) {
            throw new LocatedProblem(place + " is " + node.kind() + ", not an object with \"name\" and \"type\"",
                    node);
        }
        Map<String, LocatedNode> f = node.fields();
        LocatedNode nameNode = f.get("name");
        if (nameNode == null) {
            throw new LocatedProblem(place + " has no \"name\"", node);
        }
        String name = text(nameNode, place + ".name");
        String about = "hyperparameter " + Values.show(name);
        LocatedNode typeNode = f.get("type");
        if (typeNode == null) {
            throw new LocatedProblem(about + " has no \"type\": choice, int, float or fixed", node);
        }
        String type = text(typeNode, about + ": \"type\"");
        List<String> known = FIELDS_BY_TYPE.get(type);
        if (known == null) {
            throw new LocatedProblem(about + ": type " + Values.show(type)
                    + " is none of choice, int, float, fixed", typeNode);
        }
        refuseUnknown(f, Set.copyOf(known), about + " (" + type + ")", known);
        Condition when = condition(f.get("when"), about);
        try {
            return switch (type) {
                case "choice" -> new Choice(name, scalars(required(node, "values", about), about + ": \"values\""),
                        when);
                case "fixed" -> new Fixed(name, scalar(required(node, "value", about), about + ": \"value\""), when);
                case "int" -> new IntRange(name, whole(required(node, "min", about), about, "min"),
                        whole(required(node, "max", about), about, "max"),
                        f.containsKey("step") ? whole(f.get("step"), about, "step") : 1,
                        flag(f.get("log"), about), when);
                default -> new FloatRange(name, number(required(node, "min", about), about, "min"),
                        number(required(node, "max", about), about, "max"),
                        f.containsKey("step") ? number(f.get("step"), about, "step") : 0,
                        flag(f.get("log"), about), when);
            };
        } catch (SearchSpaceException e) {
            throw new LocatedProblem(e.getMessage(), node);
        }
    }

    private static Condition condition(LocatedNode when, String about) {
        if (when == null) {
            return Condition.ALWAYS;
        }
        if (!when.isObject() || when.fields().isEmpty()) {
            throw new LocatedProblem(about + ": \"when\" is " + when.kind() + "; write the parent and its values, "
                    + "say \"when\": {\"layers\": [2, 3]}", when);
        }
        Map<String, List<Object>> requirements = new LinkedHashMap<>();
        for (Map.Entry<String, LocatedNode> e : when.fields().entrySet()) {
            LocatedNode values = e.getValue();
            String place = about + ": \"when\" " + Values.show(e.getKey());
            requirements.put(e.getKey(), values.value() instanceof List ? scalars(values, place)
                    : List.of(scalar(values, place)));
        }
        try {
            return new Condition(requirements);
        } catch (SearchSpaceException e) {
            throw new LocatedProblem(about + ": " + e.getMessage(), when);
        }
    }

    private static void refuseUnknown(Map<String, LocatedNode> fields, Set<String> known, String where,
            List<String> listed) {
        for (Map.Entry<String, LocatedNode> e : fields.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new LocatedProblem(where + ": unknown field " + Values.show(e.getKey()) + "; the fields here are "
                        + String.join(", ", listed), e.getValue());
            }
        }
    }

    private static LocatedNode required(LocatedNode entry, String field, String about) {
        LocatedNode n = entry.fields().get(field);
        if (n == null) {
            throw new LocatedProblem(about + " has no \"" + field + "\"", entry);
        }
        return n;
    }

    private static String text(LocatedNode n, String what) {
        if (!(n.value() instanceof String s)) {
            throw new LocatedProblem(what + " is " + n.kind() + ", not text", n);
        }
        return s;
    }

    private static Object scalar(LocatedNode n, String what) {
        Object v = n.value();
        if (v instanceof String || v instanceof Boolean || v instanceof Number) {
            try {
                return Values.normalize(v);
            } catch (IllegalArgumentException e) {
                throw new LocatedProblem(what + ": " + e.getMessage(), n);
            }
        }
        throw new LocatedProblem(what + " is " + n.kind() + ", not text, a number or a boolean", n);
    }

    private static List<Object> scalars(LocatedNode n, String what) {
        if (!(n.value() instanceof List)) {
            throw new LocatedProblem(what + " is " + n.kind() + ", not a list", n);
        }
        List<Object> values = new ArrayList<>();
        for (LocatedNode item : n.items()) {
            values.add(scalar(item, what));
        }
        return values;
    }

    private static double number(LocatedNode n, String about, String field) {
        if (!(n.value() instanceof Number v) || !Double.isFinite(v.doubleValue())) {
            throw new LocatedProblem(about + ": \"" + field + "\" is " + n.kind() + ", not a finite number", n);
        }
        return v.doubleValue();
    }

    private static int whole(LocatedNode n, String about, String field) {
        Object v = n.value();
        if (v instanceof Number num && Values.isWhole((Number) Values.normalize(num))) {
            long l = num.longValue();
            if (l == (int) l) {
                return (int) l;
            }
        }
        throw new LocatedProblem(about + ": \"" + field + "\" is " + (v instanceof Number ? Values.show(v) : n.kind())
                + ", not a whole number (an int range takes whole numbers; use type float for others)", n);
    }

    private static boolean flag(LocatedNode n, String about) {
        if (n == null) {
            return false;
        }
        if (!(n.value() instanceof Boolean b)) {
            throw new LocatedProblem(about + ": \"log\" is " + n.kind() + ", not true or false", n);
        }
        return b;
    }

    /** Writes {@code problem} as a JSON search space file, atomically. */
    public static void write(Path file, SearchProblem problem) {
        String text = toJson(problem);
        AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The JSON {@link #write} writes: one hyperparameter a line, fields in the order the format lists them. */
    public static String toJson(SearchProblem problem) {
        StringWriter text = new StringWriter();
        try (JsonGenerator gen = JSON.createGenerator(text)) {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"));
            gen.setPrettyPrinter(pretty);
            gen.writeStartObject();
            gen.writeStringField("objective", problem.goal().metric());
            gen.writeStringField("direction", problem.goal().direction().word());
            gen.writeArrayFieldStart("hyperparameters");
            for (Hyperparameter h : problem.space().hyperparameters()) {
                writeHyperparameter(gen, h);
            }
            gen.writeEndArray();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text + "\n";
    }

    private static void writeHyperparameter(JsonGenerator gen, Hyperparameter h) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", h.name());
        if (h instanceof Choice c) {
            gen.writeStringField("type", "choice");
            gen.writeArrayFieldStart("values");
            for (Object v : c.values()) {
                writeValue(gen, v);
            }
            gen.writeEndArray();
        } else if (h instanceof Fixed f) {
            gen.writeStringField("type", "fixed");
            gen.writeFieldName("value");
            writeValue(gen, f.value());
        } else if (h instanceof IntRange r) {
            gen.writeStringField("type", "int");
            gen.writeNumberField("min", r.min());
            gen.writeNumberField("max", r.max());
            if (r.step() != 1) {
                gen.writeNumberField("step", r.step());
            }
            if (r.log()) {
                gen.writeBooleanField("log", true);
            }
        } else if (h instanceof FloatRange r) {
            gen.writeStringField("type", "float");
            gen.writeNumberField("min", r.min());
            gen.writeNumberField("max", r.max());
            if (r.hasStep()) {
                gen.writeNumberField("step", r.step());
            }
            if (r.log()) {
                gen.writeBooleanField("log", true);
            }
        }
        if (!h.condition().isAlways()) {
            gen.writeObjectFieldStart("when");
            for (Map.Entry<String, List<Object>> e : h.condition().requirements().entrySet()) {
                gen.writeArrayFieldStart(e.getKey());
                for (Object v : e.getValue()) {
                    writeValue(gen, v);
                }
                gen.writeEndArray();
            }
            gen.writeEndObject();
        }
        gen.writeEndObject();
    }

    static void writeValue(JsonGenerator gen, Object v) throws IOException {
        if (v instanceof String s) {
            gen.writeString(s);
        } else if (v instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (v instanceof Integer i) {
            gen.writeNumber(i);
        } else if (v instanceof Long l) {
            gen.writeNumber(l);
        } else {
            gen.writeNumber(((Number) v).doubleValue());
        }
    }
}
