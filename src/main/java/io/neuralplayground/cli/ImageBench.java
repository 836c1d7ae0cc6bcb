package io.neuralplayground.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.neuralplayground.data.images.ImageCollection;
import io.neuralplayground.data.images.ImageData;
import io.neuralplayground.data.images.ImageDataReader;
import io.neuralplayground.data.images.ImageSource;
import io.neuralplayground.data.images.ImageSources;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Rng;
import io.neuralplayground.engine.f32.FloatNetwork;
import io.neuralplayground.engine.f32.FloatTrainer;
import io.neuralplayground.engine.f32.Gemm;
import io.neuralplayground.session.images.ImageExamples;
import io.neuralplayground.session.images.ImageNetworks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * {@code bench --network fashion-mnist}: seconds per epoch of the float32 engine on the lecture's Fashion-MNIST
 * model, 784-128 relu-10 softmax, sparse categorical cross-entropy, SGD at 0.05, batch 32, shuffled each epoch:
 * one untimed warm-up epoch, then {@code epochs} timed ones, each a pass over the 60,000 training images. The
 * test accuracy after each epoch is measured outside the timing.
 */
final class ImageBench {
    static final double LEARNING_RATE = 0.05;
    static final int BATCH = 32;
    static final long DEFAULT_SEED = 1;

    private ImageBench() {
    }

    /** The figures of one run: the kernel, the seconds of each timed epoch, the test accuracy after each epoch. */
    record Result(String network, String kernel, int trainImages, double[] seconds, double[] testAccuracy,
            double[] trainLoss, long firstSeed, double[] accuracyOfSeeds) {
        double medianSeconds() {
            return median(seconds);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Test accuracy after {@value #ACCURACY_EPOCHS} epochs is the measure of it. */
    static final int ACCURACY_EPOCHS = 3;

    /**
     * Times {@code epochs} epochs after a warm-up with {@code seed}; then, untimed, trains {@code seeds} networks
     * of seeds {@code seed}, {@code seed + 1}, … for {@value #ACCURACY_EPOCHS} epochs each and measures their test
     * accuracy, since one seed's figure varies by about ±1 % (as PyTorch's does).
     */
    static Result run(Path folder, int epochs, long seed, int seeds, Gemm gemm, PrintWriter progress) {
        ImageSources sources = ImageSources.standard(ImageCollection.FASHION_MNIST);
        ImageSource source = folder != null ? sources.choose(folder) : sources.fullCollection().orElseThrow(() ->
                new IllegalArgumentException("The whole Fashion-MNIST is not on this machine: install Debian's "
                        + "package dataset-fashion-mnist, download it in the window's image tab, or give its folder "
                        + "with --images DIR"));
        ImageData data = ImageDataReader.read(source);
        ImageExamples train = new ImageExamples(data.train());
        ImageExamples test = new ImageExamples(data.test());
        FloatNetwork network = ImageNetworks.lecture(train.features(), data.classNames().size(), seed);
        FloatTrainer trainer = new FloatTrainer(network, gemm, Optimizer.sgd(), LEARNING_RATE, BATCH);
        Rng shuffle = Rng.stream(seed, "shuffle");
        int[] order = IntStream.range(0, train.size()).toArray();
        double[] seconds = new double[epochs];
        double[] accuracy = new double[epochs + 1];
        double[] loss = new double[epochs + 1];
        for (int epoch = 0; epoch <= epochs; epoch++) {
            shuffle.shuffle(order);
            long start = System.nanoTime();
            FloatTrainer.EpochTotals totals = trainer.trainEpoch(train, order, null);
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (epoch > 0) {
                seconds[epoch - 1] = elapsed;
            }
            loss[epoch] = totals.meanLoss();
            accuracy[epoch] = trainer.evaluate(test, null, null).accuracy();
            if (progress != null) {
                progress.printf(Locale.US, "epoch %d%s: %.3f s, train loss %.4f, test accuracy %.4f%n", epoch + 1,
                        epoch == 0 ? " (warm-up)" : "", elapsed, loss[epoch], accuracy[epoch]);
                progress.flush();
            }
        }
        double[] ofSeeds = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            ofSeeds[s] = accuracyAfterThreeEpochs(train, test, data.classNames().size(), seed + s, gemm);
            if (progress != null) {
                progress.printf(Locale.US, "seed %d: test accuracy after %d epochs %.4f%n", seed + s,
                        ACCURACY_EPOCHS, ofSeeds[s]);
                progress.flush();
            }
        }
        return new Result(ImageNetworks.shapeName(network), gemm.description(), train.size(), seconds, accuracy,
                loss, seed, ofSeeds);
    }

    private static double accuracyAfterThreeEpochs(ImageExamples train, ImageExamples test, int classes, long seed,
            Gemm gemm) {
        FloatTrainer trainer = new FloatTrainer(ImageNetworks.lecture(train.features(), classes, seed), gemm,
                Optimizer.sgd(), LEARNING_RATE, BATCH);
        Rng shuffle = Rng.stream(seed, "shuffle");
        int[] order = IntStream.range(0, train.size()).toArray();
        for (int epoch = 0; epoch < ACCURACY_EPOCHS; epoch++) {
            shuffle.shuffle(order);
            trainer.trainEpoch(train, order, null);
        }
        return trainer.evaluate(test, null, null).accuracy();
    }

    static void print(Result r, PrintWriter out) {
        out.printf(Locale.US, "fashion-mnist %s: %.2f s/epoch (median of %d)%n", r.network(), r.medianSeconds(),
                r.seconds().length);
        double[] a = r.accuracyOfSeeds();
        if (a.length > 0) {
            double[] sorted = a.clone();
            Arrays.sort(sorted);
            out.printf(Locale.US, "test accuracy after %d epochs: %.4f (median of seeds %d-%d; %.4f to %.4f)%n",
                    ACCURACY_EPOCHS, median(a), r.firstSeed(), r.firstSeed() + a.length - 1, sorted[0],
                    sorted[a.length - 1]);
        }
        out.println("kernel: " + r.kernel());
    }

    static ObjectNode toJson(Result r) {
        ObjectNode node = Json.object();
        node.put("name", "fashion-mnist " + r.network());
        node.put("unit", "seconds per epoch");
        node.put("kernel", r.kernel());
        node.put("train_images", r.trainImages());
        node.put("learning_rate", LEARNING_RATE);
        node.put("batch_size", BATCH);
        node.put("median", r.medianSeconds());
        node.set("runs", Json.numbers(r.seconds()));
        node.set("test_accuracy_after_each_epoch", Json.numbers(r.testAccuracy()));
        node.set("train_loss_of_each_epoch", Json.numbers(r.trainLoss()));
        node.put("first_seed", r.firstSeed());
        node.set("test_accuracy_after_3_epochs_of_each_seed", Json.numbers(r.accuracyOfSeeds()));
        return node;
    }
}
