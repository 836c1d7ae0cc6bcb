package io.neuralplayground.io.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Empty groups survive jhdf through {@link Hdf5EmptyGroups}, wherever jhdf puts them; without it they do not (the
 * reason the class exists: should a jhdf release keep them by itself, {@link #jhdfAloneLosesAnEmptyGroupWrittenLast}
 * fails and says so).
 */
class Hdf5EmptyGroupsTest {
    @TempDir
    Path dir;

    /** Keras' layout: the root's vars, which jhdf writes after layers/…, whose datasets come first. */
    private static void kerasLike(WritableHdfFile hdf, Hdf5EmptyGroups empty) {
        if (empty != null) {
            empty.put(hdf, List.of(), "vars");
        } else {
            hdf.putGroup("vars");
        }
        WritableGroup vars = hdf.putGroup("layers").putGroup("dense").putGroup("vars");
        vars.putDataset("0", new float[][] {{1, 2}, {3, 4}});
        vars.putDataset("1", new float[] {5, 6});
    }

    @Test
    void jhdfAloneLosesAnEmptyGroupWrittenLast() {
        Path file = dir.resolve("jhdf-alone.h5");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            kerasLike(hdf, null);
        }

        assertThatThrownBy(() -> {
            try (HdfFile hdf = new HdfFile(file)) {
                hdf.getChildren();
            }
        }).as("jhdf 0.13 overwrites the header of the empty group with its signature").isInstanceOf(RuntimeException.class);
    }

    @Test
    void anEmptyGroupWrittenLastIsRestored() throws IOException {
        Path file = dir.resolve("restored.h5");

        Hdf5Files.write(file, (hdf, empty) -> kerasLike(hdf, empty));

        try (HdfFile hdf = new HdfFile(file)) {
            assertThat(hdf.getChildren().keySet()).containsExactlyInAnyOrder("layers", "vars");
            assertThat(((Group) hdf.getChild("vars")).getChildren()).isEmpty();
            assertThat((float[]) hdf.getDatasetByPath("layers/dense/vars/1").getData()).containsExactly(5, 6);
        }
    }

    @Test
    void emptyGroupsAnywhereAndWithAttributesAreRestored() throws IOException {
        Path file = dir.resolve("many.h5");

        Hdf5Files.write(file, (hdf, empty) -> {
            WritableGroup a = hdf.putGroup("a");
            a.putDataset("x", new double[] {1, 2, 3});
            empty.put(a, List.of("a"), "empty_in_a").putAttribute("note", "kept");
            empty.put(hdf, List.of(), "z");
            empty.put(hdf, List.of(), "vars");
            hdf.putGroup("b").putDataset("y", new float[] {4});
        });

        try (HdfFile hdf = new HdfFile(file)) {
            assertThat(hdf.getChildren().keySet()).containsExactlyInAnyOrder("a", "b", "z", "vars");
            for (String path : List.of("a/empty_in_a", "z", "vars")) {
                assertThat(((Group) hdf.getByPath(path)).getChildren()).as(path).isEmpty();
            }
            assertThat(hdf.getByPath("a/empty_in_a").getAttribute("note").getData()).isEqualTo("kept");
            assertThat((double[]) hdf.getDatasetByPath("a/x").getData()).containsExactly(1, 2, 3);
            assertThat((float[]) hdf.getDatasetByPath("b/y").getData()).containsExactly(4);
        }
    }
}
