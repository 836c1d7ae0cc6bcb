package io.neuralplayground.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One edit of a text, for fuzzing readers with damaged copies of a valid file: at a position (taken modulo the
 * length), a kind of change, a character, and a replacement for a number.
 *
 * @param kind 0 delete a character, 1 insert {@code c}, 2 replace one by {@code c}, 3 truncate, 4 delete a run of
 *     {@code length}, 5 duplicate a run, 6 upper-case a run, 7 put {@code number} in place of the next number
 */
public record TextMutation(int kind, int position, int length, char c, String number) {
    /** The number of kinds. */
    public static final int KINDS = 8;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    /** An edit that needs no number (kinds 0 to 6). */
    public TextMutation(int kind, int position, int length, char c) {
        this(kind, position, length, c, "0");
    }

    public String applyTo(String s) {
        if (s.isEmpty()) {
            return String.valueOf(c);
        }
        int at = Math.floorMod(position, s.length());
        int end = Math.min(s.length(), at + length);
        return switch (kind) {
            case 0 -> s.substring(0, at) + s.substring(at + 1);
            case 1 -> s.substring(0, at) + c + s.substring(at);
            case 2 -> s.substring(0, at) + c + s.substring(at + 1);
            case 3 -> s.substring(0, at);
            case 4 -> s.substring(0, at) + s.substring(end);
            case 5 -> s.substring(0, end) + s.substring(at, end) + s.substring(end);
            case 6 -> s.substring(0, at) + s.substring(at, end).toUpperCase() + s.substring(end);
            default -> replaceNumber(s, at);
        };
    }

    /** The first number at or after {@code at} (or else the first of all) becomes {@link #number}. */
    private String replaceNumber(String s, int at) {
        Matcher m = NUMBER.matcher(s);
        if (!m.find(at) && !m.find(0)) {
            return s;
        }
        return s.substring(0, m.start()) + number + s.substring(m.end());
    }
}
