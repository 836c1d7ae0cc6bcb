package io.neuralplayground.ui.viewmodel.images;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.ReadCancelledException;
import io.neuralplayground.data.images.ImageCollection;
import io.neuralplayground.data.images.ImageData;
import io.neuralplayground.data.images.ImageDataReader;
import io.neuralplayground.data.images.ImageSource;
import io.neuralplayground.data.images.ImageSources;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.engine.ConfusionMatrix;
import io.neuralplayground.engine.f32.Gemm;
import io.neuralplayground.engine.f32.Gemms;
import io.neuralplayground.io.Model;
import io.neuralplayground.session.images.ImageSession;
import io.neuralplayground.session.images.ImageSettings;
import io.neuralplayground.session.images.ImageSnapshot;
import io.neuralplayground.app.ImageSessionFiles;
import io.neuralplayground.session.images.ImageNetworks;
import io.neuralplayground.session.images.ImageSessionState;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The image mode's tab: which images it trains on (read off the FX thread, with progress; a failed read changes
 * nothing), the {@link ImageSession} and its settings, and what the views show of its newest snapshot, taken once
 * per frame: the progress through the epoch, the test images' predictions, their confusion matrix, the first
 * layer's weights (drawn off the FX thread) and the network's answer for the user's drawing.
 *
 * <p>The FX thread never trains and never waits: the session trains on its own thread, reading and building a
 * session run on the reader executor, the weight pictures on the pictures executor.
 */
