package io.neuralplayground.session;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.Feature;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.engine.LeftoverExamples;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Regularization;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings as one short line of text, as TF Playground keeps them in its URL: to paste into a chat or onto a
 * slide, and back. Weights are not in it: the same seed gives the same initial weights.
 * <pre>
 *   dataset=spiral&amp;classes=2&amp;noise=10&amp;ratio=50&amp;batch=10&amp;leftover=carry-over&amp;seed=1&amp;draw=0
 *   &amp;features=x1,x2,sinx1&amp;layers=8,8&amp;activations=tanh,relu&amp;output=sigmoid
 *   &amp;loss=binary_crossentropy&amp;lr=0.03&amp;optimizer=sgd
 *   &amp;reg=l2&amp;regRate=0.001
 * </pre>
 * Noise and ratio in percent, as the sliders show them. Painted points are not shared. {@code leftover},
 * {@code classes} and {@code loss} may be missing: strings copied before they existed read as runs with a smaller
 * last batch, the dataset's own number of classes and Playground's ½‖y − t‖². With the user's own data, five keys
 * more say where it is and how it is read ({@code data=example%3Airis.csv&dataLabel=species&dataKind=auto
 * &dataColumns=sepal_length,petal_length&standardize=true}), URL-encoded; pasted elsewhere, the string opens the
 * same file if it is there (the bundled examples always are). A validation share and early stopping add
 * {@code validation=20} (percent of the training part) and {@code stop=val_loss,0.0001,20,true,0} (monitor,
 * min_delta, patience, restore_best_weights, start_from_epoch), each only when set.
 */
public final class ShareString {
    private static final List<String> KEYS = List.of("dataset", "classes", "noise", "ratio", "batch", "leftover",
            "seed", "draw", "features", "layers", "activations", "output", "loss", "lr", "optimizer", "reg", "regRate",
            "data", "dataLabel", "dataKind", "dataColumns", "standardize", "validation", "stop");
    /** Keys older share strings lack; what a missing one means is said where it is read. */
    private static final List<String> OPTIONAL = List.of("leftover", "classes", "loss", "data", "dataLabel",
            "dataKind", "dataColumns", "standardize", "validation", "stop");

    private ShareString() {
    }

