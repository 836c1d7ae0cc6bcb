package io.neuralplayground.io.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.JsonPath;
import io.neuralplayground.io.JsonValues;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelLimits;
import java.io.CharConversionException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one model file from a parser and checks everything in it, so that a model it returns is one the engine
 * can run and every problem is reported as a {@link PlaygroundException} naming the file, the place in it
 * ({@code layers[1].kernel[0][2]}, line and column) and what is wrong.
 *
 * <p>The file is streamed: weights go straight into {@code double} arrays, never into a tree of boxed nodes, and
 * sizes are checked while they are counted, so a huge or hostile file is refused before it can exhaust memory.
 *
 * <p>Which problem is reported: JSON object fields come in any order, and a file of another kind or of a newer
 * version would show many problems that are only consequences. So a problem inside a field is remembered, the
 * rest of that field skipped, and reading goes on; at the end a wrong {@code format}, then a wrong
 * {@code version}, then the first problem met, in that order, is reported.
 */
final class ModelJsonReader {
    /** Sizes beyond which a file is refused; tests use smaller ones to reach them cheaply. */
    record Limits(int maxWidth, long maxParameters, int maxLayers) {
        static final Limits DEFAULT = new Limits(ModelLimits.MAX_WIDTH, ModelLimits.MAX_PARAMETERS, ModelLimits.MAX_LAYERS);
    }

    private static final int MAX_NUMBER_SHOWN = 40;

    private final JsonParser parser;
    private final String source;
    private final Limits limits;

    /** Where "format" is, null until it is read; its value when it is a string; what it is for messages. */
    private JsonLocation formatAt;
    private String format;
    private String formatFound;
    /** Where "version" is, null until it is read; its value when it is a whole number; what it is otherwise. */
    private JsonLocation versionAt;
    private BigInteger version;
    private String versionFound;
    private List<String> inputs;
    private List<RawLayer> layers;
    private final Map<String, Object> extras = new LinkedHashMap<>();
    private Problem firstProblem;
    private long parameters;

    private ModelJsonReader(JsonParser parser, String source, Limits limits) {
        this.parser = parser;
        this.source = source;
        this.limits = limits;
    }

    /**
     * Reads the model {@code parser} is positioned before.
     *
     * @param source the file's name for messages
     * @throws PlaygroundException for anything wrong in the content
     * @throws IOException         when the underlying stream fails (not for bad content)
     */
    static Model read(JsonParser parser, String source, Limits limits) throws IOException {
        return new ModelJsonReader(parser, source, limits).read();
    }

    private Model read() throws IOException {
        try {
            readDocument();
        } catch (JacksonException | CharConversionException e) {
            // Broken JSON. When the file has already said it is something else, that is the better message.
            Problem identity = identityProblem();
            throw identity != null ? fail(identity) : notJson(e);
        }
        return validate();
    }

