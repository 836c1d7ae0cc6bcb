package io.neuralplayground.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For the temporary directory a jqwik property class makes in its {@code @BeforeContainer} (jqwik has no
 * {@code @TempDir}) and deletes in its {@code @AfterContainer}.
 */
public final class TempDirectories {
    private TempDirectories() {
    }

    /** Deletes the files in {@code dir}, then {@code dir} itself (a folder in it fails the deletion). */
    public static void deleteWithItsFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }
}
