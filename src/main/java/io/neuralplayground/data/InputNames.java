package io.neuralplayground.data;

/**
 * What a file may call an input. Every reader (CSV headers, model files) refuses a name with a control character (Unicode's category Cc:
 * U+0000–U+001F and U+007F–U+009F, NUL, tab and line breaks among them): such a name cannot be shown in the
 * window's graph or a table, and would break the line-based files it is written into (CSV headers, source code
 * comments). A network built in the program may still have any name; the exporters escape whatever they get.
 */
public final class InputNames {
    private InputNames() {
    }

    /**
     * Why {@code name} cannot be an input's name read from a file ("has the control character U+0000 at position
     * 1"), or null when it can.
     */
    public static String controlCharacterProblem(String name) {
        int position = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            position++;
            if (Character.getType(cp) == Character.CONTROL) {
                return "has the control character U+" + String.format("%04X", cp) + " at position " + position
                        + " (" + describe(cp) + "): an input's name is printable text";
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    private static String describe(int cp) {
        return switch (cp) {
            case 0 -> "NUL";
            case '\t' -> "a tab";
            case '\n', '\r' -> "a line break";
            case 0x7f -> "DEL";
            default -> "not printable";
        };
    }
}
