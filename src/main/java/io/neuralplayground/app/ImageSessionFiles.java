package io.neuralplayground.app;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.images.ImageCollection;
import io.neuralplayground.data.images.ImageSource;
import io.neuralplayground.data.images.ImageSources;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.f32.FloatNetwork;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.json.ModelFile;
import io.neuralplayground.session.images.ImageNetworks;
import io.neuralplayground.session.images.ImageSessionState;
import io.neuralplayground.session.EarlyStoppingCodec;
import io.neuralplayground.session.images.ImageSettings;
import io.neuralplayground.session.images.ImageSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Image sessions on disk: a model file ({@link ModelFile}, the playground's JSON, which every other tool of the
 * project reads as a network) whose inputs are {@code pixel_0} … and whose extra field {@value #FIELD} says how it
 * was trained and where its images are:
 * <pre>
 *   "image_session": {
 *     "version": 1,
 *     "images": {"collection": "fashion-mnist", "kind": "bundled" | "system_package" | "cache" | "user_folder",
 *                "folder": "…" (not for bundled)},
 *     "settings": {"hidden": [128], "activations": ["relu"], "optimizer": "sgd", "learning_rate": 0.01,
 *                  "batch_size": 32, "epochs": 30, "validation_share": 0.1, "seed": 1},
 *     "epoch": 3, "shuffle_state": 123456789,
 *     "curve": [[epoch, train_loss, train_accuracy, validation_loss, validation_accuracy, test_loss,
 *                test_accuracy, epoch_end], …]   (null for a part that has no figure)
 *   }
 * </pre>
 * Written atomically like every model file; read with the model reader's checks and then these fields', each
 * problem named.
 */
public final class ImageSessionFiles {
    /** The extra field of the model file. */
    public static final String FIELD = "image_session";
    static final int VERSION = 1;

    private ImageSessionFiles() {
    }

    /** A saved session: its state and where its images come from. */
    public record Saved(ImageSessionState state, ImageSource images) {
    }

    public static void write(Path file, ImageSessionState state, ImageSource images) {
        ModelFile.write(file, toModel(state, images));
    }

    static Model toModel(ImageSessionState state, ImageSource images) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("version", VERSION);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("collection", images.collection().folderName());
        source.put("kind", images.kind().name().toLowerCase(Locale.ROOT));
        images.folder().ifPresent(f -> source.put("folder", f.toAbsolutePath().toString()));
        session.put("images", source);
        ImageSettings s = state.settings();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("hidden", s.hidden());
        settings.put("activations", s.activations().stream().map(Activation::kerasName).toList());
        settings.put("optimizer", s.optimizer().name());
        settings.put("learning_rate", s.learningRate());
        settings.put("batch_size", s.batchSize());
        settings.put("epochs", s.epochs());
        settings.put("validation_share", s.validationShare());
        settings.put("seed", s.seed());
        if (s.earlyStopping() != null) {
            settings.put("early_stopping", EarlyStoppingCodec.toMap(s.earlyStopping()));
        }
        session.put("settings", settings);
        session.put("epoch", state.epoch());
        session.put("shuffle_state", state.shuffleState());
        List<Object> curve = new ArrayList<>();
        for (ImageSnapshot.CurvePoint p : state.curve()) {
            curve.add(java.util.Arrays.asList(p.epoch(), finite(p.trainLoss()), finite(p.trainAccuracy()),
                    finite(p.validationLoss()), finite(p.validationAccuracy()), finite(p.testLoss()),
                    finite(p.testAccuracy()), p.epochEnd()));
        }
        session.put("curve", curve);
        FloatNetwork network = state.network();
        return new Model(ImageNetworks.pixelNames(network.inputs()), network.toNetwork(), Map.of(FIELD, session));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Whether {@code file} is a model file with an image session in it (any problem reading it: no). */
    public static boolean isImageSession(Path file) {
        try {
            return ModelFile.read(file).extras().containsKey(FIELD);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads a saved image session.
     *
     * @throws PlaygroundException naming the file and the problem: not a model file, no image session in it, a
     *     field missing or wrong, the images' folder gone
     */
    public static Saved read(Path file) {
        Model model = ModelFile.read(file);
        Object field = model.extras().get(FIELD);
        if (!(field instanceof Map<?, ?> session)) {
            throw problem(file, "it is a network, not an image session (it has no \"" + FIELD + "\" field): "
                    + "import it instead");
        }
        try {
            int version = integer(session, "version");
            if (version != VERSION) {
                throw new IllegalArgumentException("version " + version + " is not one this playground reads ("
                        + VERSION + ")");
            }
            ImageSource images = source(map(session, "images"));
            ImageSettings settings = settings(map(session, "settings"));
            FloatNetwork network = FloatNetwork.of(model.network());
            if (network.depth() != settings.hidden().size() + 1) {
                throw new IllegalArgumentException("the network has " + (network.depth() - 1) + " hidden layers "
                        + "but the settings " + settings.hidden().size());
            }
            for (int l = 0; l < settings.hidden().size(); l++) {
                if (network.layer(l).units() != settings.hidden().get(l)
                        || network.layer(l).activation() != settings.activations().get(l)) {
                    throw new IllegalArgumentException("hidden layer " + (l + 1) + " of the network is not the "
                            + "settings' " + settings.hidden().get(l) + " " + settings.activations().get(l)
                            .kerasName());
                }
            }
            List<ImageSnapshot.CurvePoint> curve = new ArrayList<>();
            for (Object point : list(session, "curve")) {
                curve.add(point(point));
            }
            int epoch = integer(session, "epoch");
            long shuffleState = ((Number) require(session, "shuffle_state", Number.class)).longValue();
            return new Saved(new ImageSessionState(settings, network, epoch, shuffleState, curve), images);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw problem(file, e.getMessage());
        }
    }

    private static ImageSource source(Map<?, ?> images) {
        String name = (String) require(images, "collection", String.class);
        ImageCollection collection = java.util.Arrays.stream(ImageCollection.values())
                .filter(c -> c.folderName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("images.collection '" + name + "' is not one the "
                        + "playground knows (fashion-mnist, mnist)"));
        String kind = (String) require(images, "kind", String.class);
        ImageSource.Kind k;
        try {
            k = ImageSource.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("images.kind '" + kind + "' is not bundled, system_package, cache "
                    + "or user_folder");
        }
        if (k == ImageSource.Kind.BUNDLED) {
            return ImageSources.standard(collection).available().stream().filter(ImageSource::isSubset).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the bundled subset of "
                            + collection.displayName() + " is not in this application"));
        }
        Path folder = Path.of((String) require(images, "folder", String.class));
        return ImageSource.folder(k, collection, folder);
    }

    private static ImageSettings settings(Map<?, ?> s) {
        List<Integer> hidden = new ArrayList<>();
        for (Object w : list(s, "hidden")) {
            hidden.add(((Number) w).intValue());
        }
        List<Activation> activations = new ArrayList<>();
        for (Object a : list(s, "activations")) {
            activations.add(Activation.byName((String) a));
        }
        return new ImageSettings(hidden, activations, Optimizer.byName((String) require(s, "optimizer",
                String.class)), number(s, "learning_rate"), integer(s, "batch_size"), integer(s, "epochs"),
                number(s, "validation_share"), ((Number) require(s, "seed", Number.class)).longValue(),
                s.containsKey("early_stopping")
                        ? EarlyStoppingCodec.fromMap(s.get("early_stopping"), "image_session.settings.early_stopping")
                        : null);
    }

    private static ImageSnapshot.CurvePoint point(Object value) {
        if (!(value instanceof List<?> p) || p.size() != 8 || !(p.get(7) instanceof Boolean end)) {
            throw new IllegalArgumentException("a point of the curve is [epoch, 6 figures or null, epoch_end], not "
                    + value);
        }
        double[] f = new double[7];
        for (int i = 0; i < 7; i++) {
            f[i] = p.get(i) == null ? Double.NaN : ((Number) p.get(i)).doubleValue();
        }
        return new ImageSnapshot.CurvePoint(f[0], f[1], f[2], f[3], f[4], f[5], f[6], end);
    }

    private static Object require(Map<?, ?> map, String key, Class<?> type) {
        Object value = map.get(key);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("\"" + key + "\" is missing or not a " + (type == String.class
                    ? "text" : type == Number.class ? "number" : type.getSimpleName().toLowerCase(Locale.ROOT)));
        }
        return value;
    }

    private static Map<?, ?> map(Map<?, ?> map, String key) {
        return (Map<?, ?>) require(map, key, Map.class);
    }

    private static List<?> list(Map<?, ?> map, String key) {
        return (List<?>) require(map, key, List.class);
    }

    private static int integer(Map<?, ?> map, String key) {
        Number n = (Number) require(map, key, Number.class);
        if (n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("\"" + key + "\" must be a whole number, not " + n);
        }
        return n.intValue();
    }

    private static double number(Map<?, ?> map, String key) {
        return ((Number) require(map, key, Number.class)).doubleValue();
    }

    private static PlaygroundException problem(Path file, String what) {
        return new PlaygroundException(file + ": " + what);
    }
}
