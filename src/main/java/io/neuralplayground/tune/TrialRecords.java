package io.neuralplayground.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralplayground.PlaygroundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A finished trial as one JSON file of the results folder (docs/search-space-format.md, "Results folder"):
 * <pre>
 * {"number": 7, "status": "completed", "value": 0.1234,
 *  "hyperparameters": {"layers": 2, "learning_rate": 0.01},
 *  "seed": -4821…, "epochs": 9, "initial_epoch": 3, "parent": 4, "bracket": 2, "round": 1,
 *  "epochs_run": 9, "history": [{"loss": 0.52, "val_loss": 0.61}, …], "error": null, "elapsed_ms": 1234}
 * </pre>
 * Numbers JSON cannot hold (NaN, ±Infinity: a diverged loss) are written as the strings "NaN", "Infinity",
 * "-Infinity" and read back as the numbers. Parent, bracket and round are present for Hyperband trials only.
 */
final class TrialRecords {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TrialRecords() {
    }

    static String toJson(TrialResult r) {
        Trial t = r.trial();
        ObjectNode o = NODES.objectNode();
        o.put("number", t.number());
        o.put("status", r.status().name().toLowerCase(Locale.ROOT));
        o.set("value", number(r.value()));
        ObjectNode params = o.putObject("hyperparameters");
        t.parameters().asMap().forEach((k, v) -> params.set(k, value(v)));
        o.put("seed", t.seed());
        o.put("epochs", t.epochs());
        o.put("initial_epoch", t.initialEpoch());
        t.parent().ifPresent(p -> o.put("parent", p));
        t.bracket().ifPresent(b -> o.put("bracket", b));
        t.round().ifPresent(i -> o.put("round", i));
        o.put("epochs_run", r.epochsRun());
        ArrayNode history = o.putArray("history");
        for (Map<String, Double> epoch : r.history()) {
            ObjectNode e = history.addObject();
            epoch.forEach((k, v) -> e.set(k, number(v)));
        }
        if (r.error() != null) {
            o.put("error", r.error());
        } else {
            o.putNull("error");
        }
        o.put("elapsed_ms", r.elapsedMillis());
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e); // a tree of plain values always writes
        }
    }

    private static JsonNode number(double d) {
        if (Double.isFinite(d)) {
            return NODES.numberNode(d);
        }
        return NODES.textNode(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    }

    private static JsonNode value(Object v) {
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        return NODES.numberNode(((Number) v).doubleValue());
    }

    /**
     * @throws PlaygroundException naming {@code source} and the field, for a record that is not one
     */
    static TrialResult fromJson(String text, String source) {
        try {
            JsonNode o = JSON.readTree(text);
            if (o == null || !o.isObject()) {
                throw problem(source, "it holds no JSON object");
            }
            Map<String, Object> params = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : require(o, "hyperparameters", source).properties()) {
                JsonNode v = e.getValue();
                params.put(e.getKey(), v.isTextual() ? v.asText() : v.isBoolean() ? v.asBoolean()
                        : v.isIntegralNumber() ? (Object) v.numberValue() : (Object) v.asDouble());
            }
            Trial trial = Trial.restore(require(o, "number", source).asInt(), new Parameters(params),
                    require(o, "seed", source).asLong(), require(o, "epochs", source).asInt(),
                    o.path("initial_epoch").asInt(0), o.path("parent").asInt(-1), o.path("bracket").asInt(-1),
                    o.path("round").asInt(-1));
            TrialResult.Status status = TrialResult.Status.valueOf(
                    require(o, "status", source).asText().toUpperCase(Locale.ROOT));
            List<Map<String, Double>> history = new ArrayList<>();
            for (JsonNode epoch : o.path("history")) {
                Map<String, Double> m = new LinkedHashMap<>();
                epoch.properties().forEach(e -> m.put(e.getKey(), asDouble(e.getValue())));
                history.add(m);
            }
            JsonNode error = o.path("error");
            return new TrialResult(trial, status, asDouble(o.path("value")), history,
                    o.path("epochs_run").asInt(history.size()), error.isTextual() ? error.asText() : null,
                    o.path("elapsed_ms").asLong(0));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw problem(source, io.neuralplayground.io.json.JsonProblems.describe(e));
        } catch (IllegalArgumentException e) {
            throw problem(source, "it is not a trial record (" + e.getMessage() + ")");
        }
    }

    private static JsonNode require(JsonNode o, String field, String source) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw problem(source, "it has no \"" + field + "\"");
        }
        return v;
    }

    private static double asDouble(JsonNode v) {
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
        }
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static PlaygroundException problem(String source, String what) {
        return new PlaygroundException("Cannot read the trial record " + source + ": " + what
                + "; delete it to run that trial again");
    }
}
