package io.neuralplayground.cli;

import io.neuralplayground.data.images.ImageCollection;
import io.neuralplayground.data.images.ImageSource;
import io.neuralplayground.data.images.ImageSources;
import io.neuralplayground.session.images.ImageSession;
import io.neuralplayground.ui.MainWindow;
import io.neuralplayground.ui.WindowDriver;
import io.neuralplayground.ui.view.images.ImagesView;
import io.neuralplayground.ui.viewmodel.images.ImagesViewModel;
import java.nio.file.Path;
import java.util.Locale;

/** The screenshot command's Images tab: which images, how many epochs, which panel, before the picture. */
final class ImageShot {
    private static final long MINUTE = 60_000_000_000L;
    private final String data;
    private final String panel;
    private final int epochs;
    private final Integer select;
    private final boolean weightChange;

    ImageShot(String data, String panel, int epochs, Integer select, boolean weightChange) {
        this.data = data;
        this.panel = panel;
        this.epochs = epochs;
        this.select = select;
        this.weightChange = weightChange;
    }

    void prepare(WindowDriver driver) throws Exception {
        ImagesView.Panel shown = switch (panel.toLowerCase(Locale.ROOT)) {
            case "test-images", "test" -> ImagesView.Panel.TEST_IMAGES;
            case "confusion" -> ImagesView.Panel.CONFUSION;
            case "draw" -> ImagesView.Panel.DRAW;
            default -> throw new IllegalArgumentException("--panel: test-images, confusion or draw, not " + panel);
        };
        ImageSource source = switch (data.toLowerCase(Locale.ROOT)) {
            case "first" -> null;
            case "subset" -> ImageSources.standard(ImageCollection.FASHION_MNIST).available().stream()
                    .filter(ImageSource::isSubset).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the bundled subset is missing from the jar"));
            default -> ImageSource.folder(ImageSource.Kind.USER_FOLDER, data.toLowerCase(Locale.ROOT)
                    .contains("fashion") ? ImageCollection.FASHION_MNIST : ImageCollection.MNIST, Path.of(data));
        };
        ImagesViewModel vm = driver.onFxThread(() -> driver.window().images());
        driver.onFxThread(() -> {
            if (source != null) {
                vm.open(source);
            }
            driver.window().select(MainWindow.View.IMAGES);
            driver.window().imagesView().showPanel(shown);
            vm.weightChangeProperty().set(weightChange);
            return null;
        });
        long deadline = System.nanoTime() + MINUTE;
        while (driver.onFxThread(() -> vm.session() == null || vm.readingProperty().get() != null)) {
            String error = driver.onFxThread(() -> vm.errorProperty().get());
            if (!error.isEmpty()) {
                throw new IllegalArgumentException("--image-data: " + error);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the images were not read within a minute");
            }
            driver.awaitFrames(2);
        }
        ImageSession session = driver.onFxThread(vm::session);
        if (epochs > 0) {
            driver.onFxThread(() -> {
                if (vm.settings().epochs() < epochs) {
                    vm.setEpochs(epochs);
                }
                return null;
            });
            session.sync();
        }
        for (int e = 0; e < epochs; e++) {
            session.stepEpoch();
            if (!session.awaitIdle(600)) {
                throw new IllegalStateException("epoch " + (e + 1) + " did not finish within 10 minutes");
            }
        }
        session.sync();
        // Up to date: the newest snapshot shown and its weight picture drawn.
        for (long end = System.nanoTime() + MINUTE; System.nanoTime() < end; ) {
            driver.awaitFrames(2);
            boolean current = driver.onFxThread(() -> {
                var newest = session.latest();
                var picture = vm.weightsProperty().get();
                return vm.snapshotProperty().get() == newest && picture != null && picture.build() == newest.build()
                        && picture.epoch() == newest.epoch() && picture.done() == newest.examplesDone();
            });
            if (current) {
                break;
            }
        }
        if (select != null) {
            driver.onFxThread(() -> {
                int[] page = vm.browser().page();
                if (select < 0 || select >= page.length) {
                    throw new IllegalArgumentException("--select: 0 to " + (page.length - 1) + ", got " + select);
                }
                vm.browser().select(page[select]);
                return null;
            });
        }
        driver.awaitFrames(4);
    }
}
