package io.neuralplayground.session;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.EarlyStopping;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@link EarlyStopping} rule as a JSON-compatible map with Keras' names, {@code {"monitor": "val_loss",
 * "min_delta": 0.0001, "patience": 20, "restore_best_weights": true, "start_from_epoch": 0}}, and back: the one
 * spelling of the rule in session files of both modes.
 */
public final class EarlyStoppingCodec {
    private EarlyStoppingCodec() {
    }

    public static Map<String, Object> toMap(EarlyStopping rule) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("monitor", rule.monitor().kerasName());
        m.put("min_delta", rule.minDelta());
        m.put("patience", rule.patience());
        m.put("restore_best_weights", rule.restoreBestWeights());
        m.put("start_from_epoch", rule.startFromEpoch());
        return m;
    }

    /**
     * The rule {@code value} describes.
     *
     * @param where names the field in messages, e.g. "session.json: settings.early_stopping"
     * @throws PlaygroundException naming the field and the problem
     */
    public static EarlyStopping fromMap(Object value, String where) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new PlaygroundException(where + ": must be an object, got " + value);
        }
        EarlyStopping.Monitor monitor;
        try {
            monitor = EarlyStopping.Monitor.fromKerasName(String.valueOf(require(m, "monitor", where)));
        } catch (IllegalArgumentException e) {
            throw new PlaygroundException(where + ".monitor: " + e.getMessage());
        }
        double minDelta = number(m, "min_delta", where, 1e6, false);
        int patience = (int) number(m, "patience", where, 1_000_000, true);
        Object restore = require(m, "restore_best_weights", where);
        if (!(restore instanceof Boolean on)) {
            throw new PlaygroundException(where + ".restore_best_weights: must be true or false, got " + restore);
        }
        int start = (int) number(m, "start_from_epoch", where, 1_000_000, true);
        return new EarlyStopping(monitor, minDelta, patience, on, start);
    }

    private static Object require(Map<?, ?> m, String field, String where) {
        Object v = m.get(field);
        if (v == null) {
            throw new PlaygroundException(where + "." + field + ": missing");
        }
        return v;
    }

    private static double number(Map<?, ?> m, String field, String where, double max, boolean whole) {
        Object v = require(m, field, where);
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < 0
                || n.doubleValue() > max || whole && n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new PlaygroundException(where + "." + field + ": must be a " + (whole ? "whole " : "")
                    + "number from 0 to " + (whole ? Long.toString((long) max) : Double.toString(max)) + ", got " + v);
        }
        return n.doubleValue();
    }
}
