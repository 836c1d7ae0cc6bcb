package io.neuralplayground.fuzz;

import io.neuralplayground.app.ImageSessionFiles;
import io.neuralplayground.app.SessionDocuments;
import io.neuralplayground.app.SessionFiles;
import io.neuralplayground.data.CsvDatasetReader;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.data.images.ImageCollection;
import io.neuralplayground.data.images.ImageSource;
import io.neuralplayground.data.images.ImageSources;
import io.neuralplayground.data.images.IdxReader;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Regularization;
import io.neuralplayground.engine.f32.FloatNetwork;
import io.neuralplayground.io.ExportTestModels;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.formats.ModelFormat;
import io.neuralplayground.io.json.SessionDocument;
import io.neuralplayground.io.json.SessionFile;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.SessionState;
import io.neuralplayground.session.ShareString;
import io.neuralplayground.session.TrainingSession;
import io.neuralplayground.session.images.ImageSessionState;
import io.neuralplayground.session.images.ImageSettings;
import io.neuralplayground.session.images.ImageSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The readers fuzzed, each with its valid seed files: the bundled examples and data, and files the project's own
 * writers make. Each reader is called the way the window and the command line call it.
 */
final class FuzzTargets {
    private FuzzTargets() {
    }

    /** What one case does with the damaged bytes, written to {@code file}: read them, returning anything. */
    @FunctionalInterface
    interface Read {
        Object read(Path file, byte[] bytes) throws Exception;
    }

    /** A reader under fuzzing: its name, its files' ending, its layout for the mutator, its seeds, its call. */
    record Target(String name, String extension, Mutator.Layout layout, List<byte[]> seeds, Read read) {
    }

    /** Every reader, in the order of the report, with its seeds made in {@code dir}. */
    static List<Target> all(Path dir) throws Exception {
        List<Target> targets = new ArrayList<>();
        List<Model> models = models();
        targets.add(new Target("model-json", ".json", Mutator.Layout.TEXT, withBundled(modelFiles(ModelFormat.JSON,
                models, dir)), (file, bytes) -> ModelFormat.JSON.importModel(file)));
        targets.add(new Target("csv", ".csv", Mutator.Layout.TEXT, csvSeeds(), (file, bytes) -> {
            // As the window opens a CSV: a preview first, then the whole file with the label column it found.
            var preview = CsvDatasetReader.preview(file, 20);
            String label = preview.columns().contains("label") ? "label" : preview.columns().get(
                    preview.columns().size() - 1);
            return CsvDatasetReader.read(file, label);
        }));
        targets.add(new Target("npz", ".npz", Mutator.Layout.ZIP, modelFiles(ModelFormat.NPZ, models, dir),
                (file, bytes) -> ModelFormat.NPZ.importModel(file)));
        targets.add(new Target("keras", ".keras", Mutator.Layout.ZIP, normalisedKeras(modelFiles(ModelFormat.KERAS,
                models, dir)), (file, bytes) -> ModelFormat.KERAS.importModel(file)));
        targets.add(new Target("weights-h5", ".weights.h5", Mutator.Layout.HDF5, modelFiles(ModelFormat.WEIGHTS_H5,
                models, dir), (file, bytes) -> ModelFormat.WEIGHTS_H5.importModel(file)));
        targets.add(new Target("h5", ".h5", Mutator.Layout.HDF5, modelFiles(ModelFormat.H5, models, dir),
                (file, bytes) -> ModelFormat.H5.importModel(file)));
        targets.add(new Target("session", ".session.json", Mutator.Layout.TEXT, sessionSeeds(dir),
                (file, bytes) -> SessionFiles.read(file)));
        targets.add(new Target("image-session", ".json", Mutator.Layout.TEXT, imageSessionSeeds(dir),
                (file, bytes) -> ImageSessionFiles.read(file)));
        targets.add(new Target("share-string", ".txt", Mutator.Layout.TEXT, shareStrings(),
                (file, bytes) -> ShareString.parse(new String(bytes, StandardCharsets.UTF_8))));
        List<byte[]> idx = idxSeeds();
        targets.add(new Target("idx-images", ".idx", Mutator.Layout.IDX, idx.subList(0, 2),
                (file, bytes) -> IdxReader.readImages(file)));
        targets.add(new Target("idx-labels", ".idx", Mutator.Layout.IDX, idx.subList(2, 4),
                (file, bytes) -> IdxReader.readLabels(file, 10)));
        return targets;
    }

