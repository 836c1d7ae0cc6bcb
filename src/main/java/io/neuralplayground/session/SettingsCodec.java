package io.neuralplayground.session;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.Feature;
import io.neuralplayground.data.LabelKind;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.data.Point;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.engine.LeftoverExamples;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Regularization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PlaygroundSettings} as a JSON-compatible map (strings, numbers, lists) and back, for session files:
 * <pre>
 *   dataset "circle" · classes 2 · noise 0.0 · train_ratio 0.5 · batch_size 10 · leftover_examples "carry-over" · seed 1
 *   weight_draw 0
 *   features ["x1", "x2"] · hidden_layers [4, 2] · hidden_activations ["tanh", "tanh"]
 *   output_activation "sigmoid" · loss "binary_crossentropy"
 *   learning_rate 0.03 · optimizer "sgd" · regularization "none" · regularization_rate 0.0
 *   painted_points [[x1, x2, label], …]
 *   data_file {source, label, label_kind, columns, standardize}   (only with the user's own data)
 *   validation_share 0.2 · early_stopping {monitor, min_delta, patience, restore_best_weights, start_from_epoch}
 * </pre>
 * {@code validation_share} reads as 0 where it is missing and {@code early_stopping} is there only when it is on.
 * Reading checks every value against what the window allows and names the field of a bad one. Three fields may be
 * missing, as files written before they existed lack them, and each reads as what such a file was trained with,
 * so the session goes on with the numbers it had: {@code leftover_examples} as a smaller last batch,
 * {@code classes} as the dataset's own number, {@code loss} as Playground's ½‖y − t‖². {@code data_file} is there
 * only when the examples come from the user's CSV file: its path (or {@code example:NAME}) and how it was read;
 * reading the settings reads the file again, and a file that is gone or changed so that it no longer fits is
 * refused naming the path.
 */
public final class SettingsCodec {
    private SettingsCodec() {
    }

    public static Map<String, Object> toMap(PlaygroundSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", s.dataset().id());
        m.put("classes", s.classes());
        m.put("noise", s.noise());
        m.put("train_ratio", s.trainRatio());
        m.put("batch_size", s.batchSize());
        m.put("leftover_examples", s.leftover().id());
        m.put("seed", s.seed());
        m.put("weight_draw", s.weightDraw());
        m.put("features", s.features().stream().map(Feature::id).toList());
        m.put("hidden_layers", s.hiddenLayers());
        m.put("hidden_activations", s.hiddenActivations().stream().map(Activation::kerasName).toList());
        m.put("output_activation", s.outputActivation().kerasName());
        m.put("loss", s.loss().id());
        m.put("learning_rate", s.learningRate());
        m.put("optimizer", s.optimizer().name());
        m.put("regularization", s.regularization().kind().toString());
        m.put("regularization_rate", s.regularization().rate());
        List<List<Double>> points = new ArrayList<>();
        for (Point p : s.paintedPoints()) {
            points.add(List.of(p.x1(), p.x2(), p.label()));
        }
        m.put("painted_points", points);
        if (s.data() != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("source", s.data().source());
            data.put("label", s.data().labelColumn());
            data.put("label_kind", s.data().labelKind().name().toLowerCase(java.util.Locale.ROOT));
            data.put("columns", s.data().columns());
            data.put("standardize", s.data().standardize());
            m.put("data_file", data);
        }
        m.put("validation_share", s.validationShare());
        EarlyStopping stopping = s.earlyStopping();
        if (stopping != null) {
            m.put("early_stopping", EarlyStoppingCodec.toMap(stopping));
        }
        return m;
    }

    /**
     * The settings in {@code m}.
     *
     * @param where names the map in messages, e.g. "session.json: settings"
     * @throws PlaygroundException naming the field and the problem
     */
    public static PlaygroundSettings fromMap(Map<String, Object> m, String where) {
        Fields f = new Fields(m, where);
        PlaygroundDataset dataset = f.choice("dataset", PlaygroundDataset::byName);
        DataFile data = m.containsKey("data_file") ? dataFile(f) : null;
        int classes = m.containsKey("classes") ? (int) f.whole("classes", dataset.minClasses(), dataset.maxClasses())
                : dataset.defaultClasses();
        double noise = f.number("noise", 0, 0.5);
        double ratio = f.number("train_ratio", 0.01, 1);
        int batch = (int) f.whole("batch_size", 1, 100_000);
        LeftoverExamples leftover = m.containsKey("leftover_examples")
                ? f.choice("leftover_examples", LeftoverExamples::byName) : LeftoverExamples.SMALLER_LAST_BATCH;
        long seed = f.whole("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        int draw = (int) f.whole("weight_draw", 0, Integer.MAX_VALUE);
        List<Feature> features = new ArrayList<>();
        for (Object name : f.list("features")) {
            features.add(f.convert("features", name, n -> Feature.byName(String.valueOf(n))));
        }
        List<Integer> hidden = new ArrayList<>();
        for (Object width : f.list("hidden_layers")) {
            if (!(width instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < 1
                    || n.intValue() > PlaygroundSettings.MAX_NEURONS) {
                throw f.fail("hidden_layers", "each width must be 1 to " + PlaygroundSettings.MAX_NEURONS
                        + ", got " + width);
            }
            hidden.add(n.intValue());
        }
        if (hidden.size() > PlaygroundSettings.MAX_LAYERS) {
            throw f.fail("hidden_layers", "at most " + PlaygroundSettings.MAX_LAYERS + " layers, got " + hidden.size());
        }
        List<Activation> activations = new ArrayList<>();
        for (Object name : f.list("hidden_activations")) {
            activations.add(f.convert("hidden_activations", name, n -> Activation.byName(String.valueOf(n))));
        }
        if (activations.size() != hidden.size()) {
            throw f.fail("hidden_activations", "one per hidden layer: " + hidden.size() + " layers, "
                    + activations.size() + " activations");
        }
        Activation output = f.choice("output_activation", Activation::byName);
        LossChoice loss = m.containsKey("loss") ? f.choice("loss", LossChoice::byName) : LossChoice.PLAYGROUND;
        int problemClasses = data != null ? data.classes() : dataset.isClassification() ? classes : 0;
        if (!loss.fits(problemClasses)) {
            throw f.fail("loss", loss.id() + " does not fit " + (data != null ? data.displayName()
                    : "the dataset " + dataset.id()) + ": choose one of "
                    + LossChoice.choicesFor(problemClasses).stream().map(LossChoice::id).toList());
        }
        if (!loss.allowedOutputs().contains(output)) {
            throw f.fail("output_activation", "a " + output.kerasName() + " output does not fit the loss "
                    + loss.id() + ": choose one of " + loss.allowedOutputs().stream().map(Activation::kerasName)
                            .toList());
        }
        double rate = f.number("learning_rate", Double.MIN_VALUE, 1e6);
        Optimizer optimizer = f.choice("optimizer", Optimizer::byName);
        Regularization.Kind kind = f.choice("regularization", Regularization.Kind::byName);
        double regRate = f.number("regularization_rate", 0, 1e6);
        List<Point> painted = new ArrayList<>();
        for (Object point : f.list("painted_points")) {
            if (!(point instanceof List<?> xs) || xs.size() != 3 || !xs.stream().allMatch(v -> v instanceof Number n
                    && Double.isFinite(n.doubleValue()))) {
                throw f.fail("painted_points", "each point must be [x1, x2, label], got " + point);
            }
            painted.add(new Point(((Number) xs.get(0)).doubleValue(), ((Number) xs.get(1)).doubleValue(),
                    ((Number) xs.get(2)).doubleValue()));
        }
        double validationShare = m.containsKey("validation_share") ? f.number("validation_share", 0, 0.9) : 0;
        EarlyStopping stopping = m.containsKey("early_stopping") ? earlyStopping(f) : null;
        if (stopping != null && stopping.monitor().isAccuracy() && problemClasses == 0) {
            throw f.fail("early_stopping.monitor", stopping.monitor() + " needs classes: regression has no accuracy;"
                    + " watch val_loss or loss");
        }
        return PlaygroundSettings.defaults().toBuilder()
                .validationShare(validationShare)
                .earlyStopping(stopping)
                .dataset(dataset)
                .classes(classes)
                .noise(noise)
                .trainRatio(ratio)
                .batchSize(batch)
                .leftover(leftover)
                .seed(seed)
                .weightDraw(draw)
                .features(features)
                .hiddenLayers(hidden)
                .hiddenActivations(activations)
                .outputActivation(output)
                .loss(loss)
                .learningRate(rate)
                .optimizer(optimizer)
                .regularization(Regularization.of(kind, regRate))
                .paintedPoints(painted)
                .data(data)
                .build();
    }

    private static EarlyStopping earlyStopping(Fields f) {
        return EarlyStoppingCodec.fromMap(f.value("early_stopping"), f.where + ".early_stopping");
    }

    /** The user's data file: read again from its source, with the columns and options saved. */
    private static DataFile dataFile(Fields f) {
        Object value = f.value("data_file");
        if (!(value instanceof Map<?, ?> raw)) {
            throw f.fail("data_file", "must be an object, got " + value);
        }
        @SuppressWarnings("unchecked")
        Fields d = new Fields((Map<String, Object>) raw, f.where + ".data_file");
        String source = String.valueOf(d.value("source"));
        String label = String.valueOf(d.value("label"));
        LabelKind kind = d.choice("label_kind", n -> LabelKind.valueOf(n.toUpperCase(java.util.Locale.ROOT)));
        List<String> columns = d.list("columns").stream().map(String::valueOf).toList();
        Object standardize = d.value("standardize");
        if (!(standardize instanceof Boolean on)) {
            throw d.fail("standardize", "must be true or false, got " + standardize);
        }
        DataFile read = d.convert("source", source, s -> DataFile.read(source, label, kind, on));
        if (columns.isEmpty() || !read.dataset().columnNames().containsAll(columns)) {
            throw d.fail("columns", columns + " are not input columns of " + read.displayName() + " (it has "
                    + read.dataset().columnNames() + ")");
        }
        return read.withColumns(columns);
    }

    /** Reading of one map with messages naming the field. */
    private static final class Fields {
        private final Map<String, Object> m;
        private final String where;

        Fields(Map<String, Object> m, String where) {
            this.m = m;
            this.where = where;
        }

        PlaygroundException fail(String field, String problem) {
            return new PlaygroundException(where + "." + field + ": " + problem);
        }

        Object value(String field) {
            Object v = m.get(field);
            if (v == null) {
                throw fail(field, "missing");
            }
            return v;
        }

        double number(String field, double min, double max) {
            Object v = value(field);
            if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < min
                    || n.doubleValue() > max) {
                throw fail(field, "must be a number from " + min + " to " + max + ", got " + v);
            }
            return n.doubleValue();
        }

        long whole(String field, long min, long max) {
            Object v = value(field);
            if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < min
                    || n.longValue() > max) {
                throw fail(field, "must be a whole number from " + min + " to " + max + ", got " + v);
            }
            return n.longValue();
        }

        List<?> list(String field) {
            Object v = value(field);
            if (!(v instanceof List<?> list)) {
                throw fail(field, "must be a list, got " + v);
            }
            return list;
        }

        <T> T choice(String field, java.util.function.Function<String, T> byName) {
            return convert(field, value(field), v -> byName.apply(String.valueOf(v)));
        }

        <T> T convert(String field, Object v, java.util.function.Function<Object, T> conversion) {
            try {
                return conversion.apply(v);
            } catch (IllegalArgumentException | PlaygroundException e) {
                throw fail(field, e.getMessage());
            }
        }
    }
}
