package io.neuralplayground.ui.viewmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The files opened or saved lately, newest first, kept between runs. */
public interface RecentFiles {
    int LIMIT = 8;

    List<Path> load();

    void store(List<Path> files);

    /** Kept in the user's Java preferences (what a desktop application is expected to use). */
    static RecentFiles inPreferences() {
        Preferences node = Preferences.userRoot().node("io/neuralplayground");
        return new RecentFiles() {
            @Override
            public List<Path> load() {
                List<Path> files = new ArrayList<>();
                for (String line : node.get("recent", "").split("\n")) {
                    if (!line.isBlank()) {
                        files.add(Path.of(line));
                    }
                }
                return files;
            }

            @Override
            public void store(List<Path> files) {
                StringBuilder text = new StringBuilder();
                files.forEach(f -> text.append(f.toAbsolutePath()).append('\n'));
                node.put("recent", text.toString());
                try {
                    node.flush();
                } catch (BackingStoreException e) {
                    // Not being able to remember recent files is no reason to bother the user.
                }
            }
        };
    }

    /** Kept in memory only (tests, and where preferences cannot be written). */
    static RecentFiles inMemory() {
        List<Path> kept = new ArrayList<>();
        return new RecentFiles() {
            @Override
            public List<Path> load() {
                return new ArrayList<>(kept);
            }

            @Override
            public void store(List<Path> files) {
                kept.clear();
                kept.addAll(files);
            }
        };
    }
}