    /** Models of several shapes and activations, odd input names among them; the bundled example first. */
    private static List<Model> models() {
        List<Model> models = new ArrayList<>();
        Path example = Path.of("resources/examples/textbook-2-2-2.json");
        models.add(ModelFormat.JSON.read(example));
        for (String name : List.of("one layer", "every activation in turn", "wide")) {
            models.add(ExportTestModels.named(name));
        }
        Model odd = ExportTestModels.model(new int[] {5, 3, 2}, new Activation[] {Activation.ELU,
            Activation.LINEAR}, 11);
        models.add(new Model(List.of("say \"hi\"", "back\\slash", "Größe", "温度", "emoji 😀"), odd.network()));
        return models;
    }

    private static List<byte[]> modelFiles(ModelFormat format, List<Model> models, Path dir) throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            Path file = dir.resolve("seed-" + format.id() + "-" + i + format.extension());
            format.write(models.get(i), file);
            seeds.add(Files.readAllBytes(file));
        }
        return seeds;
    }

    private static List<byte[]> withBundled(List<byte[]> seeds) throws IOException {
        List<byte[]> all = new ArrayList<>(seeds);
        all.add(Files.readAllBytes(Path.of("resources/examples/textbook-2-2-2.json")));
        return all;
    }

    /**
     * A .keras archive holds the time it was saved (in metadata.json and in the zip's entries): rezipped with one
     * fixed time, the same seed gives the same files on every run, and a case number names the same bytes.
     */
    private static List<byte[]> normalisedKeras(List<byte[]> archives) {
        List<byte[]> seeds = new ArrayList<>();
        for (byte[] archive : archives) {
            LinkedHashMap<String, byte[]> entries = Mutator.unzip(archive);
            String metadata = new String(entries.get("metadata.json"), StandardCharsets.UTF_8);
            entries.put("metadata.json", metadata.replaceAll("\"date_saved\"\\s*:\\s*\"[^\"]*\"",
                    "\"date_saved\": \"2025-01-01@00:00:00\"").getBytes(StandardCharsets.UTF_8));
            seeds.add(Mutator.zip(entries, false));
        }
        return seeds;
    }

    /** The bundled CSV files (the large one cut to its first rows) and a regression table with CRLF lines. */
    private static List<byte[]> csvSeeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(Files.readAllBytes(Path.of("datasets/two-moons.csv")));
        seeds.add(Files.readAllBytes(Path.of("datasets/iris.csv")));
        List<String> lines = Files.readAllLines(Path.of("datasets/breast-cancer.csv"));
        seeds.add((String.join("\n", lines.subList(0, 40)) + "\n").getBytes(StandardCharsets.UTF_8));
        seeds.add(("x1,x2,label\r\n0.5,-1.25,3.5\r\n1e-3,2,-7\r\n-0.0,4.5e2,0\r\n3,\"4\",1\r\n7,8,9.25\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return seeds;
    }

    /** Sessions trained a few epochs: XOR with Adam, the spiral with momentum and L2, a plane regression. */
    private static List<byte[]> sessionSeeds(Path dir) throws Exception {
        List<PlaygroundSettings> settings = List.of(
                PlaygroundSettings.defaults().withDataset(PlaygroundDataset.XOR)
                        .withHidden(List.of(3, 2), List.of(Activation.TANH, Activation.RELU))
                        .withOptimizer(Optimizer.adam()).withBatchSize(25),
                PlaygroundSettings.defaults().withDataset(PlaygroundDataset.SPIRAL).withOptimizer(Optimizer.momentum())
                        .withRegularization(Regularization.l2(0.001)).withNoise(0.1),
                PlaygroundSettings.defaults().withDataset(PlaygroundDataset.PLANE)
                        .withHidden(List.of(2), List.of(Activation.ELU)));
        List<byte[]> seeds = new ArrayList<>();
        for (PlaygroundSettings s : settings) {
            try (TrainingSession session = new TrainingSession(s)) {
                session.trainEpochs(3);
                SessionState state = session.capture().get(60, TimeUnit.SECONDS);
                seeds.add(SessionFile.toJson(SessionDocuments.toDocument(state, SessionDocument.View.DEFAULT))
                        .getBytes(StandardCharsets.UTF_8));
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not build a seed session", e);
            }
        }
        return seeds;
    }

    /** An image session on the bundled Fashion-MNIST subset, written by the application's writer. */
    private static List<byte[]> imageSessionSeeds(Path dir) throws IOException {
        ImageSource bundled = ImageSources.standard(ImageCollection.FASHION_MNIST).available().stream()
                .filter(ImageSource::isSubset).findFirst().orElseThrow();
        ImageSettings settings = ImageSettings.defaults().withLayers(List.of(6), List.of(Activation.RELU));
        Model model = ExportTestModels.model(new int[] {784, 6, 10}, new Activation[] {Activation.RELU,
            Activation.SOFTMAX}, 7);
        ImageSessionState state = new ImageSessionState(settings, FloatNetwork.of(model.network()), 2, 12345L,
                List.of(new ImageSnapshot.CurvePoint(1, 0.9, 0.8, 0.6, 0.65, 0.61, 0.64, true),
                        new ImageSnapshot.CurvePoint(1.5, 0.7, 0.72, Double.NaN, Double.NaN, Double.NaN,
                                Double.NaN, false)));
        Path file = dir.resolve("seed-image-session.json");
        ImageSessionFiles.write(file, state, bundled);
        return List.of(Files.readAllBytes(file));
    }

    private static List<byte[]> shareStrings() {
        List<PlaygroundSettings> settings = List.of(PlaygroundSettings.defaults(),
                PlaygroundSettings.playgroundDefaults().withDataset(PlaygroundDataset.SPIRAL)
                        .withHidden(List.of(8, 8, 5), List.of(Activation.RELU, Activation.RELU, Activation.TANH))
                        .withOptimizer(Optimizer.adam()).withRegularization(Regularization.l1(0.003)).withNoise(0.25)
                        .withTrainRatio(0.7).withSeed(42),
                PlaygroundSettings.defaults().withDataset(PlaygroundDataset.PLANE).withBatchSize(30)
                        .withLearningRate(0.3));
        return settings.stream().map(s -> ShareString.of(s).getBytes(StandardCharsets.UTF_8))
                .collect(Collectors.toList());
    }

    /**
     * Plain IDX files: the first 30 images of the bundled test set (a header cut to match) and all 1,000 of them;
     * the first 30 labels and all of them. The mutator compresses a share of the cases again.
     */
    private static List<byte[]> idxSeeds() throws IOException {
        Path folder = Path.of("datasets/fashion-mnist-subset");
        byte[] images = Mutator.gunzip(Files.readAllBytes(folder.resolve("t10k-images-idx3-ubyte.gz")));
        byte[] labels = Mutator.gunzip(Files.readAllBytes(folder.resolve("t10k-labels-idx1-ubyte.gz")));
        byte[] fewImages = java.util.Arrays.copyOf(images, 16 + 30 * 784);
        fewImages[4] = 0;
        fewImages[5] = 0;
        fewImages[6] = 0;
        fewImages[7] = 30;
        byte[] fewLabels = java.util.Arrays.copyOf(labels, 8 + 30);
        fewLabels[4] = 0;
        fewLabels[5] = 0;
        fewLabels[6] = 0;
        fewLabels[7] = 30;
        return List.of(fewImages, images, fewLabels, labels);
    }

    /** The targets by name, in order. */
    static Map<String, Target> byName(List<Target> targets) {
        Map<String, Target> map = new LinkedHashMap<>();
        for (Target t : targets) {
            map.put(t.name(), t);
        }
        return map;
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
