package io.neuralplayground.ui.view.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.neuralplayground.testing.Performance;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinkRasterTest {
    private static final int WHITE = 0xFFFFFFFF;
    private static final int BLUE = 0xFF0877BD;
    private final LinkRaster raster = new LinkRaster(200, 100);

    {
        raster.clear(WHITE);
    }

    private int at(int x, int y) {
        return raster.pixels()[y * raster.width() + x];
    }

    /** How much of the pixel the blue covers, from its red channel (white 255, blue 8). */
    private double coverage(int x, int y) {
        return (255 - (at(x, y) >> 16 & 0xFF)) / (255.0 - 8);
    }

    @Test
    void aLevelLinkCoversItsRowsExactly() {
        raster.link(10, 50, 190, 50, 4, BLUE, false);
        for (int x = 10; x < 190; x++) {
            assertThat(at(x, 47)).isEqualTo(WHITE);
            for (int y = 48; y <= 51; y++) {
                assertThat(at(x, y)).as("(%d, %d)", x, y).isEqualTo(BLUE);
            }
            assertThat(at(x, 52)).isEqualTo(WHITE);
        }
        assertThat(at(9, 50)).as("nothing before the start").isEqualTo(WHITE);
        assertThat(at(190, 50)).as("nothing after the end").isEqualTo(WHITE);
    }

    @Test
    void edgesBetweenPixelsAreAntialiased() {
        raster.link(10, 50, 190, 50, 1, BLUE, false);
        assertThat(coverage(100, 49)).isCloseTo(0.5, within(0.02));
        assertThat(coverage(100, 50)).isCloseTo(0.5, within(0.02));
        assertThat(at(100, 48)).isEqualTo(WHITE);
    }

    @Test
    void theCurveIsTheLayoutsBezier() {
        GraphLayout.LinkCurve curve = new GraphLayout.LinkCurve(20, 10, 150, 90);
        raster.link(curve.x0(), curve.y0(), curve.x1(), curve.y1(), 3, BLUE, false);
        for (double t = 0.02; t < 1; t += 0.02) {
            int x = (int) curve.x(t);
            int y = (int) curve.y(t);
            assertThat(coverage(x, y)).as("t = %.2f at (%d, %d)", t, x, y).isGreaterThan(0.6);
        }
        // and nowhere far from it: the ink in each column is about width × stretch, as a stroke's
        double ink = 0;
        for (int x = 0; x < 200; x++) {
            for (int y = 0; y < 100; y++) {
                ink += coverage(x, y);
            }
        }
        double length = 0;
        for (int s = 0; s < 1000; s++) {
            length += Math.hypot(curve.x((s + 1) / 1000.0) - curve.x(s / 1000.0),
                    curve.y((s + 1) / 1000.0) - curve.y(s / 1000.0));
        }
        assertThat(ink).isCloseTo(3 * length, withinPercentage(5));
    }

    @Test
    void translucentColoursBlend() {
        raster.link(10, 50, 190, 50, 4, 0x80000000, false);
        int grey = at(100, 50) & 0xFF;
        assertThat(grey).isBetween(125, 129);
        assertThat(at(100, 50) >>> 24).isEqualTo(0xFF);
    }

    @Test
    void dashedLinksHaveGaps() {
        raster.link(10, 50, 190, 50, 1, BLUE, true);
        int inked = 0;
        for (int x = 10; x < 190; x++) {
            inked += at(x, 50) != WHITE ? 1 : 0;
        }
        assertThat(inked).isBetween(180 * 4 / 7 - 4, 180 * 4 / 7 + 4);
    }

    @Test
    void linksOutsideAreClipped() {
        raster.link(-50, -40, 400, 300, 10, BLUE, false);
        raster.link(150, 50, 140, 60, 2, BLUE, false);
        raster.link(10, 50, 190, 50, Double.NaN, BLUE, false);
        // the first link is drawn where it passes through the raster, e.g. at t = 0.3: (103.9, 33.4)
        GraphLayout.LinkCurve curve = new GraphLayout.LinkCurve(-50, -40, 400, 300);
        assertThat(at((int) curve.x(0.3), (int) curve.y(0.3))).isEqualTo(BLUE);
        assertThat(at(199, 99)).isEqualTo(WHITE);
    }

    @Test
    void solvingForTInvertsX() {
        for (double t = 0; t <= 1; t += 0.05) {
            double x = GraphLayout.LinkCurve.bezier(0, 0.5, 0.5, 1, t);
            assertThat(LinkRaster.solve(x, 0.5)).isCloseTo(t, within(1e-7));
        }
    }

    @Test
    @Performance
    void theLargestNetworksLinksTakeAFewMilliseconds() {
        LinkRaster big = new LinkRaster(700, 560);
        Random random = new Random(1);
        double[][] links = new double[440][4];
        for (int k = 0; k < links.length; k++) {
            int column = k % 7;
            links[k] = new double[] {120 + column * 80, 100 + random.nextInt(440), 160 + column * 80,
                    100 + random.nextInt(440), 1 + random.nextDouble() * 3};
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 30; round++) {
            long start = System.nanoTime();
            big.clear(WHITE);
            for (double[] l : links) {
                big.link(l[0], l[1], l[2], l[3], 1 + (l[1] % 3), BLUE, false);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("440 links rastered in %.2f ms%n", best / 1e6);
        assertThat(best / 1e6).isLessThan(15);
    }
}
