package io.neuralplayground.engine.f32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Both matrix kernels against the definition, computed in double, for every transpose and α, β. */
class GemmTest {

    /** C = α·op(A)·op(B) + β·C in double, straight from the definition. */
    private static double[] reference(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int lda,
            float[] b, int ldb, float beta, float[] c, int ldc) {
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i];
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[p * lda + i] : a[i * lda + p];
                    double y = tb ? b[j * ldb + p] : b[p * ldb + j];
                    sum += x * y;
                }
                out[i * ldc + j] = alpha * sum + (beta == 0 ? 0 : beta * c[i * ldc + j]);
            }
        }
        return out;
    }

    private static float[] random(Random rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    @ParameterizedTest(name = "{0} kernel, transA {1}, transB {2}")
    @CsvSource({"java, false, false", "java, false, true", "java, true, false", "java, true, true",
        "native, false, false", "native, false, true", "native, true, false", "native, true, true",
        "copy, false, false", "copy, false, true", "copy, true, false", "copy, true, true"})
    void theProductIsTheDefinitions(String kernel, boolean ta, boolean tb) {
        Gemm gemm = switch (kernel) {
            case "java" -> new JavaGemm("test");
            case "copy" -> OpenBlasGemm.load(1);
            default -> nativeKernel();
        };
        Random rng = new Random(7);
        for (int[] size : new int[][] {{1, 1, 1}, {3, 5, 4}, {32, 128, 784}, {17, 10, 9}}) {
            int m = size[0];
            int n = size[1];
            int k = size[2];
            float[] a = random(rng, m * k);
            float[] b = random(rng, k * n);
            // A leading dimension of C wider than n: the columns beyond are left alone.
            int ldc = n + 2;
            for (float[] ab : new float[][] {{1, 0}, {-0.05f, 1}, {2, 0.5f}}) {
                float[] c = random(rng, m * ldc);
                double[] want = reference(ta, tb, m, n, k, ab[0], a, ta ? m : k, b, tb ? k : n, ab[1], c, ldc);
                gemm.gemm(ta, tb, m, n, k, ab[0], a, ta ? m : k, b, tb ? k : n, ab[1], c, ldc);
                for (int i = 0; i < c.length; i++) {
                    assertThat((double) c[i]).as("%s %d×%d×%d α %s β %s at %d", kernel, m, n, k, ab[0], ab[1], i)
                            .isCloseTo(want[i], within(2e-5 * (1 + Math.abs(want[i])) * Math.sqrt(k)));
                }
            }
        }
    }

    @Test
    void betaZeroIgnoresWhatCHeld() {
        for (Gemm gemm : new Gemm[] {new JavaGemm("test"), nativeKernel(), OpenBlasGemm.load(1)}) {
            float[] c = new float[4];
            Arrays.fill(c, Float.NaN);
            gemm.gemm(false, false, 2, 2, 1, 1, new float[] {1, 2}, 1, new float[] {3, 4}, 2, 0, c, 2);
            assertThat(c).as(gemm.description()).containsExactly(3, 4, 6, 8);
        }
    }

    /** The native kernel, which must load on the platforms the artifacts carry, CI's Linux on x86-64 among them. */
    static Gemm nativeKernel() {
        Gemm gemm = Gemms.best(1);
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("linux") && System.getProperty("os.arch").equals("amd64")) {
            assertThat(gemm.isNative()).as(gemm.description()).isTrue();
            assertThat(gemm.description()).startsWith("OpenBLAS").contains("1 thread").as("no copies on Linux")
                    .contains("arrays in place");
        }
        return gemm;
    }

    @Test
    void theJavaKernelCanBeChosenAndSaysWhy() {
        String before = System.getProperty(Gemms.PROPERTY);
        System.setProperty(Gemms.PROPERTY, "java");
        try {
            Gemm gemm = Gemms.best(1);
            assertThat(gemm.isNative()).isFalse();
            assertThat(gemm.description()).contains("no native BLAS").contains(Gemms.PROPERTY + "=java");
        } finally {
            if (before == null) {
                System.clearProperty(Gemms.PROPERTY);
            } else {
                System.setProperty(Gemms.PROPERTY, before);
            }
        }
    }
}
