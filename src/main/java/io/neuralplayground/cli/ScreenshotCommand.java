package io.neuralplayground.cli;

import io.neuralplayground.io.AtomicFiles;
import io.neuralplayground.session.Speed;
import io.neuralplayground.ui.WindowDriver;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
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
        description = {"Open the window, train some epochs, write a PNG of the window and exit.", "",
            "Needs a display; where there is none run it under 'xvfb-run -a'."},
        footer = {"", "Example:",
            "  xvfb-run -a java -jar target/neural-playground.jar screenshot --out screenshots/spiral.png \\",
            "      --dataset spiral --features all --layers 8,8,8 --activation relu --epochs 300 --show-test-data"})
final class ScreenshotCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE.png", required = true, description = "Where to write the picture.")
    private Path out;

    @Option(names = "--view", paramLabel = "NAME", defaultValue = "playground",
            description = "Which view: playground. Default: ${DEFAULT-VALUE}.")
    private String view;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "0",
            description = "Epochs to train before the picture. Default: ${DEFAULT-VALUE}.")
    private int epochs;

    @Mixin
    private WindowOptions window = new WindowOptions();

    @Override
    public Integer call() throws Exception {
        if (!view.toLowerCase(Locale.ROOT).equals("playground")) {
            throw new IllegalArgumentException("--view: unknown view '" + view + "' (available: playground)");
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("--epochs must be 0 or more, got " + epochs);
        }
        int[] size = new int[2];
        Launcher.openWindow(window.plan(Speed.ONE_PER_FRAME, driver -> capture(driver, size)));
        spec.commandLine().getOut().printf("wrote %s (%d × %d)%n", out, size[0], size[1]);
        return Cli.OK;
    }

    private void capture(WindowDriver driver, int[] size) throws Exception {
        driver.awaitFrames(3);
        driver.viewModel().session().trainEpochs(epochs);
        driver.awaitUpToDate();
        WritableImage image = driver.snapshot();
        BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
        size[0] = picture.getWidth();
        size[1] = picture.getHeight();
        AtomicFiles.write(out, stream -> {
            if (!ImageIO.write(picture, "png", stream)) {
                throw new java.io.IOException("no PNG writer available");
            }
        });
    }
}
