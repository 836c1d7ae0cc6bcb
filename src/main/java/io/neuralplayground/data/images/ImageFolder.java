package io.neuralplayground.data.images;

import io.neuralplayground.data.DataFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A folder holding the four files of an image collection under their standard names ({@link ImageFile}), each
 * either compressed ({@code NAME.gz}, looked for first, as published) or plain ({@code NAME}, as {@code gunzip}
 * leaves it). A download in progress ({@code NAME.gz.part}) does not count.
 */
public final class ImageFolder {
    private final Path folder;
    private final Map<ImageFile, Path> files;

    private ImageFolder(Path folder, Map<ImageFile, Path> files) {
        this.folder = folder;
        this.files = files;
    }

    /** What {@code folder} holds now; a folder that does not exist holds nothing. */
    public static ImageFolder of(Path folder) {
        Map<ImageFile, Path> files = new EnumMap<>(ImageFile.class);
        for (ImageFile file : ImageFile.values()) {
            for (String name : List.of(file.gzipName(), file.plainName())) {
                Path path = folder.resolve(name);
                if (Files.isRegularFile(path)) {
                    files.put(file, path);
                    break;
                }
            }
        }
        return new ImageFolder(folder, files);
    }

    public Path folder() {
        return folder;
    }

    /** The file holding {@code file}, if the folder has it. */
    public Optional<Path> find(ImageFile file) {
        return Optional.ofNullable(files.get(file));
    }

    /** The files the folder lacks, in {@link ImageFile} order. */
    public List<ImageFile> missing() {
        List<ImageFile> missing = new ArrayList<>();
        for (ImageFile file : ImageFile.values()) {
            if (!files.containsKey(file)) {
                missing.add(file);
            }
        }
        return missing;
    }

    public boolean isComplete() {
        return files.size() == ImageFile.values().length;
    }

    /**
     * The file holding {@code file}.
     *
     * @throws DataFileException naming the folder and every file it lacks, if it lacks any
     */
    public Path path(ImageFile file) {
        requireComplete();
        return files.get(file);
    }

    /**
     * Nothing, if the folder has all four files.
     *
     * @throws DataFileException naming the folder and every file it lacks
     */
    public void requireComplete() {
        List<ImageFile> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        List<String> lacking = new ArrayList<>();
        for (ImageFile file : missing) {
            lacking.add(file.gzipName() + " (or " + file.plainName() + ")");
        }
        String problem = !Files.isDirectory(folder) ? "there is no such folder"
                : missing.size() == ImageFile.values().length ? "the folder holds none of the four files of an "
                        + "image collection"
                : "the folder has no " + String.join(" and no ", lacking);
        throw new DataFileException(folder.toString(), 0, null, problem + ": an image collection needs "
                + "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and "
                + "t10k-labels-idx1-ubyte in one folder, each plain or with .gz");
    }
}
