package io.neuralplayground.ui.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Playground's colours and the mapping between the plane and the pictures (not upside down). */
class ColorScaleAndGridTest {

    @Test
    void minusOneIsOrangeZeroGreyPlusOneBlue() {
        assertThat(ColorScale.argb(-1)).isEqualTo(0xFFF59322);
        assertThat(ColorScale.argb(0)).isEqualTo(0xFFE8EAEB);
        assertThat(ColorScale.argb(1)).isEqualTo(0xFF0877BD);
        assertThat(ColorScale.argb(-7)).isEqualTo(ColorScale.ORANGE);
        assertThat(ColorScale.argb(42)).isEqualTo(ColorScale.BLUE);
        assertThat(ColorScale.argb(Double.NaN)).isEqualTo(ColorScale.GREY);
    }

    @Test
    void halfwayIsTheMeanOfTheChannels() {
        // (0xE8 + 0x08) / 2 = 0x78, (0xEA + 0x77) / 2 = 0xB0.5 → 0xB1 (rounded), (0xEB + 0xBD) / 2 = 0xD4
        assertThat(ColorScale.argb(0.5)).isEqualTo(0xFF78B1D4);
        int orangeHalf = ColorScale.argb(-0.5);
        assertThat(orangeHalf >> 16 & 0xFF).isEqualTo((0xE8 + 0xF5 + 1) / 2);
    }

    @Test
    void discretizedIsOneOfTheTwoColours() {
        assertThat(ColorScale.discrete(-0.001)).isEqualTo(ColorScale.ORANGE);
        assertThat(ColorScale.discrete(0)).isEqualTo(ColorScale.BLUE);
        assertThat(ColorScale.discrete(0.3)).isEqualTo(ColorScale.BLUE);
    }

    @Test
    void rowZeroIsTheTopOfThePlaneAndColumnZeroItsLeft() {
        PlaneGrid grid = PlaneGrid.PLAYGROUND;
        assertThat(grid.x1(0)).isCloseTo(-5.94, within(1e-12));
        assertThat(grid.x1(99)).isCloseTo(5.94, within(1e-12));
        assertThat(grid.x2(0)).isCloseTo(5.94, within(1e-12));
        assertThat(grid.x2(99)).isCloseTo(-5.94, within(1e-12));
        assertThat(grid.row(5.9)).isZero();
        assertThat(grid.row(-5.9)).isEqualTo(99);
        assertThat(grid.column(-5.9)).isZero();
        assertThat(grid.column(0.07)).isEqualTo(50);
    }

    @Test
    void pixelsAndPlaneMapBothWays() {
        PlaneGrid grid = PlaneGrid.PLAYGROUND;
        assertThat(grid.toPixelX(-6, 400)).isZero();
        assertThat(grid.toPixelX(6, 400)).isEqualTo(400);
        assertThat(grid.toPixelY(6, 400)).isZero();
        assertThat(grid.toPixelY(-6, 400)).isEqualTo(400);
        assertThat(grid.toPixelY(3, 400)).isEqualTo(100);
        for (double x : new double[] {-5.5, -1, 0, 2.25, 6}) {
            assertThat(grid.fromPixelX(grid.toPixelX(x, 333), 333)).isCloseTo(x, within(1e-12));
            assertThat(grid.fromPixelY(grid.toPixelY(x, 333), 333)).isCloseTo(x, within(1e-12));
        }
    }
}
