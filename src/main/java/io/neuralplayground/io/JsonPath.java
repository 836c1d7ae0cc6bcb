package io.neuralplayground.io;

import java.util.regex.Pattern;

/**
 * Names a place in a JSON document the way a user would look for it: {@code layers[1].kernel[0][2]},
 * {@code training.learning_rate}, {@code history[3]["test loss"]}.
 */
public final class JsonPath {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_KEY_SHOWN = 40;

    private JsonPath() {
    }

    /** The field {@code key} of the object at {@code parent} (an empty parent is the top level). */
    public static String field(String parent, String key) {
        if (IDENTIFIER.matcher(key).matches()) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        return parent + "[" + quote(key) + "]";
    }

    /** Element {@code index} of the array at {@code parent}. */
    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** A string as a JSON literal, shortened for a message: control characters escaped, long ones cut. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        int end = Math.min(s.length(), MAX_KEY_SHOWN);
        if (end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--; // never split a character that takes two chars
        }
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (end < s.length()) {
            sb.append('…');
        }
        return sb.append('"').toString();
    }
}
