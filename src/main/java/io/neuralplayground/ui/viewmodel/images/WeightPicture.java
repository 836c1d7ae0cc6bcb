package io.neuralplayground.ui.viewmodel.images;

/**
 * The first layer's weights as one picture: a tile of {@code tile × tile} pixels per hidden unit (its weight from
 * each pixel, in the playground's orange–blue scale), tiles in a grid of {@code columns} with a white gap of one
 * pixel between them. ARGB pixels, row after row, ready for a {@code PixelWriter}.
 *
 * @param build      the snapshot's build
 * @param epoch      the snapshot's epoch
 * @param done       the snapshot's images done in the epoch under way
 * @param units      the units drawn
 * @param totalUnits the first layer's units (more than drawn when the layer is wider than the picture allows)
 * @param sharedScale whether every tile is scaled by the largest |weight| of the layer, or each by its own
 * @param maxAbs     the largest |weight| of the units drawn
 */
public record WeightPicture(long build, int epoch, int done, int units, int totalUnits, int columns, int rows,
        int tileRows, int tileCols, int width, int height, int[] argb, boolean sharedScale, double maxAbs) {

    /** The unit whose tile holds picture pixel (x, y), or −1 in a gap or outside. */
    public int unitAt(double x, double y) {
        int col = (int) Math.floor(x / (tileCols + 1));
        int row = (int) Math.floor(y / (tileRows + 1));
        boolean inGap = x - col * (tileCols + 1) >= tileCols || y - row * (tileRows + 1) >= tileRows;
        if (x < 0 || y < 0 || col >= columns || row >= rows || inGap) {
            return -1;
        }
        int unit = row * columns + col;
        return unit < units ? unit : -1;
    }
}
