package io.neuralplayground.io.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with text that is not JSON, in the project's words: where (line and column) and what, never
 * Jackson's own message with its source placeholders and feature names ("expected close marker for Object (start
 * marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled) …").
 */
public final class JsonProblems {
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("^Unexpected character \\('(.+?)' \\(code");
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^Unrecognized token '(.*?)'");
    private static final Pattern NON_STANDARD_TOKEN = Pattern.compile("^Non-standard token '(.*?)'");
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '(.*?)'");
    /** The name of the setting behind a limit, as in "(1000, from `StreamReadConstraints.getMaxNestingDepth()`)". */
    private static final Pattern JACKSON_SETTING = Pattern.compile(", from `[^`]*`");
    private static final int MAX_SHOWN = 30;

    private JsonProblems() {
    }

    /** "line 3, column 7", or "" where Jackson does not know. */
    public static String where(JacksonException e) {
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /**
     * The problem as a phrase to follow the file's name: "the file ends too early at line 9, column 1, is it
     * truncated?", "not valid JSON at line 2, column 5: unexpected character '}'".
     */
    public static String describe(JacksonException e) {
        String where = where(e);
        String at = where.isEmpty() ? "" : " at " + where;
        String jackson = e.getOriginalMessage();
        if (e instanceof JsonEOFException || jackson != null && jackson.startsWith("Unexpected end-of-input")) {
            return "the file ends too early" + at + ", is it truncated? (an object or a list is not closed)";
        }
        if (e instanceof StreamConstraintsException) {
            // Jackson's limit says which size and by how much ("Document nesting depth (1001) exceeds the maximum
            // allowed (1000)"); the name of its setting means nothing to a user.
            String limit = jackson == null ? "" : ": " + JACKSON_SETTING.matcher(jackson).replaceAll("");
            return "too large or too deeply nested to read" + at + limit;
        }
        return "not valid JSON" + at + ": " + what(e.getOriginalMessage());
    }

    /** What Jackson found, said plainly; anything not known here as "the text is not JSON". */
    static String what(String jackson) {
        if (jackson == null) {
            return "the text is not JSON";
        }
        Matcher m = UNEXPECTED_CHARACTER.matcher(jackson);
        if (m.find()) {
            return "unexpected character '" + shorten(m.group(1)) + "'";
        }
        m = UNRECOGNIZED_TOKEN.matcher(jackson);
        if (m.find()) {
            return "'" + shorten(m.group(1)) + "' is not a JSON value (text goes in double quotes)";
        }
        m = NON_STANDARD_TOKEN.matcher(jackson);
        if (m.find()) {
            return shorten(m.group(1)) + " is not a JSON number";
        }
        m = DUPLICATE_FIELD.matcher(jackson);
        if (m.find()) {
            return "the field \"" + shorten(m.group(1)) + "\" appears twice; a field may appear only once";
        }
        if (jackson.startsWith("Unexpected close marker")) {
            return "a closing bracket that closes nothing open, or the wrong kind of bracket";
        }
        if (jackson.startsWith("Illegal unquoted character")) {
            return "a control character inside a string (write it as an escape such as \\n)";
        }
        if (jackson.startsWith("Invalid UTF-8") || jackson.contains("Invalid UTF-8")) {
            return "bytes that are not UTF-8 text";
        }
        if (jackson.startsWith("Unexpected end-of-input")) {
            return "the text ends too early";
        }
        if (jackson.startsWith("Invalid numeric value") || jackson.startsWith("Numeric value")) {
            return "a number that cannot be read";
        }
        return "the text is not JSON";
    }

    private static String shorten(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "…";
    }
}
