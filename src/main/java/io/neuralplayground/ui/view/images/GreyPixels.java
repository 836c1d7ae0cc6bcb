package io.neuralplayground.ui.view.images;

import io.neuralplayground.data.images.ImageSet;

/** Image pixels as Fashion-MNIST's pictures are usually shown: dark ink (255) on a light ground (0). */
final class GreyPixels {
    private GreyPixels() {
    }

    /** The ARGB colour of a pixel of value 0 (ground) to 255 (ink). */
    static int argb(int value) {
        int grey = 255 - Math.max(0, Math.min(255, value));
        return 0xFF000000 | grey << 16 | grey << 8 | grey;
    }

    /** Writes test image {@code image} into {@code into} at (x0, y0) of a picture {@code stride} pixels wide. */
    static void copy(ImageSet set, int image, int[] into, int stride, int x0, int y0) {
        for (int r = 0; r < set.rows(); r++) {
            int line = (y0 + r) * stride + x0;
            for (int c = 0; c < set.cols(); c++) {
                into[line + c] = argb(set.pixel(image, r, c));
            }
        }
    }
}
