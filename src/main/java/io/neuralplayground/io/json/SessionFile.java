package io.neuralplayground.io.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelLimits;
import io.neuralplayground.io.files.AtomicFiles;
import io.neuralplayground.io.files.IoErrors;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Session files: JSON, format "neural-playground-session", version 1, documented in docs/session-format.md.
 * Written atomically; read strictly, every problem named with the file and where in it.
 */
public final class SessionFile {
    public static final String FORMAT = "neural-playground-session";
    public static final int VERSION = 1;
    /** Refuses files beyond this before parsing them (a session of a playground network is a few megabytes). */
    static final long MAX_BYTES = 256L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SessionFile() {
    }

    /**
     * Whether {@code file} says it is a session file: a JSON object whose top-level "format" is a session's. Only
     * the fields before "format" are read (it comes first in the files written here), so that telling a session
     * from a model costs nothing beside reading it; a session damaged further on is then refused as a session,
     * with the reason. False for anything else, unreadable files included.
     */
    public static boolean isSessionFile(Path file) {
        try (JsonParser parser = JSON.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("format".equals(name)) {
                    return value == JsonToken.VALUE_STRING && FORMAT.equals(parser.getText());
                }
                parser.skipChildren();
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static void write(Path file, SessionDocument document) {
        String text = toJson(document);
        AtomicFiles.write(file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * The text {@link #write} writes, in the model file's layout (two-space indents, each array of numbers on one
     * line): the model inside is written by the model file's own writer, so it reads exactly like a model file.
     */
    public static String toJson(SessionDocument d) {
        ModelLimits.requireFinite(d.model());
        StringWriter text = new StringWriter();
        try (JsonGenerator gen = JSON.getFactory().createGenerator(text)) {
            gen.setPrettyPrinter(ModelJsonWriter.prettyPrinter());
            gen.writeStartObject();
            gen.writeStringField("format", FORMAT);
            gen.writeNumberField("version", VERSION);
            gen.writeFieldName("settings");
            writeTree(gen, JSON.valueToTree(d.settings()));
            gen.writeFieldName("model");
            ModelJsonWriter.writeObject(d.model(), gen);
            gen.writeArrayFieldStart("frozen");
            for (List<int[]> layer : d.frozen()) {
                gen.writeStartArray();
                for (int[] link : layer) {
                    gen.writeRawValue(integers(link));
                }
                gen.writeEndArray();
            }
            gen.writeEndArray();
            writeProgress(gen, d.progress());
            writeHistory(gen, d.history());
            SessionDocument.View v = d.view();
            gen.writeObjectFieldStart("view");
            gen.writeBooleanField("show_test_data", v.showTestData());
            gen.writeBooleanField("discretize", v.discretize());
            gen.writeBooleanField("log_scale", v.logScale());
            if (!v.plotAxes().isEmpty()) {
                gen.writeArrayFieldStart("plot_axes");
                for (String axis : v.plotAxes()) {
                    gen.writeString(axis);
                }
                gen.writeEndArray();
            }
            gen.writeEndObject();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string failed", e);
        }
        return text + "\n";
    }

    private static void writeProgress(JsonGenerator gen, SessionDocument.Progress p) throws IOException {
        gen.writeObjectFieldStart("progress");
        gen.writeNumberField("epoch", p.epoch());
        gen.writeStringField("shuffle_state", Long.toHexString(p.shuffleState()));
        gen.writeFieldName("order");
        gen.writeRawValue(integers(p.order()));
        gen.writeStringField("optimizer", p.optimizer());
        gen.writeNumberField("optimizer_steps", p.optimizerSteps());
        gen.writeArrayFieldStart("optimizer_slots");
        for (double[][] slot : p.optimizerSlots()) {
            writeFiniteArrays(gen, slot, "the optimizer's memory");
        }
        gen.writeEndArray();
        gen.writeNumberField("carried_examples", p.carriedExamples());
        gen.writeFieldName("carried_gradient");
        writeFiniteArrays(gen, p.carriedGradient(), "the carried gradient");
        gen.writeEndObject();
    }

    private static void writeHistory(JsonGenerator gen, SessionDocument.History h) throws IOException {
        gen.writeObjectFieldStart("history");
        gen.writeFieldName("epoch");
        gen.writeRawValue(integers(h.epochs()));
        gen.writeFieldName("train_loss");
        gen.writeRawValue(numbersOrNull(h.trainLoss()));
        gen.writeFieldName("test_loss");
        gen.writeRawValue(numbersOrNull(h.testLoss()));
        gen.writeFieldName("train_accuracy");
        gen.writeRawValue(numbersOrNull(h.trainAccuracy()));
        gen.writeFieldName("test_accuracy");
        gen.writeRawValue(numbersOrNull(h.testAccuracy()));
        gen.writeFieldName("validation_loss");
        gen.writeRawValue(numbersOrNull(h.validationLoss()));
        gen.writeFieldName("validation_accuracy");
        gen.writeRawValue(numbersOrNull(h.validationAccuracy()));
        gen.writeEndObject();
    }

    /** Each of {@code values} as an array of numbers on its line; {@code what} names them if one is not finite. */
    private static void writeFiniteArrays(JsonGenerator gen, double[][] values, String what) throws IOException {
        gen.writeStartArray();
        for (double[] row : values) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new PlaygroundException("Cannot save the session: " + what + " holds " + v);
                }
            }
            gen.writeRawValue(ModelJsonWriter.numbers(row));
        }
        gen.writeEndArray();
    }

    /** A tree in the model file's layout: objects one field per line, an array of plain values on one line. */
    private static void writeTree(JsonGenerator gen, JsonNode node) throws IOException {
        if (node.isObject()) {
            gen.writeStartObject();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                gen.writeFieldName(field.getKey());
                writeTree(gen, field.getValue());
            }
            gen.writeEndObject();
        } else if (node.isArray() && !node.isEmpty() && node.valueStream().allMatch(JsonNode::isValueNode)) {
            StringBuilder sb = new StringBuilder().append('[');
            for (int i = 0; i < node.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(node.get(i).toString());
            }
            gen.writeRawValue(sb.append(']').toString());
        } else if (node.isArray()) {
            gen.writeStartArray();
            for (JsonNode element : node) {
                writeTree(gen, element);
            }
            gen.writeEndArray();
        } else {
            JSON.writeTree(gen, node);
        }
    }

