package io.neuralplayground.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link Tanh#apply(double[][], double[][], int, int)}, the block form whose short rows go through Tanh's own
 * per-thread scratch rows: every value the same bits as {@link Tanh#value}, whatever block came before and however
 * many threads run at once.
 */
class TanhBlockTest {
    /** Block shapes, units × examples, growing and shrinking, on both sides of the gathering limit of 64. */
    private static final int[][] SHAPES = {{1, 1}, {3, 7}, {8, 10}, {8, 63}, {2, 5}, {8, 64}, {30, 40}, {4, 300},
        {3, 10}};

    @Test
    void blocksOfAnyShapeAreTanhOfEachValueBitForBit() {
        for (int[] shape : SHAPES) {
            assertBlockIsTanh(shape[0], shape[1], 0.37);
        }
    }

    @Test
    void threadsRunningAtOnceDoNotShareScratch() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                double phase = t + 0.5;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 100; round++) {
                        for (int[] shape : SHAPES) {
                            assertBlockIsTanh(shape[0], shape[1], phase + round);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertBlockIsTanh(int units, int m, double phase) {
        double[][] a = new double[units][m];
        for (int j = 0; j < units; j++) {
            for (int r = 0; r < m; r++) {
                a[j][r] = 4 * Math.sin(phase + 7 * j + r);
            }
        }
        double[][] h = new double[units][m];
        Tanh.apply(a, h, units, m);
        int differing = 0;
        for (int j = 0; j < units; j++) {
            for (int r = 0; r < m; r++) {
                if (Double.doubleToRawLongBits(h[j][r]) != Double.doubleToRawLongBits(Tanh.value(a[j][r]))) {
                    differing++;
                }
            }
        }
        assertThat(differing).as("values of a %d × %d block that differ from Tanh.value", units, m).isZero();
    }
}
