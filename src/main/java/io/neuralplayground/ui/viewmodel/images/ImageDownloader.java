package io.neuralplayground.ui.viewmodel.images;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.data.images.DownloadCancelledException;
import io.neuralplayground.data.images.DownloadProgress;
import io.neuralplayground.data.images.ImageCollection;
import io.neuralplayground.data.images.ImageDownload;
import io.neuralplayground.data.images.ImageSource;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The image tab's Download: Fashion-MNIST's four files from the official address into the download cache, in the
 * background, with progress read once a frame and a cancel that leaves no partial file in place (see
 * {@link ImageDownload}); once every file is there and matches its checksum, the images open from the cache.
 */
public final class ImageDownloader {
    private final Executor worker;
    private final Consumer<Runnable> fxThread;
    private final Supplier<ImageDownload> download;
    private final Path folder;
    private final Consumer<ImageSource> downloaded;
    private final Consumer<String> failed;
    private final ReadOnlyBooleanWrapper downloading = new ReadOnlyBooleanWrapper(this, "downloading");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private volatile DownloadProgress progress;
    private volatile boolean cancelled;

    /**
     * @param download   the downloader (made when a download starts)
     * @param folder     where the files go: the cache folder the image sources look in
     * @param downloaded told on the FX thread of the cache's images once they are all there
     * @param failed     told on the FX thread why a download failed or that it was cancelled
     */
    public ImageDownloader(Executor worker, Consumer<Runnable> fxThread, Supplier<ImageDownload> download,
            Path folder, Consumer<ImageSource> downloaded, Consumer<String> failed) {
        this.worker = Objects.requireNonNull(worker);
        this.fxThread = Objects.requireNonNull(fxThread);
        this.download = Objects.requireNonNull(download);
        this.folder = Objects.requireNonNull(folder);
        this.downloaded = Objects.requireNonNull(downloaded);
        this.failed = Objects.requireNonNull(failed);
    }

    /** Starts downloading, unless a download is under way. */
    public void start() {
        if (downloading.get()) {
            return;
        }
        cancelled = false;
        progress = null;
        downloading.set(true);
        fraction.set(-1);
        text.set("Connecting…");
        worker.execute(() -> {
            try {
                download.get().downloadAll(folder, p -> progress = p, () -> cancelled);
                ImageSource cache = ImageSource.folder(ImageSource.Kind.CACHE, ImageCollection.FASHION_MNIST, folder);
                fxThread.accept(() -> {
                    downloaded.accept(cache);
                    finish("Downloaded Fashion-MNIST to " + folder);
                });
            } catch (DownloadCancelledException e) {
                fxThread.accept(() -> {
                    finish("");
                    failed.accept("Download cancelled: nothing half-downloaded was left in " + folder
                            + " (a part kept for resuming is finished next time)");
                });
            } catch (PlaygroundException | IllegalArgumentException e) {
                fxThread.accept(() -> {
                    finish("");
                    failed.accept("Fashion-MNIST could not be downloaded: " + e.getMessage());
                });
            }
        });
    }

    /** Stops the download under way (the worker notices within a fraction of a second). */
    public void cancel() {
        cancelled = true;
    }

    private void finish(String message) {
        downloading.set(false);
        fraction.set(message.isEmpty() ? 0 : 1);
        text.set(message);
    }

    /** Shows the newest progress (once a frame, on the FX thread). */
    public void onFrame() {
        DownloadProgress p = progress;
        if (!downloading.get() || p == null) {
            return;
        }
        double file = p.fileFraction();
        fraction.set(file < 0 ? -1 : (p.index() + file) / p.count());
        text.set(String.format(Locale.ROOT, "Downloading %s (%d of %d): %s%s", p.file(), p.index() + 1, p.count(),
                megabytes(p.done()), p.total() > 0 ? " of " + megabytes(p.total()) : ""));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    public ReadOnlyBooleanProperty downloadingProperty() {
        return downloading.getReadOnlyProperty();
    }

    /** 0 … 1 over the four files, −1 while a file's length is not known. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Where the files go. */
    public Path folder() {
        return folder;
    }
}