    public static String of(PlaygroundSettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dataset", s.dataset().id());
        m.put("classes", Integer.toString(s.classes()));
        m.put("noise", percent(s.noise()));
        m.put("ratio", percent(s.trainRatio()));
        m.put("batch", Integer.toString(s.batchSize()));
        m.put("leftover", s.leftover().id());
        m.put("seed", Long.toString(s.seed()));
        m.put("draw", Integer.toString(s.weightDraw()));
        m.put("features", s.features().stream().map(Feature::id).collect(Collectors.joining(",")));
        m.put("layers", s.hiddenLayers().stream().map(String::valueOf).collect(Collectors.joining(",")));
        m.put("activations", s.hiddenActivations().stream().map(Activation::kerasName)
                .collect(Collectors.joining(",")));
        m.put("output", s.outputActivation().kerasName());
        m.put("loss", s.loss().id());
        m.put("lr", plain(s.learningRate()));
        m.put("optimizer", s.optimizer().name());
        m.put("reg", s.regularization().kind().toString());
        m.put("regRate", plain(s.regularization().rate()));
        if (s.data() != null) {
            m.put("data", encode(s.data().source()));
            m.put("dataLabel", encode(s.data().labelColumn()));
            m.put("dataKind", s.data().labelKind().name().toLowerCase(java.util.Locale.ROOT));
            m.put("dataColumns", s.data().columns().stream().map(ShareString::encode).collect(Collectors.joining(",")));
            m.put("standardize", Boolean.toString(s.data().standardize()));
        }
        if (s.validationShare() > 0) {
            m.put("validation", percent(s.validationShare()));
        }
        EarlyStopping stop = s.earlyStopping();
        if (stop != null) {
            m.put("stop", stop.monitor().kerasName() + "," + plain(stop.minDelta()) + "," + stop.patience() + ","
                    + stop.restoreBestWeights() + "," + stop.startFromEpoch());
        }
        return m.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    /**
     * The settings a share string describes.
     *
     * @throws PlaygroundException naming the part that is wrong
     */
    public static PlaygroundSettings parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int query = trimmed.indexOf('?');
        if (query >= 0) {
            trimmed = trimmed.substring(query + 1);
        }
        if (trimmed.isEmpty()) {
            throw new PlaygroundException("The share string is empty: copy one with Edit ▸ Copy share string");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : trimmed.split("&")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new PlaygroundException("Share string: '" + part + "' is not key=value");
            }
            String key = part.substring(0, eq);
            if (!KEYS.contains(key)) {
                throw new PlaygroundException("Share string: unknown key '" + key + "' (known: "
                        + String.join(", ", KEYS) + ")");
            }
            m.put(key, part.substring(eq + 1));
        }
        for (String key : KEYS) {
            if (!m.containsKey(key) && !OPTIONAL.contains(key)) {
                throw new PlaygroundException("Share string: '" + key + "' is missing");
            }
        }
        try {
            List<Integer> layers = new ArrayList<>();
            if (!m.get("layers").isEmpty()) {
                for (String w : m.get("layers").split(",")) {
                    layers.add(Integer.parseInt(w.trim()));
                }
            }
            List<Activation> activations = new ArrayList<>();
            if (!m.get("activations").isEmpty()) {
                for (String a : m.get("activations").split(",")) {
                    activations.add(Activation.byName(a));
                }
            }
            if (activations.size() != layers.size()) {
                throw new PlaygroundException("Share string: 'activations' names " + activations.size()
                        + " activation(s) but 'layers' has " + layers.size() + " hidden layer(s); give one per layer");
            }
            List<Feature> features = new ArrayList<>();
            if (!m.get("features").isEmpty()) {
                for (String f : m.get("features").split(",")) {
                    features.add(Feature.byName(f));
                }
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("dataset", PlaygroundDataset.byName(m.get("dataset")).id());
            if (m.containsKey("classes")) {
                settings.put("classes", Integer.parseInt(m.get("classes").trim()));
            }
            settings.put("noise", fraction(m.get("noise")));
            settings.put("train_ratio", fraction(m.get("ratio")));
            settings.put("batch_size", Integer.parseInt(m.get("batch")));
            // Without it, an older string: the codec reads that as the smaller last batch it was made with.
            if (m.containsKey("leftover")) {
                settings.put("leftover_examples", LeftoverExamples.byName(m.get("leftover")).id());
            }
            settings.put("seed", Long.parseLong(m.get("seed")));
            settings.put("weight_draw", Integer.parseInt(m.get("draw")));
            settings.put("features", features.stream().map(Feature::id).toList());
            settings.put("hidden_layers", layers);
            settings.put("hidden_activations", activations.stream().map(Activation::kerasName).toList());
            settings.put("output_activation", Activation.byName(m.get("output")).kerasName());
            if (m.containsKey("loss")) {
                settings.put("loss", LossChoice.byName(m.get("loss")).id());
            }
            settings.put("learning_rate", Double.parseDouble(m.get("lr")));
            settings.put("optimizer", Optimizer.byName(m.get("optimizer")).name());
            settings.put("regularization", Regularization.Kind.byName(m.get("reg")).toString());
            settings.put("regularization_rate", Double.parseDouble(m.get("regRate")));
            settings.put("painted_points", List.of());
            if (m.containsKey("data")) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("source", decode(m.get("data")));
                data.put("label", decode(m.getOrDefault("dataLabel", "label")));
                data.put("label_kind", m.getOrDefault("dataKind", "auto"));
                List<String> columns = new ArrayList<>();
                for (String c : m.getOrDefault("dataColumns", "").split(",")) {
                    if (!c.isEmpty()) {
                        columns.add(decode(c));
                    }
                }
                data.put("columns", columns);
                data.put("standardize", Boolean.parseBoolean(m.getOrDefault("standardize", "true")));
                settings.put("data_file", data);
            }
            if (m.containsKey("validation")) {
                settings.put("validation_share", fraction(m.get("validation")));
            }
            if (m.containsKey("stop")) {
                settings.put("early_stopping", earlyStopping(m.get("stop")));
            }
            PlaygroundSettings parsed = SettingsCodec.fromMap(settings, "Share string");
            // Settings that are each fine may still not make a run (no features at all): say so now, as the
            // share string's fault, rather than when the playground rebuilds.
            parsed.toPlan().prepare();
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new PlaygroundException("Share string: " + e.getMessage());
        } catch (PlaygroundException e) {
            throw e.getMessage().startsWith("Share string") ? e
                    : new PlaygroundException("Share string: " + e.getMessage(), e);
        }
    }

    /** {@code stop=monitor,min_delta,patience,restore,start} as the codec's map. */
    private static Map<String, Object> earlyStopping(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length != 5) {
            throw new PlaygroundException("Share string: 'stop' must be monitor,min_delta,patience,restore,start"
                    + " (for example val_loss,0.0001,20,true,0), got '" + value + "'");
        }
        if (!parts[3].equals("true") && !parts[3].equals("false")) {
            throw new PlaygroundException("Share string: the fourth part of 'stop' must be true or false, got '"
                    + parts[3] + "'");
        }
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("monitor", parts[0]);
        rule.put("min_delta", Double.parseDouble(parts[1]));
        rule.put("patience", Integer.parseInt(parts[2].trim()));
        rule.put("restore_best_weights", Boolean.parseBoolean(parts[3]));
        rule.put("start_from_epoch", Integer.parseInt(parts[4].trim()));
        return rule;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A fraction in percent, exactly: 0.15 is "15", not 15.000000000000002. */
    private static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static double fraction(String percent) {
        return new BigDecimal(percent.trim()).movePointLeft(2).doubleValue();
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
