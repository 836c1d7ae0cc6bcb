package io.neuralplayground.cli;

import io.neuralplayground.io.Model;
import io.neuralplayground.io.files.AtomicFiles;
import io.neuralplayground.io.json.ModelFile;
import io.neuralplayground.session.Speed;
import io.neuralplayground.ui.MainWindow;
import io.neuralplayground.ui.WindowDriver;
import io.neuralplayground.ui.viewmodel.teaching.StepperViewModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code screenshot}: opens the real window, trains, and writes a picture of it. */
@Command(name = "screenshot", mixinStandardHelpOptions = true, sortOptions = false,
        resourceBundle = "io.neuralplayground.cli.ScreenshotTexts",
        description = {"Open the window, train some epochs, write a PNG of the window and exit.", "",
            "--view stepper or gradcheck shows a teaching view: on the playground's network (after --epochs) or",
            "a --model file or the --textbook example, with --input/--target or a --minibatch.",
            "--view images shows the Images tab after --epochs of image training (--image-data, --panel).",
            "Needs a display; where there is none run it under 'xvfb-run -a'."},
        footer = {"", "Example:",
            "  xvfb-run -a java -jar target/neural-playground.jar screenshot --out screenshots/spiral.png \\",
            "      --dataset spiral --features all --layers 8,8,8 --activation relu --epochs 300 --show-test-data",
            "  xvfb-run -a java -jar target/neural-playground.jar screenshot --out screenshots/stepper.png \\",
            "      --view stepper --textbook --step 12"})
