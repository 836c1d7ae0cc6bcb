package io.neuralplayground.session;

import io.neuralplayground.engine.EpochResult;
import java.util.Arrays;

/**
 * Every epoch's losses and accuracies since a build, appended by the training thread and read in pieces by the
 * window: the curves get every epoch even when many epochs pass between two frames. An accuracy is the fraction of
 * examples classified correctly, {@code accuracy = #{i : predicted(xᵢ) = yᵢ} / n}, NaN where there is none
 * (regression; no test data), as in {@link EpochResult}. Thread-safe; reads copy.
 *
 * <p>Bounded: a run of hours flat out makes millions of epochs, and a log of all of them would grow the heap
 * without end. When it holds {@link #capacity()} entries it is thinned: every other entry goes (the first stays),
 * and from then on only every {@link #stride()}-th epoch is kept, the stride doubling at each thinning. The curves
 * keep their shape (they show a thinned copy anyway) and the memory stays below about 15 MB. A reader that follows
 * the log by index starts again when {@link #thinnings()} changes.
 */
public final class EpochLog {
    /** Entries kept at most before a thinning. */
    public static final int DEFAULT_CAPACITY = 1 << 18;

    private final long build;
    private final int capacity;
    private int stride = 1;
    private int thinnings;
    private int size;
    private int[] epochs = new int[1024];
    private double[] trainLoss = new double[1024];
    private double[] testLoss = new double[1024];
    private double[] trainAccuracy = new double[1024];
    private double[] testAccuracy = new double[1024];
    private double[] validationLoss = new double[1024];
    private double[] validationAccuracy = new double[1024];

    /** A log of the epochs of build {@code build}, of {@link #DEFAULT_CAPACITY} entries at most. */
    public EpochLog(long build) {
        this(build, DEFAULT_CAPACITY);
    }

    /** A log of at most {@code capacity} entries (an even number, at least 2) before it thins. */
    public EpochLog(long build, int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("the capacity must be even and at least 2, got " + capacity);
        }
        this.build = build;
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }

    /** Every how many epochs one is kept now: 1 until the first thinning. */
    public synchronized int stride() {
        return stride;
    }

    /** How often the log has been thinned: a reader following it by index starts again when this changes. */
    public synchronized int thinnings() {
        return thinnings;
    }

    /** The build whose epochs this log holds. */
    public long build() {
        return build;
    }

    /** Appends what {@code result} measured, at its epoch (unless thinning passes over the epoch). */
    public void add(EpochResult result) {
        add(result.epoch(), result.trainLoss(), result.testLoss(), result.trainAccuracy(), result.testAccuracy(),
                result.validationLoss(), result.validationAccuracy());
    }

    /** Appends every entry of {@code history}, as a saved session brings it back. */
    void addAll(Slice history) {
        for (int i = 0; i < history.length(); i++) {
            add(history.epochs()[i], history.trainLoss()[i], history.testLoss()[i], history.trainAccuracy()[i],
                    history.testAccuracy()[i], history.validationLoss()[i], history.validationAccuracy()[i]);
        }
    }

    synchronized void add(int epoch, double train, double test, double trainAcc, double testAcc, double validation,
            double validationAcc) {
        if (stride > 1 && size > 0 && epoch % stride != 0) {
            return;
        }
        if (size == capacity) {
            thin();
        }
        if (size == epochs.length) {
            int grown = Math.min(size * 2, capacity);
            epochs = Arrays.copyOf(epochs, grown);
            trainLoss = Arrays.copyOf(trainLoss, grown);
            testLoss = Arrays.copyOf(testLoss, grown);
            trainAccuracy = Arrays.copyOf(trainAccuracy, grown);
            testAccuracy = Arrays.copyOf(testAccuracy, grown);
            validationLoss = Arrays.copyOf(validationLoss, grown);
            validationAccuracy = Arrays.copyOf(validationAccuracy, grown);
        }
        epochs[size] = epoch;
        trainLoss[size] = train;
        testLoss[size] = test;
        trainAccuracy[size] = trainAcc;
        testAccuracy[size] = testAcc;
        validationLoss[size] = validation;
        validationAccuracy[size] = validationAcc;
        size++;
    }

    /** Keeps entries 0, 2, 4, … in place and doubles the stride. */
    private void thin() {
        int kept = 0;
        for (int i = 0; i < size; i += 2) {
            epochs[kept] = epochs[i];
            trainLoss[kept] = trainLoss[i];
            testLoss[kept] = testLoss[i];
            trainAccuracy[kept] = trainAccuracy[i];
            testAccuracy[kept] = testAccuracy[i];
            validationLoss[kept] = validationLoss[i];
            validationAccuracy[kept] = validationAccuracy[i];
            kept++;
        }
        size = kept;
        stride *= 2;
        thinnings++;
    }

    public synchronized int size() {
        return size;
    }

    /** Entries {@code from} … size−1, copied. */
    public synchronized Slice since(int from) {
        int start = Math.min(Math.max(from, 0), size);
        return new Slice(start, Arrays.copyOfRange(epochs, start, size), Arrays.copyOfRange(trainLoss, start, size),
                Arrays.copyOfRange(testLoss, start, size), Arrays.copyOfRange(trainAccuracy, start, size),
                Arrays.copyOfRange(testAccuracy, start, size), Arrays.copyOfRange(validationLoss, start, size),
                Arrays.copyOfRange(validationAccuracy, start, size));
    }

    /**
     * A piece of the log: entry {@code start} and the ones after it, one column per measure, all of one length.
     *
     * @param trainAccuracy fraction of the training examples classified correctly (NaN for regression)
     * @param testAccuracy  the same on the test examples (NaN for regression or without test data)
     * @param validationLoss     mean loss on the validation examples (NaN without validation data)
     * @param validationAccuracy the fraction of them classified correctly (NaN also for regression)
     */
    public record Slice(int start, int[] epochs, double[] trainLoss, double[] testLoss, double[] trainAccuracy,
            double[] testAccuracy, double[] validationLoss, double[] validationAccuracy) {
        public Slice {
            int n = epochs.length;
            if (trainLoss.length != n || testLoss.length != n || trainAccuracy.length != n
                    || testAccuracy.length != n || validationLoss.length != n || validationAccuracy.length != n) {
                throw new IllegalArgumentException("the slice's columns differ in length");
            }
        }

        /** A slice of a run without validation data (its validation columns NaN). */
        public Slice(int start, int[] epochs, double[] trainLoss, double[] testLoss, double[] trainAccuracy,
                double[] testAccuracy) {
            this(start, epochs, trainLoss, testLoss, trainAccuracy, testAccuracy, nans(epochs.length),
                    nans(epochs.length));
        }

        private static double[] nans(int n) {
            double[] values = new double[n];
            Arrays.fill(values, Double.NaN);
            return values;
        }

        public int length() {
            return epochs.length;
        }

        /** The index to ask for next. */
        public int end() {
            return start + epochs.length;
        }
    }
}