public final class ImagesViewModel implements AutoCloseable, io.neuralplayground.ui.viewmodel.ConfusionSource {
    public static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "nesterov", "rmsprop", "adam");
    public static final List<Double> LEARNING_RATES = List.of(0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3,
            1.0);
    public static final List<Integer> BATCH_SIZES = List.of(1, 8, 16, 32, 64, 128, 256, 512, 1024);
    public static final List<Integer> EPOCHS = List.of(1, 2, 3, 5, 10, 20, 30, 50, 100, 200);
    public static final List<Double> VALIDATION_SHARES = List.of(0.0, 0.05, 0.1, 0.2, 0.3);
    /** Early stopping's patience on val_loss, 0 for none: epochs here are few and long. */
    public static final List<Integer> EARLY_STOPPING_PATIENCES = List.of(0, 1, 2, 3, 5, 10);
    public static final List<Integer> UNITS = List.of(8, 16, 32, 64, 128, 256, 512, 1024);
    public static final List<Activation> ACTIVATIONS = List.of(Activation.RELU, Activation.TANH, Activation.SIGMOID,
            Activation.LINEAR);
    /** Tiles per row of the weight picture. */
    public static final int WEIGHT_COLUMNS = 16;

    private final Executor reader;
    private final Consumer<Runnable> fxThread;
    private final Supplier<List<ImageSource>> available;
    private final Supplier<Gemm> kernel;
    private final ObservableList<ImageSource> sources = FXCollections.observableArrayList();
    private final ObservableList<ImageSource> readOnlySources = FXCollections.unmodifiableObservableList(sources);
    private final ReadOnlyObjectWrapper<ImageSource> source = new ReadOnlyObjectWrapper<>(this, "source");
    private final ReadOnlyObjectWrapper<ImageSource> reading = new ReadOnlyObjectWrapper<>(this, "reading");
    private final ReadOnlyDoubleWrapper readProgress = new ReadOnlyDoubleWrapper(this, "readProgress");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<ImageData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private final ReadOnlyObjectWrapper<ImageSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings",
            ImageSettings.defaults());
    private final ReadOnlyObjectWrapper<ImageSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper epochFraction = new ReadOnlyDoubleWrapper(this, "epochFraction");
    private final ReadOnlyStringWrapper kernelText = new ReadOnlyStringWrapper(this, "kernel", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<io.neuralplayground.ui.viewmodel.ClassReport> classReport =
            new ReadOnlyObjectWrapper<>(this, "classReport");
    private final javafx.beans.property.ObjectProperty<io.neuralplayground.ui.viewmodel.ConfusionCell> highlighted =
            new javafx.beans.property.SimpleObjectProperty<>(this, "highlightedCell");
    private final ReadOnlyObjectWrapper<WeightPicture> weights = new ReadOnlyObjectWrapper<>(this, "weights");
    private final BooleanProperty sharedWeightScale = new SimpleBooleanProperty(this, "sharedWeightScale");
    private final BooleanProperty weightChange = new SimpleBooleanProperty(this, "weightChange");
    private final ReadOnlyObjectWrapper<float[]> drawingProbabilities = new ReadOnlyObjectWrapper<>(this,
            "drawingProbabilities");
    private final TestImageBrowser browser = new TestImageBrowser();
    private final io.neuralplayground.ui.viewmodel.LatestWins<PictureRequest, WeightPicture> pictures;
    private Drawing drawing = new Drawing(28, 28);
    private ImageSession session;
    private ImageDownloader downloader;
    private volatile Gemm gemm;
    /** Counts the reads asked for: a read whose number is no longer this one is cancelled or its result dropped. */
    private volatile int generation;
    private volatile double readFraction;
    private long shownBuild = -1;
    private int shownEpoch = -1;
    private int shownDone = -1;
    private ImageSnapshot.TestResults shownTest;

    /** What a weight picture is made of. */
    private record PictureRequest(ImageSnapshot snapshot, int rows, boolean shared, boolean sinceStart) {
    }

    /**
     * @param reader    where images are read and sessions built
     * @param pictures  where weight pictures are drawn
     * @param fxThread  how results come back to the FX thread
     * @param available the places the images can come from, in order (asked when the tab first opens)
     * @param kernel    the matrix kernel (asked once, on the reader executor: loading a native library takes time)
     */
    public ImagesViewModel(Executor reader, Executor pictures, Consumer<Runnable> fxThread,
            Supplier<List<ImageSource>> available, Supplier<Gemm> kernel) {
        this.reader = Objects.requireNonNull(reader);
        this.fxThread = Objects.requireNonNull(fxThread);
        this.available = Objects.requireNonNull(available);
        this.kernel = Objects.requireNonNull(kernel);
        this.pictures = new io.neuralplayground.ui.viewmodel.LatestWins<>(pictures,
                r -> WeightPictures.of(r.snapshot(), r.rows(), WEIGHT_COLUMNS, r.shared(), r.sinceStart()));
        javafx.beans.InvalidationListener redraw = o -> {
            if (snapshot.get() != null) {
                requestPicture(snapshot.get());
            }
        };
        sharedWeightScale.addListener(redraw);
        weightChange.addListener(redraw);
        // A matrix cell clicked: the test images of that true and predicted class; cleared, every image again.
        highlighted.addListener((o, was, now) -> {
            browser.onlyMistakesProperty().set(false);
            browser.classFilterProperty().set(now == null ? TestImageBrowser.ALL_CLASSES : now.trueClass());
            browser.predictedFilterProperty().set(now == null ? TestImageBrowser.ALL_CLASSES
                    : now.predictedClass());
        });
    }

    /**
     * Fashion-MNIST from the places of this machine, the kernel {@link Gemms#best} with one thread, and Download
     * from the official address into the cache folder, on a thread of its own.
     */
    public static ImagesViewModel standard(Executor reader, Executor pictures, Consumer<Runnable> fxThread) {
        ImageSources places = ImageSources.standard(ImageCollection.FASHION_MNIST);
        ImagesViewModel vm = new ImagesViewModel(reader, pictures, fxThread, places::available, () -> Gemms.best(1));
        Executor downloads = task -> {
            Thread thread = new Thread(task, "image-download");
            thread.setDaemon(true);
            thread.start();
        };
        vm.useDownloader(downloads, () -> io.neuralplayground.data.images.ImageDownload.of(
                ImageCollection.FASHION_MNIST), places.cacheFolder());
        return vm;
    }

    /**
     * Lets the tab download Fashion-MNIST with {@code download} into {@code folder} (the cache the image sources
     * look in), on {@code worker}; the images open from there once downloaded.
     */
    public void useDownloader(Executor worker, Supplier<io.neuralplayground.data.images.ImageDownload> download,
            Path folder) {
        downloader = new ImageDownloader(worker, fxThread, download, folder, this::open, error::set);
    }

    /** The tab's download, or null where it has none. */
    public ImageDownloader downloader() {
        return downloader;
    }

    /**
     * Opens the first place images are found (the whole Fashion-MNIST when it is installed, else the bundled
     * subset), unless images are open or being read already.
     */
    public void openDefault() {
        if (session != null || reading.get() != null) {
            return;
        }
        List<ImageSource> found = available.get();
        sources.setAll(found);
        if (found.isEmpty()) {
            error.set("No images found: choose a folder with File ▸ Open images…");
            return;
        }
        open(found.get(0));
    }

    /**
     * Reads {@code chosen} in the background and trains on it once read; a read under way is cancelled. If it
     * fails, the images and the session stay as they were and {@link #errorProperty() error} says why.
     */
    public void open(ImageSource chosen) {
        Objects.requireNonNull(chosen);
        reading.set(chosen);
        ImageSettings start = settings.get();
        readInBackground("The images of " + chosen.description() + " could not be read: ",
                () -> new Opening(chosen, start, null));
    }

    /** What a background read opens: the images' source, the settings, and a saved state to go on from or none. */
    private record Opening(ImageSource source, ImageSettings settings, ImageSessionState state) {
    }

    /**
     * Reads the images {@code what} names on the reader and makes their session, then, on the FX thread, puts it
     * in place of the one shown, unless a newer read has begun; on failure the tab stays as it was and
     * {@link #errorProperty() error} says why, after {@code failure}.
     */
    private void readInBackground(String failure, java.util.function.Supplier<Opening> what) {
        int number = ++generation;
        readFraction = 0;
        readProgress.set(0);
        error.set("");
        reader.execute(() -> {
            try {
                if (gemm == null) {
                    gemm = kernel.get();
                }
                Opening o = what.get();
                fxThread.accept(() -> reading.set(o.source()));
                ImageData read = ImageDataReader.read(o.source(), f -> readFraction = f, () -> generation != number);
                ImageSession made = new ImageSession(read, o.settings(), gemm);
                if (o.state() != null) {
                    made.restore(o.state());
                    made.sync();
                }
                fxThread.accept(() -> {
                    if (generation == number) {
                        if (!sources.contains(o.source())) {
                            sources.add(o.source());
                        }
                        if (o.state() != null) {
                            settings.set(o.settings());
                        }
                        opened(o.source(), read, made, o.settings());
                    } else {
                        made.close();
                    }
                });
            } catch (ReadCancelledException cancelled) {
                // A newer read took its place: nothing to say.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                String why = e instanceof PlaygroundException ? e.getMessage()
                        : "something went wrong that should not have: " + e;
                fxThread.accept(() -> {
                    if (generation == number) {
                        reading.set(null);
                        error.set(failure + why);
                    }
                });
            }
        });
    }

    /**
     * Opens the images in a folder the user picked: Fashion-MNIST when its name says so, MNIST otherwise (both
     * have ten classes of 28 × 28 pictures; only the class names differ).
     *
     * @return false, with the reason in {@link #errorProperty() error}, if the folder lacks one of the four files
     */
    public boolean openFolder(Path folder) {
        ImageCollection collection = folder.toString().toLowerCase(Locale.ROOT).contains("fashion")
                ? ImageCollection.FASHION_MNIST : ImageCollection.MNIST;
        ImageSource chosen;
        try {
            chosen = ImageSource.folder(ImageSource.Kind.USER_FOLDER, collection, folder);
        } catch (PlaygroundException e) {
            error.set(e.getMessage());
            return false;
        }
        sources.removeIf(s -> s.kind() == ImageSource.Kind.USER_FOLDER && s.folder().equals(chosen.folder()));
        open(chosen);
        return true;
    }

    private void opened(ImageSource chosen, ImageData read, ImageSession made, ImageSettings start) {
        ImageSession old = session;
        session = made;
        if (old != null) {
            old.close();
        }
        if (!settings.get().equals(start)) {
            // Changed while the images were read.
            made.apply(settings.get());
        }
        reading.set(null);
        readProgress.set(1);
        source.set(chosen);
        data.set(read);
        drawing = new Drawing(read.rows(), read.cols());
        drawingProbabilities.set(null);
        shownBuild = -1;
        shownTest = null;
        browser.setImages(read.test(), null);
        onFrame();
    }

    /** Takes the session's newest snapshot and the newest weight picture (once per frame, on the FX thread). */
    public void onFrame() {
        if (downloader != null) {
            downloader.onFrame();
        }
        if (reading.get() != null) {
            readProgress.set(readFraction);
        }
        if (session != null) {
            ImageSnapshot s = session.latest();
            if (s != snapshot.get()) {
                show(s);
            }
        }
        WeightPicture picture = pictures.take();
        if (picture != null) {
            weights.set(picture);
        }
    }

    private void show(ImageSnapshot s) {
        snapshot.set(s);
        playing.set(s.playing());
        progressText.set(ImageProgressText.of(s));
        epochFraction.set(ImageProgressText.fraction(s));
        kernelText.set(s.kernel());
        message.set(s.message() == null ? "" : s.message());
        if (s.build() != shownBuild || s.epoch() != shownEpoch || s.examplesDone() != shownDone) {
            shownBuild = s.build();
            shownEpoch = s.epoch();
            shownDone = s.examplesDone();
            requestPicture(s);
            updateDrawingProbabilities();
        }
        if (s.test() != shownTest) {
            shownTest = s.test();
            browser.setResults(s.test());
            ImageData d = data.get();
            int k = d.classNames().size();
            classReport.set(s.test() == null ? null : new io.neuralplayground.ui.viewmodel.ClassReport(s.build(),
                    s.test().epoch(), d.classNames(), ConfusionMatrix.of(new int[0], new int[0], k),
                    ConfusionMatrix.of(d.test().labels(), s.test().predicted(), k), new int[0],
                    s.test().predicted()));
        }
    }

    private void requestPicture(ImageSnapshot s) {
        pictures.request(new PictureRequest(s, data.get().rows(), sharedWeightScale.get(), weightChange.get()));
    }

    public void togglePlay() {
        if (session != null) {
            session.togglePlay();
        }
    }

    public void play() {
        if (session != null) {
            session.play();
        }
    }

    public void pause() {
        if (session != null) {
            session.pause();
        }
    }

    /** Trains to the end of the epoch under way, then pauses. */
    public void stepEpoch() {
        if (session != null) {
            session.stepEpoch();
        }
    }

    /** Back to the same initial weights, epoch 0. */
    public void reset() {
        if (session != null) {
            session.reset();
        }
    }

    /** Fresh initial weights: the next seed. */
    public void newWeights() {
        apply(settings.get().withSeed(settings.get().seed() + 1));
    }

    /** New settings for the session (applied between two batches; new layers start a new network). */
    public void apply(ImageSettings next) {
        Objects.requireNonNull(next);
        if (next.equals(settings.get())) {
            return;
        }
        settings.set(next);
        if (session != null) {
            session.apply(next);
        }
    }

    public void setOptimizer(String name) {
        apply(settings.get().withOptimizer(io.neuralplayground.engine.Optimizer.byName(name)));
    }

    public void setLearningRate(double rate) {
        apply(settings.get().withLearningRate(rate));
    }

    public void setBatchSize(int size) {
        apply(settings.get().withBatchSize(size));
    }

    public void setEpochs(int epochs) {
        apply(settings.get().withEpochs(epochs));
    }

    /** No validation images leaves early stopping on val_loss nothing to watch: it goes off with them. */
    public void setValidationShare(double share) {
        ImageSettings s = settings.get();
        if (share == 0 && s.earlyStopping() != null && s.earlyStopping().monitor().needsValidation()) {
            s = s.withEarlyStopping(null);
        }
        apply(s.withValidationShare(share));
    }

    /**
     * Keras' early stopping on val_loss with this patience, restoring the best weights (0: none). With no
     * validation images, a tenth of the training images is kept apart first.
     */
    public void setEarlyStoppingPatience(int patience) {
        ImageSettings s = settings.get();
        if (patience == 0) {
            apply(s.withEarlyStopping(null));
            return;
        }
        if (s.validationShare() == 0) {
            s = s.withValidationShare(0.1);
        }
        EarlyStopping rule = s.earlyStopping() == null ? EarlyStopping.defaults().withMinDelta(0)
                : s.earlyStopping();
        apply(s.withEarlyStopping(rule.withPatience(patience)));
    }

    /** Hidden layers of these widths and activations. */
    public void setLayers(List<Integer> widths, List<Activation> activations) {
        apply(settings.get().withLayers(widths, activations));
    }

    /** Adds a hidden layer like the last one (or 128 relu), up to {@link ImageSettings#MAX_LAYERS}. */
    public void addLayer() {
        ImageSettings s = settings.get();
        if (s.hidden().size() >= ImageSettings.MAX_LAYERS) {
            return;
        }
        List<Integer> widths = new java.util.ArrayList<>(s.hidden());
        List<Activation> acts = new java.util.ArrayList<>(s.activations());
        widths.add(widths.isEmpty() ? 128 : widths.get(widths.size() - 1));
        acts.add(acts.isEmpty() ? Activation.RELU : acts.get(acts.size() - 1));
        setLayers(widths, acts);
    }

    /** Removes the last hidden layer (none left is logistic regression on the pixels). */
    public void removeLayer() {
        ImageSettings s = settings.get();
        if (s.hidden().isEmpty()) {
            return;
        }
        setLayers(s.hidden().subList(0, s.hidden().size() - 1), s.activations().subList(0, s.hidden().size() - 1));
    }

    /** Layer {@code l}'s width. */
    public void setUnits(int l, int units) {
        List<Integer> widths = new java.util.ArrayList<>(settings.get().hidden());
        widths.set(l, units);
        setLayers(widths, settings.get().activations());
    }

    /** Layer {@code l}'s activation. */
    public void setActivation(int l, Activation activation) {
        List<Activation> acts = new java.util.ArrayList<>(settings.get().activations());
        acts.set(l, activation);
        setLayers(settings.get().hidden(), acts);
    }

    /** One stroke of the brush on the drawing, in its pixel units; the network looks at the drawing again. */
    public void stroke(double x0, double y0, double x1, double y1) {
        long before = drawing.version();
        drawing.stroke(x0, y0, x1, y1);
        if (drawing.version() != before) {
            updateDrawingProbabilities();
        }
    }

    public void clearDrawing() {
        drawing.clear();
        updateDrawingProbabilities();
    }

    /** What the network says of the drawing: a product of 784 × 128 and smaller, cheap enough for the FX thread. */
    private void updateDrawingProbabilities() {
        ImageSnapshot s = snapshot.get();
        if (s == null || drawing.isEmpty() || gemm == null) {
            drawingProbabilities.set(null);
            return;
        }
        drawingProbabilities.set(s.network().probabilities(gemm, drawing.pixels()));
    }

    /** The network now, as the export code takes it, its inputs named pixel_0 … pixel_783. */
    public Model model() {
        ImageSnapshot s = snapshot.get();
        if (s == null) {
            return null;
        }
        return new Model(ImageNetworks.pixelNames(s.network().inputs()), s.network().toNetwork());
    }

    /**
     * Saves the session as it is between two batches to {@code file} ({@link ImageSessionFiles}), in the
     * background; the future says where, or fails with the reason (and the file stays as it was).
     */
    public java.util.concurrent.CompletableFuture<Path> saveSession(Path file) {
        java.util.concurrent.CompletableFuture<Path> saved = new java.util.concurrent.CompletableFuture<>();
        ImageSession current = session;
        ImageSource from = source.get();
        if (current == null || from == null) {
            saved.completeExceptionally(new PlaygroundException("There is no image session to save yet: open "
                    + "images in the Images tab first"));
            return saved;
        }
        current.capture().thenAcceptAsync(state -> {
            try {
                ImageSessionFiles.write(file, state, from);
                fxThread.accept(() -> saved.complete(file));
            } catch (RuntimeException e) {
                fxThread.accept(() -> saved.completeExceptionally(e));
            }
        }, reader);
        return saved;
    }

    /**
     * Opens a saved image session in the background: its images (read again from where they were), settings,
     * weights, epochs and curves, paused. If anything fails the tab stays as it was and
     * {@link #errorProperty() error} says why.
     */
    public void openSession(Path file) {
        readInBackground("The image session " + file.getFileName() + " could not be opened: ", () -> {
            ImageSessionFiles.Saved saved = ImageSessionFiles.read(file);
            return new Opening(saved.images(), saved.state().settings(), saved.state());
        });
    }

    @Override
    public void close() {
        generation++;
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** The session now, or null before images are read (for tests and scripts). */
    public ImageSession session() {
        return session;
    }

    public Drawing drawing() {
        return drawing;
    }

    public TestImageBrowser browser() {
        return browser;
    }

    /** The places offered in the dataset chooser. */
    public ObservableList<ImageSource> sources() {
        return readOnlySources;
    }

    /** Where the images shown come from, or null before any are read. */
    public ReadOnlyObjectProperty<ImageSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The place being read now, or null. */
    public ReadOnlyObjectProperty<ImageSource> readingProperty() {
        return reading.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty readProgressProperty() {
        return readProgress.getReadOnlyProperty();
    }

    /** Why the last read or folder failed, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImageData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImageSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ImageSettings settings() {
        return settings.get();
    }

    public ReadOnlyObjectProperty<ImageSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** "epoch 3 of 30 · 21,000 / 54,000 images · 18,500 images/s · 2 s left". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The share of the epoch under way that is done. */
    public ReadOnlyDoubleProperty epochFractionProperty() {
        return epochFraction.getReadOnlyProperty();
    }

    /** The matrix kernel: "OpenBLAS 0.3.31 (native, 1 thread)", or why the Java kernel runs. */
    public ReadOnlyStringProperty kernelProperty() {
        return kernelText.getReadOnlyProperty();
    }

    /** Why training stopped, or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The test images' confusion matrix as of the last measurement, or null. */
    /** The test images' report for the confusion matrix view (no training part: see {@link #reportsTrainingPart}). */
    @Override
    public ReadOnlyObjectProperty<io.neuralplayground.ui.viewmodel.ClassReport> classReportProperty() {
        return classReport.getReadOnlyProperty();
    }

    /** The matrix cell whose test images the grid shows, or null for all of them. */
    @Override
    public javafx.beans.property.ObjectProperty<io.neuralplayground.ui.viewmodel.ConfusionCell>
            highlightedCellProperty() {
        return highlighted;
    }

    @Override
    public boolean reportsTrainingPart() {
        return false;
    }

    @Override
    public String cellClickMeaning() {
        return "click to see these test images";
    }


    public ReadOnlyObjectProperty<WeightPicture> weightsProperty() {
        return weights.getReadOnlyProperty();
    }

    /** Whether the weight tiles share the layer's scale (otherwise each its own). */
    /** Whether the weight pictures show the change since the network's initial weights (w − w₀). */
    public BooleanProperty weightChangeProperty() {
        return weightChange;
    }

    public BooleanProperty sharedWeightScaleProperty() {
        return sharedWeightScale;
    }

    /** The network's class probabilities for the drawing, or null when it is blank. */
    public ReadOnlyObjectProperty<float[]> drawingProbabilitiesProperty() {
        return drawingProbabilities.getReadOnlyProperty();
    }
}