    private void readDocument() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw fail(new Problem("the file is empty: a model file is a JSON object "
                    + "{\"format\": \"" + ModelFile.FORMAT + "\", …}", null));
        }
        if (first != JsonToken.START_OBJECT) {
            throw fail(new Problem("not a Neural Playground model: the file holds " + describe()
                    + " where a JSON object {\"format\": \"" + ModelFile.FORMAT + "\", …} should be", here()));
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            try {
                readField(name);
            } catch (Problem problem) {
                remember(problem);
                skipRestOfField();
            }
        }
        if (parser.nextToken() != null) {
            remember(new Problem("there is more after the end of the model object: " + describe(), here()));
        }
    }

    private void readField(String name) throws IOException, Problem {
        switch (name) {
            case "format" -> readFormat();
            case "version" -> readVersion();
            case "inputs" -> inputs = readInputs();
            case "layers" -> layers = readLayers();
            default -> {
                requireText(name, "a top-level field name");
                extras.put(name, readExtra(JsonPath.field("", name)));
            }
        }
    }

    private void remember(Problem problem) {
        if (firstProblem == null) {
            firstProblem = problem;
        }
    }

    /**
     * After a problem somewhere inside the value of a top-level field: moves to the last token of that value, so
     * that the next token read is the next top-level field (or the end of the object).
     */
    private void skipRestOfField() throws IOException {
        while (true) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                parser.skipChildren();
            }
            // Depth 1 is the inside of the top-level object: the value just finished belongs to one of its fields.
            if (parser.getParsingContext().getNestingDepth() <= 1 || parser.nextToken() == null) {
                return;
            }
        }
    }

    // ---- the fields of the format ----

    private void readFormat() throws IOException {
        formatAt = here();
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            format = parser.getText();
            formatFound = JsonPath.quote(format);
        } else {
            formatFound = describe();
            parser.skipChildren();
        }
    }

    private void readVersion() throws IOException {
        versionAt = here();
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            version = parser.getBigIntegerValue();
        } else {
            versionFound = describe();
            parser.skipChildren();
        }
    }

    private List<String> readInputs() throws IOException, Problem {
        JsonLocation at = here();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new Problem("\"inputs\" must be an array of input names such as [\"x1\", \"x2\"], found "
                    + describe(), at);
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int i = names.size();
            String path = JsonPath.index("inputs", i);
            if (i >= limits.maxWidth()) {
                throw new Problem("\"inputs\" has more than " + limits.maxWidth() + " names; Neural Playground "
                        + "handles at most " + limits.maxWidth() + " inputs", here());
            }
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new Problem(path + " must be a string (the name of an input), found " + describe(), here());
            }
            String name = parser.getText();
            if (name.isBlank()) {
                throw new Problem(path + " is " + JsonPath.quote(name) + ": every input needs a name", here());
            }
            requireText(name, path);
            String control = io.neuralplayground.data.InputNames.controlCharacterProblem(name);
            if (control != null) {
                throw new Problem(path + " " + JsonPath.quote(name) + " " + control, here());
            }
            Integer earlier = seen.putIfAbsent(name, i);
            if (earlier != null) {
                throw new Problem(path + " " + JsonPath.quote(name) + " repeats inputs[" + earlier
                        + "]: input names must be unique", here());
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new Problem("\"inputs\" is empty: a model needs at least one input", at);
        }
        return names;
    }

    private List<RawLayer> readLayers() throws IOException, Problem {
        JsonLocation at = here();
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new Problem("\"layers\" must be an array of layer objects, found " + describe(), at);
        }
        List<RawLayer> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (list.size() >= limits.maxLayers()) {
                throw new Problem("\"layers\" has more than " + limits.maxLayers() + " layers; Neural Playground "
                        + "handles at most " + limits.maxLayers(), here());
            }
            list.add(readLayer(JsonPath.index("layers", list.size())));
        }
        if (list.isEmpty()) {
            throw new Problem("\"layers\" is empty: a model needs at least an output layer", at);
        }
        return list;
    }

    private RawLayer readLayer(String path) throws IOException, Problem {
        RawLayer layer = new RawLayer(path, here());
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new Problem(path + " must be an object {\"units\": …, \"activation\": …, \"kernel\": …, "
                    + "\"bias\": …}, found " + describe(), layer.at);
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "units" -> layer.units = readUnits(path + ".units");
                case "activation" -> layer.activation = readActivation(path + ".activation");
                case "kernel" -> {
                    layer.kernelAt = here();
                    layer.kernel = readKernel(path + ".kernel");
                }
                case "bias" -> {
                    layer.biasAt = here();
                    layer.bias = readVector(path + ".bias", "one per unit");
                }
                // A field this version does not know is skipped: version 1 files may grow optional fields.
                default -> parser.skipChildren();
            }
        }
        return layer;
    }

    private Integer readUnits(String path) throws IOException, Problem {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new Problem(path + " must be a whole number, found " + describe(), here());
        }
        BigInteger units = parser.getBigIntegerValue();
        if (units.signum() <= 0) {
            throw new Problem(path + " is " + units + ": a layer needs at least one unit", here());
        }
        if (units.compareTo(BigInteger.valueOf(limits.maxWidth())) > 0) {
            throw new Problem(path + " is " + shorten(units.toString()) + ": Neural Playground handles at most "
                    + limits.maxWidth() + " units per layer", here());
        }
        return units.intValue();
    }

    private Activation readActivation(String path) throws IOException, Problem {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new Problem(path + " must be the name of an activation (" + Activation.knownNames()
                    + "), found " + describe(), here());
        }
        String name = parser.getText();
        try {
            return Activation.byName(name);
        } catch (IllegalArgumentException e) {
            throw new Problem(path + " " + JsonPath.quote(name) + " is not an activation Neural Playground knows; "
                    + "known: " + Activation.knownNames(), here());
        }
    }

    private double[][] readKernel(String path) throws IOException, Problem {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new Problem(path + " must be an array of rows, one per input, each with one weight per unit, "
                    + "found " + describe(), here());
        }
        List<double[]> rows = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            int i = rows.size();
            String rowPath = JsonPath.index(path, i);
            JsonLocation rowAt = here();
            if (i >= limits.maxWidth()) {
                throw new Problem(path + " has more than " + limits.maxWidth() + " rows; Neural Playground handles "
                        + "at most " + limits.maxWidth() + " inputs per layer", rowAt);
            }
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw new Problem(rowPath + " must be an array of numbers (the weights from input " + i
                        + " to each unit), found " + describe(), rowAt);
            }
            double[] row = readNumbers(rowPath);
            if (i > 0 && row.length != rows.get(0).length) {
                throw new Problem(rowPath + " has " + count(row.length, "value") + " but " + path + "[0] has "
                        + rows.get(0).length + ": every row holds one weight per unit", rowAt);
            }
            rows.add(row);
        }
        return rows.toArray(new double[0][]);
    }

    private double[] readVector(String path, String what) throws IOException, Problem {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new Problem(path + " must be an array of numbers, " + what + ", found " + describe(), here());
        }
        return readNumbers(path);
    }

    /** The numbers of the array whose start is the current token. */
    private double[] readNumbers(String path) throws IOException, Problem {
        double[] values = new double[8];
        int n = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (n >= limits.maxWidth()) {
                throw new Problem(path + " has more than " + limits.maxWidth() + " values; Neural Playground "
                        + "handles at most " + limits.maxWidth() + " units per layer", here());
            }
            if (++parameters > limits.maxParameters()) {
                throw new Problem("the model has more than " + limits.maxParameters() + " parameters; Neural "
                        + "Playground handles at most " + limits.maxParameters(), here());
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, Math.min(2 * n, limits.maxWidth()));
            }
            values[n] = readNumber(JsonPath.index(path, n));
            n++;
        }
        return Arrays.copyOf(values, n);
    }

    private double readNumber(String path) throws IOException, Problem {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            double value = parser.getDoubleValue();
            if (Double.isFinite(value)) {
                return value;
            }
            throw new Problem(path + " is " + notFinite(), here());
        }
        throw new Problem(path + " must be a number, found " + describe(), here());
    }

    /** Why the current number token, which is not finite as a double, cannot be used. */
    private String notFinite() throws IOException {
        String text = shorten(parser.getText());
        if (parser.isNaN()) {
            // Only a non-standard token (NaN, Infinity, -INF …) gets here: the parser accepts them to say this.
            return text + ": a model holds finite numbers only, and JSON has no NaN or Infinity";
        }
        return text + ", beyond the range of a double (about ±1.8e308)";
    }

    /** An extra field's value as plain Java objects; see {@link JsonValues} for the types. */
    private Object readExtra(String path) throws IOException, Problem {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    requireText(key, "a field name in " + path);
                    parser.nextToken();
                    map.put(key, readExtra(JsonPath.field(path, key)));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readExtra(JsonPath.index(path, list.size())));
                }
                return list;
            }
            case VALUE_STRING -> {
                String text = parser.getText();
                requireText(text, path);
                return text;
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                double value = parser.getDoubleValue();
                if (!Double.isFinite(value)) {
                    throw new Problem(path + " is " + notFinite(), here());
                }
                return value;
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new Problem(path + ": unexpected " + describe(), here());
        }
    }

    /** JSON can spell a lone UTF-16 surrogate ("\ud800"), which is no text and could not be written back. */
    private void requireText(String text, String what) throws Problem {
        if (!JsonValues.isWellFormed(text)) {
            throw new Problem(what + " holds a lone UTF-16 surrogate (an escape such as \\ud800 without its pair), "
                    + "which is not text", here());
        }
    }

    // ---- checks once everything is read ----

    /** A file that says it is no model, or a model of a newer version; null when neither is known. */
    private Problem identityProblem() {
        if (formatAt != null && !ModelFile.FORMAT.equals(format)) {
            return new Problem("not a Neural Playground model: \"format\" is " + formatFound + ", where a model "
                    + "file has \"" + ModelFile.FORMAT + "\"", formatAt);
        }
        if (version != null && version.compareTo(BigInteger.valueOf(ModelFile.VERSION)) > 0) {
            return new Problem("written by a newer Neural Playground (model format version " + shorten(version.toString())
                    + "); this one reads version " + ModelFile.VERSION + ": update Neural Playground to open it",
                    versionAt);
        }
        return null;
    }

    private Model validate() {
        Problem identity = identityProblem();
        if (identity != null) {
            throw fail(identity);
        }
        if (formatAt == null) {
            throw fail(new Problem("not a Neural Playground model: it has no \"format\" field (a model file "
                    + "has \"format\": \"" + ModelFile.FORMAT + "\")", null));
        }
        if (versionAt == null) {
            throw fail(new Problem("\"version\" is missing: a model file has \"version\": " + ModelFile.VERSION,
                    null));
        }
        if (version == null) {
            throw fail(new Problem("\"version\" must be a whole number, found " + versionFound, versionAt));
        }
        if (version.signum() <= 0) {
            throw fail(new Problem("\"version\" is " + shorten(version.toString()) + ", but versions start at 1",
                    versionAt));
        }
        if (firstProblem != null) {
            throw fail(firstProblem);
        }
        if (inputs == null) {
            throw fail(new Problem("\"inputs\" is missing: the names of the network's inputs, "
                    + "such as [\"x1\", \"x2\"]", null));
        }
        if (layers == null) {
            throw fail(new Problem("\"layers\" is missing: the network's layers, from the first to the output",
                    null));
        }
        try {
            return new Model(inputs, network(), extras);
        } catch (IllegalArgumentException e) {
            // Everything was checked above; this is a safety net so that bad input never escapes as anything else.
            throw new PlaygroundException(source + ": " + e.getMessage(), e);
        }
    }

    /** The network, after checking that the sizes of the layers chain. */
    private Network network() {
        int width = inputs.size();
        String widthFrom = "the " + count(width, "name") + " in \"inputs\"";
        List<DenseLayer> built = new ArrayList<>(layers.size());
        for (RawLayer layer : layers) {
            List<String> missing = layer.missingFields();
            if (!missing.isEmpty()) {
                throw fail(new Problem(layer.path + " has no " + String.join(", ", missing), layer.at));
            }
            if (layer.bias.length != layer.units) {
                throw fail(new Problem(layer.path + ".bias has " + count(layer.bias.length, "value")
                        + " but \"units\" is " + layer.units + ": one bias per unit", layer.biasAt));
            }
            if (layer.kernel.length != width) {
                throw fail(new Problem(layer.path + ".kernel has " + count(layer.kernel.length, "row")
                        + " but the layer receives " + count(width, "input") + " (" + widthFrom
                        + "): one row per input", layer.kernelAt));
            }
            if (layer.kernel[0].length != layer.units) {
                throw fail(new Problem(layer.path + ".kernel rows have " + count(layer.kernel[0].length, "value")
                        + " but \"units\" is " + layer.units + ": one weight per unit", layer.kernelAt));
            }
            built.add(new DenseLayer(layer.kernel, layer.bias, layer.activation));
            width = layer.units;
            widthFrom = "the " + count(width, "unit") + " of " + layer.path;
        }
        return new Network(inputs.size(), built);
    }

    // ---- messages ----

    private JsonLocation here() {
        return parser.currentTokenLocation();
    }

    /** The current token as a user would name it. */
    private String describe() {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "the end of the file";
        }
        try {
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case END_OBJECT, END_ARRAY -> "the end of " + (token == JsonToken.END_OBJECT ? "an object" : "an array");
                case FIELD_NAME -> "the field " + JsonPath.quote(parser.currentName());
                case VALUE_STRING -> "the string " + JsonPath.quote(parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + shorten(parser.getText());
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case VALUE_NULL -> "null";
                default -> token.toString();
            };
        } catch (IOException e) {
            return token.toString();
        }
    }

    /** "1 row", "2 rows". */
    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String shorten(String text) {
        return text.length() <= MAX_NUMBER_SHOWN ? text : text.substring(0, MAX_NUMBER_SHOWN) + "…";
    }

    private PlaygroundException fail(Problem problem) {
        // A model read from a tree (inside a session) has no lines; its path says where.
        String where = problem.at == null || problem.at.getLineNr() < 1 ? "" : " (" + lineAndColumn(problem.at) + ")";
        return new PlaygroundException(source + ": " + problem.getMessage() + where);
    }

    private PlaygroundException notJson(IOException e) {
        if (e instanceof CharConversionException) {
            return new PlaygroundException(source + ": not a model file: not readable as text (" + e.getMessage()
                    + ")", e);
        }
        JacksonException je = (JacksonException) e;
        if (e instanceof StreamConstraintsException || e instanceof JsonEOFException) {
            return new PlaygroundException(source + ": " + JsonProblems.describe(je), e);
        }
        String where = JsonProblems.where(je);
        String what = je.getOriginalMessage() == null ? "" : je.getOriginalMessage();
        if (what.startsWith("Duplicate field")) {
            // Valid JSON in the letter of the standard, but which of the two values was meant?
            String field = what.replaceFirst("^Duplicate field '(.*?)'.*$", "$1");
            return new PlaygroundException(source + ": Duplicate field '" + field + "'"
                    + (where.isEmpty() ? "" : " at " + where) + ": a field may appear only once", e);
        }
        return new PlaygroundException(source + ": " + JsonProblems.describe(je), e);
    }

    private static String lineAndColumn(JsonLocation at) {
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** One layer as read: any field may be missing, sizes are not yet checked against each other. */
    private static final class RawLayer {
        final String path;
        final JsonLocation at;
        Integer units;
        Activation activation;
        double[][] kernel;
        JsonLocation kernelAt;
        double[] bias;
        JsonLocation biasAt;

        RawLayer(String path, JsonLocation at) {
            this.path = path;
            this.at = at;
        }

        List<String> missingFields() {
            List<String> missing = new ArrayList<>();
            if (units == null) {
                missing.add("\"units\"");
            }
            if (activation == null) {
                missing.add("\"activation\"");
            }
            if (kernel == null) {
                missing.add("\"kernel\"");
            }
            if (bias == null) {
                missing.add("\"bias\"");
            }
            return missing;
        }
    }

    /** A problem in the content, with its place; the reader decides which one to report. */
    private static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        final transient JsonLocation at;

        Problem(String message, JsonLocation at) {
            super(message, null, false, false);
            this.at = at;
        }
    }
}
