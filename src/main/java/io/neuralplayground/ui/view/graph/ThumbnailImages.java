package io.neuralplayground.ui.view.graph;

import io.neuralplayground.ui.viewmodel.HeatmapFrame;
import io.neuralplayground.ui.viewmodel.NodeRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * One image per node, reused from frame to frame: each new {@link HeatmapFrame} is written into the images
 * through their {@code PixelWriter}. Neurons' pictures belong to a build: after the network is rebuilt they are
 * not shown until a frame of the new build arrives (the features' pictures depend on nothing but the feature).
 */
public final class ThumbnailImages {
    private final Map<NodeRef, WritableImage> images = new HashMap<>();
    private Set<NodeRef> present = Set.of();
    private long build = Long.MIN_VALUE;

    /** Writes the frame's pictures into the images. */
    public void update(HeatmapFrame frame) {
        int size = frame.thumbGrid().size();
        for (Map.Entry<NodeRef, int[]> e : frame.thumbnails().entrySet()) {
            WritableImage image = images.get(e.getKey());
            if (image == null || image.getWidth() != size || image.getHeight() != size) {
                image = new WritableImage(size, size);
                images.put(e.getKey(), image);
            }
            image.getPixelWriter().setPixels(0, 0, size, size, PixelFormat.getIntArgbInstance(), e.getValue(), 0,
                    size);
        }
        present = frame.thumbnails().keySet();
        build = frame.build();
    }

    /** The picture of {@code node} for a snapshot of build {@code snapshotBuild}, or null if there is none. */
    public WritableImage get(NodeRef node, long snapshotBuild) {
        if (!present.contains(node) || (node instanceof NodeRef.Neuron && build != snapshotBuild)) {
            return null;
        }
        return images.get(node);
    }
}
