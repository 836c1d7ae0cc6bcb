package io.neuralplayground.tune;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * The values a hyperparameter takes: {@link String}, {@link Boolean}, {@link Integer} (or {@link Long} beyond its
 * range) and {@link Double}. Numbers are compared by value, so that a condition written {@code [2]} matches an int
 * range's 2 and a float's 2.0 alike.
 */
final class Values {
    private Values() {
    }

    /**
     * The canonical form of a value from a file or a caller.
     *
     * @throws IllegalArgumentException for anything but text, a boolean or a finite number
     */
    static Object normalize(Object value) {
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Long l) {
            return l == l.intValue() ? (Object) l.intValue() : l;
        }
        if (value instanceof BigInteger b) {
            if (b.bitLength() < 64) {
                return normalize(b.longValue());
            }
            throw new IllegalArgumentException("the number " + b + " is too large");
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("the number " + value + " is not finite");
            }
            return d;
        }
        throw new IllegalArgumentException(value == null ? "null is not a value (write text, a number or a boolean)"
                : "a " + value.getClass().getSimpleName() + " is not a value (write text, a number or a boolean)");
    }

    /** Whether two values are the same: numbers by value, everything else by {@code equals}. */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (isWhole(x) && isWhole(y)) {
                return x.longValue() == y.longValue();
            }
            return x.doubleValue() == y.doubleValue();
        }
        return a != null && a.equals(b);
    }

    static boolean isWhole(Number n) {
        return n instanceof Integer || n instanceof Long;
    }

    /** A value as a message or a summary shows it: text in double quotes, numbers as Java writes them. */
    static String show(Object value) {
        if (value instanceof String s) {
            return io.neuralplayground.io.JsonPath.quote(s);
        }
        if (value instanceof Double d) {
            return number(d);
        }
        return String.valueOf(value);
    }

    /** A double without a trailing ".0" for whole numbers and in the shortest form that reads back the same. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) d);
        }
        return Double.toString(d);
    }
}