    /** {@code [1, 2, 3]}. */
    private static String integers(int[] values) {
        StringBuilder sb = new StringBuilder().append('[');
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return sb.append(']').toString();
    }

    /**
     * Like {@link ModelJsonWriter#numbers}, with null for a value that was not finite (a diverged epoch's loss, the
     * test loss without test data, regression's accuracy).
     */
    private static String numbersOrNull(double[] values) {
        StringBuilder sb = new StringBuilder().append('[');
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(Double.isFinite(values[i]) ? Double.toString(values[i]) : "null");
        }
        return sb.append(']').toString();
    }

    /** Reads a session file; anything wrong is a {@link PlaygroundException} naming the file and the place. */
    public static SessionDocument read(Path file) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new PlaygroundException(name + ": too large for a session file (" + size + " bytes)");
            }
            return fromJson(Files.readString(file), name);
        } catch (IOException e) {
            throw new PlaygroundException("Cannot read " + name + ": " + IoErrors.reason(e, file), e);
        }
    }

    /** Reads a session from its JSON text; {@code source} names it in messages. */
    public static SessionDocument fromJson(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new PlaygroundException(source + ": " + JsonProblems.describe(e), e);
        }
        Reader r = new Reader(source);
        if (root == null || !root.isObject()) {
            throw r.fail("", "a session file is a JSON object {\"format\": \"" + FORMAT + "\", …}");
        }
        JsonNode format = root.get("format");
        if (format == null || !FORMAT.equals(format.asText(null))) {
            throw r.fail("format", "not a session file (format " + (format == null ? "missing" : format)
                    + ", expected \"" + FORMAT + "\")");
        }
        int version = r.integer(root, "version");
        if (version > VERSION) {
            throw r.fail("version", "written by a newer Neural Playground (version " + version + "; this one reads "
                    + VERSION + ")");
        }
        if (version < 1) {
            throw r.fail("version", "must be 1, got " + version);
        }
        Map<String, Object> settings = r.object(root, "settings");
        JsonNode modelNode = r.require(root, "model");
        Model model = ModelFile.fromTree(modelNode, source + " (model)");
        List<List<int[]>> frozen = r.frozen(root, model);
        SessionDocument.Progress progress = r.progress(r.require(root, "progress"));
        SessionDocument.History history = r.history(r.require(root, "history"));
        return new SessionDocument(settings, model, frozen, progress, history, r.view(root));
    }

    /** Strict reading of the tree, with messages that say where. */
    private static final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        PlaygroundException fail(String path, String problem) {
            return new PlaygroundException(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
        }

        JsonNode require(JsonNode parent, String field) {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                throw fail(field, "missing");
            }
            return node;
        }

        int integer(JsonNode parent, String field) {
            JsonNode node = require(parent, field);
            if (!node.canConvertToInt() || !node.isIntegralNumber()) {
                throw fail(field, "must be a whole number, got " + node);
            }
            return node.intValue();
        }

        long longValue(JsonNode parent, String field) {
            JsonNode node = require(parent, field);
            if (!node.canConvertToLong() || !node.isIntegralNumber()) {
                throw fail(field, "must be a whole number, got " + node);
            }
            return node.longValue();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object(JsonNode parent, String field) {
            JsonNode node = require(parent, field);
            if (!node.isObject()) {
                throw fail(field, "must be an object");
            }
            return JSON.convertValue(node, LinkedHashMap.class);
        }

        /** The "view" object; files written before it existed show the session as a new window would. */
        SessionDocument.View view(JsonNode root) {
            JsonNode node = root.get("view");
            if (node == null || node.isNull()) {
                return SessionDocument.View.DEFAULT;
            }
            if (!node.isObject()) {
                throw fail("view", "must be an object");
            }
            JsonNode axes = node.get("plot_axes");
            List<String> plotAxes = new ArrayList<>();
            if (axes != null && !axes.isNull()) {
                if (!axes.isArray() || axes.size() != 2 || !axes.get(0).isTextual() || !axes.get(1).isTextual()) {
                    throw fail("view.plot_axes", "must be two column names, [across, up]");
                }
                plotAxes.add(axes.get(0).asText());
                plotAxes.add(axes.get(1).asText());
            }
            return new SessionDocument.View(flag(node, "show_test_data"), flag(node, "discretize"),
                    flag(node, "log_scale"), plotAxes);
        }

        /** A true/false field of the view; absent is false. */
        private boolean flag(JsonNode view, String field) {
            JsonNode node = view.get(field);
            if (node == null || node.isNull()) {
                return false;
            }
            if (!node.isBoolean()) {
                throw fail("view." + field, "must be true or false, got " + node);
            }
            return node.booleanValue();
        }

        List<List<int[]>> frozen(JsonNode root, Model model) {
            List<List<int[]>> layers = new ArrayList<>();
            JsonNode node = root.get("frozen");
            int depth = model.network().depth();
            if (node == null || node.isNull()) {
                for (int l = 0; l < depth; l++) {
                    layers.add(List.of());
                }
                return layers;
            }
            if (!node.isArray() || node.size() != depth) {
                throw fail("frozen", "must list the frozen links of each of the " + depth + " layers");
            }
            for (int l = 0; l < depth; l++) {
                JsonNode links = node.get(l);
                if (!links.isArray()) {
                    throw fail("frozen[" + l + "]", "must be a list of [input, unit] pairs");
                }
                var layer = model.network().layer(l);
                List<int[]> pairs = new ArrayList<>();
                for (int k = 0; k < links.size(); k++) {
                    JsonNode pair = links.get(k);
                    String where = "frozen[" + l + "][" + k + "]";
                    if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isInt() || !pair.get(1).isInt()) {
                        throw fail(where, "must be a pair [input, unit]");
                    }
                    int i = pair.get(0).intValue();
                    int j = pair.get(1).intValue();
                    if (i < 0 || i >= layer.inputs() || j < 0 || j >= layer.units()) {
                        throw fail(where, "[" + i + ", " + j + "] is not a link of layer " + l + " ("
                                + layer.inputs() + " inputs × " + layer.units() + " units)");
                    }
                    pairs.add(new int[] {i, j});
                }
                layers.add(pairs);
            }
            return layers;
        }

        SessionDocument.Progress progress(JsonNode p) {
            int epoch = integer(p, "epoch");
            if (epoch < 0) {
                throw fail("progress.epoch", "must be 0 or more, got " + epoch);
            }
            JsonNode stateNode = require(p, "shuffle_state");
            long shuffle;
            try {
                shuffle = Long.parseUnsignedLong(stateNode.asText(), 16);
            } catch (NumberFormatException e) {
                throw fail("progress.shuffle_state", "must be a hexadecimal number, got " + stateNode);
            }
            int[] order = ints(require(p, "order"), "progress.order", "a list of example indices");
            JsonNode optimizerNode = require(p, "optimizer");
            if (!optimizerNode.isTextual()) {
                throw fail("progress.optimizer", "must be a name");
            }
            long steps = longValue(p, "optimizer_steps");
            JsonNode slotsNode = require(p, "optimizer_slots");
            if (!slotsNode.isArray()) {
                throw fail("progress.optimizer_slots", "must be a list");
            }
            double[][][] slots = new double[slotsNode.size()][][];
            for (int s = 0; s < slots.length; s++) {
                slots[s] = arrays(slotsNode.get(s), "progress.optimizer_slots[" + s + "]");
            }
            // Files written before leftover examples could be carried have neither field: nothing is carried.
            int carried = 0;
            double[][] gradient = new double[0][];
            if (p.has("carried_examples") || p.has("carried_gradient")) {
                carried = integer(p, "carried_examples");
                if (carried < 0) {
                    throw fail("progress.carried_examples", "must be 0 or more, got " + carried);
                }
                gradient = arrays(require(p, "carried_gradient"), "progress.carried_gradient");
                if ((carried == 0) != (gradient.length == 0)) {
                    throw fail("progress.carried_gradient", carried == 0
                            ? "must be empty when no example is carried" : "is empty but " + carried
                            + " examples are carried");
                }
            }
            return new SessionDocument.Progress(epoch, order, shuffle, optimizerNode.asText(), steps, slots, carried,
                    gradient);
        }

        /** A list of lists of finite numbers. */
        double[][] arrays(JsonNode node, String path) {
            if (!node.isArray()) {
                throw fail(path, "must be a list of arrays");
            }
            double[][] values = new double[node.size()][];
            for (int k = 0; k < values.length; k++) {
                values[k] = numbers(node.get(k), path + "[" + k + "]", false);
            }
            return values;
        }

        SessionDocument.History history(JsonNode h) {
            int[] epochs = ints(require(h, "epoch"), "history.epoch", "a list");
            double[] train = numbers(require(h, "train_loss"), "history.train_loss", true);
            double[] test = numbers(require(h, "test_loss"), "history.test_loss", true);
            if (train.length != epochs.length || test.length != epochs.length) {
                throw fail("history", "epoch, train_loss and test_loss must have the same length");
            }
            // Files written before accuracies were kept have neither column: their accuracies are unknown.
            double[] trainAccuracy = new double[epochs.length];
            double[] testAccuracy = new double[epochs.length];
            Arrays.fill(trainAccuracy, Double.NaN);
            Arrays.fill(testAccuracy, Double.NaN);
            if (h.has("train_accuracy") || h.has("test_accuracy")) {
                trainAccuracy = accuracies(h, "train_accuracy", "test_accuracy");
                testAccuracy = accuracies(h, "test_accuracy", "train_accuracy");
                if (trainAccuracy.length != epochs.length || testAccuracy.length != epochs.length) {
                    throw fail("history", "train_accuracy and test_accuracy must have as many entries as epoch ("
                            + epochs.length + ")");
                }
            }
            // Files written before validation data existed have neither validation column.
            double[] validationLoss = nans(epochs.length);
            double[] validationAccuracy = nans(epochs.length);
            if (h.has("validation_loss") || h.has("validation_accuracy")) {
                validationLoss = numbers(require(h, "validation_loss"), "history.validation_loss", true);
                validationAccuracy = accuracies(h, "validation_accuracy", "validation_loss");
                if (validationLoss.length != epochs.length || validationAccuracy.length != epochs.length) {
                    throw fail("history", "validation_loss and validation_accuracy must have as many entries as"
                            + " epoch (" + epochs.length + ")");
                }
            }
            return new SessionDocument.History(epochs, train, test, trainAccuracy, testAccuracy, validationLoss,
                    validationAccuracy);
        }

        private static double[] nans(int n) {
            double[] values = new double[n];
            Arrays.fill(values, Double.NaN);
            return values;
        }

        /** The history's column {@code field}: fractions from 0 to 1 (null for none); it comes with {@code other}. */
        private double[] accuracies(JsonNode history, String field, String other) {
            String path = "history." + field;
            JsonNode node = history.get(field);
            if (node == null || node.isNull()) {
                throw fail(path, "missing (it comes with history." + other + ")");
            }
            double[] values = numbers(node, path, true);
            for (int i = 0; i < values.length; i++) {
                if (values[i] < 0 || values[i] > 1) {
                    throw fail(path + "[" + i + "]", "must be a fraction from 0 to 1 (or null), got " + values[i]);
                }
            }
            return values;
        }

        /** A list of whole numbers; {@code what} says what the list must be ("a list of example indices"). */
        int[] ints(JsonNode node, String path, String what) {
            if (!node.isArray()) {
                throw fail(path, "must be " + what);
            }
            int[] values = new int[node.size()];
            for (int i = 0; i < values.length; i++) {
                if (!node.get(i).isInt()) {
                    throw fail(path + "[" + i + "]", "must be a whole number");
                }
                values[i] = node.get(i).intValue();
            }
            return values;
        }

        /** A list of numbers; null stands for NaN where {@code nullable}. */
        double[] numbers(JsonNode node, String path, boolean nullable) {
            if (!node.isArray()) {
                throw fail(path, "must be a list of numbers");
            }
            double[] values = new double[node.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode v = node.get(i);
                if (v.isNull() && nullable) {
                    values[i] = Double.NaN;
                } else if (v.isNumber() && Double.isFinite(v.doubleValue())) {
                    values[i] = v.doubleValue();
                } else {
                    throw fail(path + "[" + i + "]", "must be a finite number, got " + v);
                }
            }
            return values;
        }
    }
}
