package io.neuralplayground.tune;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON or YAML value with the line it starts on. Jackson's tree forgets where a value was; a message about a
 * hyperparameter should say on which line it stands, so the reader builds this tree from the token stream instead.
 *
 * @param value a {@code Map<String, LocatedNode>} (in the file's order), a {@code List<LocatedNode>}, a String, a
 *     Boolean, a Number, or null
 * @param line 1-based, or -1 where the parser does not know
 */
record LocatedNode(Object value, int line) {

    /** Reads the value starting at the parser's next token. */
    static LocatedNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new LocatedProblem("the file holds nothing", -1);
        }
        return readCurrent(parser);
    }

    private static LocatedNode readCurrent(JsonParser parser) throws IOException {
        int line = lineOf(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, LocatedNode> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    int fieldLine = lineOf(parser.currentTokenLocation());
                    parser.nextToken();
                    if (fields.containsKey(name)) {
                        throw new LocatedProblem("the field \"" + name + "\" appears twice; a field may appear "
                                + "only once", fieldLine);
                    }
                    fields.put(name, readCurrent(parser));
                }
                return new LocatedNode(Collections.unmodifiableMap(fields), line);
            }
            case START_ARRAY -> {
                List<LocatedNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readCurrent(parser));
                }
                return new LocatedNode(Collections.unmodifiableList(items), line);
            }
            case VALUE_STRING -> {
                return new LocatedNode(parser.getText(), line);
            }
            case VALUE_NUMBER_INT -> {
                return new LocatedNode(parser.getNumberValue(), line);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new LocatedNode(parser.getDoubleValue(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new LocatedNode(token == JsonToken.VALUE_TRUE, line);
            }
            case VALUE_NULL -> {
                return new LocatedNode(null, line);
            }
            default -> throw new LocatedProblem("unexpected " + token, line);
        }
    }

    private static int lineOf(JsonLocation at) {
        return at == null ? -1 : at.getLineNr();
    }

    boolean isObject() {
        return value instanceof Map;
    }

    @SuppressWarnings("unchecked")
    Map<String, LocatedNode> fields() {
        return (Map<String, LocatedNode>) value;
    }

    @SuppressWarnings("unchecked")
    List<LocatedNode> items() {
        return (List<LocatedNode>) value;
    }

    /** What kind of value this is, for "… is a list, not a number". */
    String kind() {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }

    /** A problem in a file at a line, before the file's name is put in front. */
    static final class LocatedProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        LocatedProblem(String message, int line) {
            super(message, null, false, false);
            this.line = line;
        }

        LocatedProblem(String message, LocatedNode at) {
            this(message, at == null ? -1 : at.line());
        }
    }
}
