package io.neuralplayground.io;

/** Text from a file made safe to show in a message. */
public final class Printable {
    private Printable() {
    }

    /** Text from a file with control characters and lone surrogates as escapes, so a message stays readable. */
    public static String of(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
