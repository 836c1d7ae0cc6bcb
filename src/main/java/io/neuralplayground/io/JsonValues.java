package io.neuralplayground.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java values that stand for JSON values in a {@link Model}'s extras: {@code null}, {@link String},
 * {@link Boolean}, {@link Integer}, {@link Long}, {@link BigInteger}, {@link Double}, {@link List} and
 * {@link Map} with string keys.
 *
 * <p>Numbers are normalised to the types a reader produces (the smallest of Integer, Long, BigInteger for whole
 * numbers, Double for the rest), so that what is written reads back {@code equals} to what was given.
 */
public final class JsonValues {
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private JsonValues() {
    }

    /**
     * A deep, unmodifiable, normalised copy of {@code value}.
     *
     * @throws IllegalArgumentException naming the place ({@code path}) of a value JSON cannot hold
     */
    static Object copy(Object value, String path) {
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof String s) {
            requireText(s, path);
            return s;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return wholeNumber(BigInteger.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger big) {
            return wholeNumber(big);
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(path + " is " + value
                        + ": JSON has no NaN or infinity (store null or a string instead)");
            }
            return d;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copy(list.get(i), JsonPath.index(path, i)));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException(where(path) + " has a key that is not a string: "
                            + entry.getKey());
                }
                requireText(key, where(path) + " has a key that");
                copy.put(key, copy(entry.getValue(), JsonPath.field(path, key)));
            }
            return Collections.unmodifiableMap(copy);
        }
        throw new IllegalArgumentException(path + " is a " + value.getClass().getName()
                + ", which is not a JSON value (String, Number, Boolean, null, List or Map)");
    }

    /** The place for a message; the empty path is the top level of the extras. */
    private static String where(String path) {
        return path.isEmpty() ? "the extras" : path;
    }

    private static Object wholeNumber(BigInteger n) {
        if (n.compareTo(INT_MIN) >= 0 && n.compareTo(INT_MAX) <= 0) {
            return n.intValue();
        }
        if (n.compareTo(LONG_MIN) >= 0 && n.compareTo(LONG_MAX) <= 0) {
            return n.longValue();
        }
        return n;
    }

    private static void requireText(String s, String path) {
        if (!isWellFormed(s)) {
            throw new IllegalArgumentException(path + " is a string with a lone UTF-16 surrogate, which is not "
                    + "text and has no UTF-8 form: " + JsonPath.quote(s));
        }
    }

    /** Whether every UTF-16 surrogate in {@code s} is part of a pair, so that it has a UTF-8 form. */
    public static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