final class ScreenshotCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE.png", required = true, description = "Where to write the picture.")
    private Path out;

    @Option(names = "--view", paramLabel = "NAME", defaultValue = "playground",
            description = "Which view: playground, stepper, gradcheck, autodiff, images. Default: ${DEFAULT-VALUE}.")
    private String view;

    @Option(names = "--image-data", paramLabel = "WHICH", defaultValue = "first",
            description = "images: first (the whole Fashion-MNIST where installed, else the subset), subset, or a"
                    + " folder of the four IDX files. Default: ${DEFAULT-VALUE}.")
    private String imageData;

    @Option(names = "--panel", paramLabel = "NAME", defaultValue = "test-images",
            description = "images: the right-hand panel: test-images, confusion, draw. Default: ${DEFAULT-VALUE}.")
    private String panel;

    @Option(names = "--select", paramLabel = "N",
            description = "images: select the N-th test image on the page (its probabilities show), from 0.")
    private Integer selectImage;

    @Option(names = "--weight-change",
            description = "images: the first-layer pictures show the change since the start (w − w₀).")
    private boolean weightChange;

    @Option(names = "--expr", paramLabel = "TEXT", description = "autodiff: the function of x (default: the view's example).")
    private String expression;

    @Option(names = "--x", paramLabel = "VALUE", description = "autodiff: the value of x (default 1).")
    private Double x;

    @Option(names = "--model", paramLabel = "FILE",
            description = "stepper, gradcheck: work on this model file instead of the playground's network.")
    private Path model;

    @Option(names = "--textbook", description = "stepper, gradcheck: the bundled textbook 2-2-2 example.")
    private boolean textbook;

    @Mixin
    private ExampleOptions example = new ExampleOptions();

    @Option(names = "--minibatch", paramLabel = "M",
            description = "stepper, gradcheck: the first M training examples of the playground.")
    private Integer minibatch;

    @Option(names = "--step", paramLabel = "N", defaultValue = "0",
            description = "stepper, autodiff: show the N-th step (0 = before the first). Default: ${DEFAULT-VALUE}.")
    private int step;

    @Option(names = "--keras-layout", description = "stepper: show matrices in Keras' kernel layout.")
    private boolean kerasLayout;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "0",
            description = "Epochs to train before the picture. Default: ${DEFAULT-VALUE}.")
    private int epochs;

    @Option(names = "--open", paramLabel = "FILE",
            description = "A session or network file to open first, as File ▸ Open does.")
    private Path open;

    @Option(names = "--menu", paramLabel = "PATH",
            description = "A menu to show open, its titles separated by '/': \"File/Export network\".")
    private String menu;

    @Option(names = "--confusion", description = "playground: show the confusion matrix under the plot.")
    private boolean confusion;

    @Option(names = "--mark", paramLabel = "TRUE,PREDICTED",
            description = "playground: mark the training examples of this confusion-matrix cell in the plot, "
                    + "e.g. 1,2 for class 1 taken for class 2 (implies --confusion).")
    private String mark;

    @Option(names = "--axes", paramLabel = "X,Y",
            description = "playground with --data: the two columns the plot shows across and up.")
    private String axes;

    @Option(names = "--tune-algorithm", paramLabel = "NAME", defaultValue = "tpe",
            description = "tuning: grid, random, tpe or hyperband. Default: ${DEFAULT-VALUE}.")
    private String tuneAlgorithm;

    @Option(names = "--tune-trials", paramLabel = "N", defaultValue = "30",
            description = "tuning: trials of random and TPE search. Default: ${DEFAULT-VALUE}.")
    private int tuneTrials;

    @Option(names = "--tune-epochs", paramLabel = "N", defaultValue = "100",
            description = "tuning: epochs per trial (Hyperband: its max epochs). Default: ${DEFAULT-VALUE}.")
    private int tuneEpochs;

    @Option(names = "--tune-mid", paramLabel = "K",
            description = "tuning: the picture mid-search, once K trials have finished (then the search is "
                    + "cancelled); without it, after the search and its test figures.")
    private Integer tuneMid;

    @Mixin
    private WindowOptions window = new WindowOptions();

    @Override
    public Integer call() throws Exception {
        MainWindow.View shown = switch (view.toLowerCase(Locale.ROOT)) {
            case "playground" -> MainWindow.View.PLAYGROUND;
            case "stepper" -> MainWindow.View.STEPPER;
            case "gradcheck" -> MainWindow.View.GRADIENT_CHECK;
            case "autodiff" -> MainWindow.View.AUTODIFF;
            case "images" -> MainWindow.View.IMAGES;
            case "tuning" -> MainWindow.View.TUNING;
            default -> throw new IllegalArgumentException("--view: unknown view '" + view
                    + "' (available: playground, stepper, gradcheck, autodiff, images, tuning)");
        };
        example.check();
        OutFiles.checkEarly(out, "a PNG picture is binary, not for standard output");
        if (epochs < 0) {
            throw new IllegalArgumentException("--epochs must be 0 or more, got " + epochs);
        }
        int[] size = new int[2];
        Launcher.openWindow(window.plan(Speed.ONE_PER_FRAME, driver -> capture(driver, shown, size)));
        spec.commandLine().getOut().printf("wrote %s (%d × %d)%n", out, size[0], size[1]);
        return Cli.OK;
    }

    private void capture(WindowDriver driver, MainWindow.View shown, int[] size) throws Exception {
        driver.awaitFrames(3);
        if (open != null) {
            boolean opened = driver.onFxThread(() -> driver.window().documents().open(open))
                    .get(60, TimeUnit.SECONDS);
            if (!opened) {
                throw new IllegalArgumentException("--open: " + driver.onFxThread(
                        () -> driver.window().documents().noticeProperty().get().message()));
            }
        }
        if (shown == MainWindow.View.IMAGES) {
            new ImageShot(imageData, panel, epochs, selectImage, weightChange).prepare(driver);
        } else {
            driver.viewModel().session().trainEpochs(epochs);
        }
        driver.awaitUpToDate();
        if (shown == MainWindow.View.IMAGES) {
            driver.awaitFrames(6);
        } else if (shown == MainWindow.View.TUNING) {
            runSearch(driver);
        } else if (shown == MainWindow.View.AUTODIFF) {
            prepareAutodiff(driver);
        } else if (shown != MainWindow.View.PLAYGROUND) {
            prepareTeaching(driver, shown);
        }
        if (axes != null) {
            String[] xy = axes.split(",");
            if (xy.length != 2) {
                throw new IllegalArgumentException("--axes takes two column names, X,Y, got " + axes);
            }
            String problem = driver.onFxThread(() -> {
                var s = driver.viewModel().settings();
                if (!s.hasDataFile() || !s.data().dataset().hasColumn(xy[0].trim())
                        || !s.data().dataset().hasColumn(xy[1].trim())) {
                    return "--axes: columns of the --data file, got " + axes;
                }
                driver.viewModel().plotAxesProperty().set(
                        new io.neuralplayground.ui.viewmodel.PlotAxes(xy[0].trim(), xy[1].trim()));
                return null;
            });
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            driver.awaitFrames(6);
        }
        if (confusion || mark != null) {
            showConfusion(driver);
        }
        if (menu != null) {
            // One level at a time: a submenu's entries exist once its parent menu has been laid out on screen.
            String[] titles = menu.split("/");
            for (int k = 1; k <= titles.length; k++) {
                String[] path = Arrays.copyOf(titles, k);
                driver.onFxThread(() -> {
                    driver.openMenu(path);
                    return null;
                });
                driver.awaitFrames(10);
            }
        }
        WritableImage image = driver.snapshot();
        BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
        size[0] = picture.getWidth();
        size[1] = picture.getHeight();
        AtomicFiles.write(out, stream -> {
            if (!ImageIO.write(picture, "png", stream)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /** Runs a search in the Tuning tab and waits for the moment the picture shows. */
    private void runSearch(WindowDriver driver) throws Exception {
        io.neuralplayground.ui.viewmodel.tuning.TuningViewModel.AlgorithmChoice algorithm;
        try {
            algorithm = io.neuralplayground.ui.viewmodel.tuning.TuningViewModel.AlgorithmChoice.valueOf(
                    tuneAlgorithm.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--tune-algorithm: grid, random, tpe or hyperband, got "
                    + tuneAlgorithm);
        }
        boolean started = driver.onFxThread(() -> {
            var tuning = driver.window().tuning();
            tuning.algorithmProperty().set(algorithm);
            tuning.trialsProperty().set(tuneTrials);
            tuning.epochsProperty().set(tuneEpochs);
            tuning.maxEpochsProperty().set(tuneEpochs);
            driver.window().select(MainWindow.View.TUNING);
            return tuning.start();
        });
        if (!started) {
            throw new IllegalArgumentException("the search did not start: "
                    + driver.onFxThread(() -> driver.window().tuning().errorProperty().get()));
        }
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean ready = driver.onFxThread(() -> {
                var tuning = driver.window().tuning();
                if (tuneMid != null) {
                    return tuning.results().size() >= tuneMid;
                }
                return tuning.canApplyBestProperty().get() || tuning.phaseProperty().get()
                        == io.neuralplayground.ui.viewmodel.tuning.TuningViewModel.Phase.READY;
            });
            if (ready) {
                driver.awaitFrames(4);
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the search did not get there within 10 minutes");
    }

    /** The confusion matrix under the plot, and the marked cell if asked for, once the matrix is computed. */
    private void showConfusion(WindowDriver driver) throws Exception {
        int[] cell = mark == null ? null : markedCell(mark);
        for (int wait = 0; wait < 200 && driver.onFxThread(() -> driver.viewModel().classReportProperty().get()
                == null); wait++) {
            driver.awaitFrames(2);
        }
        String problem = driver.onFxThread(() -> {
            var report = driver.viewModel().classReportProperty().get();
            if (report == null) {
                return "--confusion: the data has no classes (regression)";
            }
            driver.window().outputDetails().showMatrix(true);
            if (cell != null) {
                int k = report.classNames().size();
                if (cell[0] >= k || cell[1] >= k) {
                    return "--mark: the classes are 0 to " + (k - 1) + ", got " + mark;
                }
                driver.viewModel().highlightedCellProperty().set(
                        new io.neuralplayground.ui.viewmodel.ConfusionCell(false, cell[0], cell[1]));
            }
            return null;
        });
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        driver.awaitFrames(6);
    }

    private static int[] markedCell(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 2) {
                int[] cell = {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
                if (cell[0] >= 0 && cell[1] >= 0) {
                    return cell;
                }
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("--mark takes TRUE,PREDICTED, two class numbers from 0, got " + text);
    }

    /** The autodiff view with the expression, x and step asked for. */
    private void prepareAutodiff(WindowDriver driver) throws Exception {
        String problem = driver.onFxThread(() -> {
            var autodiff = driver.window().autodiff();
            if (expression != null && !autodiff.setExpression(expression)) {
                return "--expr: " + autodiff.errorProperty().get();
            }
            if (x != null) {
                autodiff.setX(x);
            }
            autodiff.moveTo(step);
            driver.window().select(MainWindow.View.AUTODIFF);
            return null;
        });
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        driver.awaitFrames(4);
    }

    /** Sets up the teaching view as asked, on the FX thread, and waits for a gradient check to finish. */
    private void prepareTeaching(WindowDriver driver, MainWindow.View shown) throws Exception {
        // Read here, on the script's thread: the FX thread never waits for a file.
        Model opened = model == null ? null : io.neuralplayground.app.ModelImports.forStepper(model).model();
        String problem = driver.onFxThread(() -> {
            MainWindow w = driver.window();
            StepperViewModel stepper = w.stepper();
            stepper.context().followPlayground();
            if (textbook) {
                stepper.openTextbookExample();
            } else if (opened != null) {
                stepper.openModel(opened, model.getFileName().toString());
            }
            if (minibatch != null) {
                stepper.usePlaygroundMinibatch(minibatch);
            }
            if (example.given()) {
                stepper.inputTextProperty().set(example.input);
                stepper.targetTextProperty().set(example.target);
                if (!stepper.applyExampleText()) {
                    return stepper.exampleErrorProperty().get();
                }
            }
            stepper.kerasLayoutProperty().set(kerasLayout);
            if (step < 0 || step > stepper.stepCountProperty().get()) {
                return "--step must be 0 to " + stepper.stepCountProperty().get() + ", got " + step;
            }
            stepper.goTo(step);
            w.select(shown);
            return null;
        });
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (shown == MainWindow.View.GRADIENT_CHECK) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (driver.onFxThread(() -> driver.window().gradientCheck().resultProperty().get() == null
                    || driver.window().gradientCheck().runningProperty().get())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the gradient check did not finish within 60 s");
                }
                Thread.sleep(20);
            }
        }
        driver.awaitFrames(4);
    }
}
