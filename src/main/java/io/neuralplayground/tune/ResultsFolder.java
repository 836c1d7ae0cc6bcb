package io.neuralplayground.tune;

import com.fasterxml.jackson.core.type.TypeReference;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.io.files.AtomicFiles;
import io.neuralplayground.io.files.IoErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A search's project folder, as KerasTuner keeps one:
 * <pre>
 *   search.json            format, version, algorithm, its settings, seed, what the trials trained on
 *   search-space.json      the objective and the hyperparameters (a search space file)
 *   trials/trial-0007.json one per finished trial, completed or failed ({@link TrialRecords})
 *   checkpoints/trial-0007 what the objective keeps of trial 7, if anything
 * </pre>
 * Every file is written atomically (a temporary file beside it, then a rename), so a crash or a cancel leaves whole
 * files or none. A search started on a folder that holds one goes on with it: the finished trials are read back and
 * not run again. That needs the same settings and space, or the trials proposed would be others'.
 */
public final class ResultsFolder {
    public static final String FORMAT = "neural-playground-search";
    public static final int VERSION = 1;
    static final String SETTINGS_FILE = "search.json";
    static final String SPACE_FILE = "search-space.json";
    private static final Pattern TRIAL_FILE = Pattern.compile("trial-(\\d+)\\.json");

    private final Path dir;

    private ResultsFolder(Path dir) {
        this.dir = dir;
    }

    /** A folder to read (a summary, a table), without checking or writing anything. */
    public static ResultsFolder at(Path dir) {
        return new ResultsFolder(dir);
    }

    /**
     * The folder for a search with these settings: made if new, checked if it holds a search already.
     *
     * @throws PlaygroundException if it holds a search with another algorithm, settings, seed or space, saying which
     */
    static ResultsFolder openFor(Path dir, SearchProblem problem, Algorithm algorithm, long seed,
            Map<String, Object> trainedOn) {
        ResultsFolder folder = new ResultsFolder(dir);
        Map<String, Object> settings = settings(algorithm, seed);
        if (trainedOn != null) {
            // Sorted, so that the file reads the same whatever map it was given.
            settings.put("trained_on", new java.util.TreeMap<>(trainedOn));
        }
        Path settingsFile = dir.resolve(SETTINGS_FILE);
        if (Files.exists(settingsFile)) {
            folder.checkSame(settings, problem);
        } else {
            // The space first: search.json marks a folder as holding a search, so it comes last.
            SearchSpaceFile.write(dir.resolve(SPACE_FILE), problem);
            String text = json(settings);
            AtomicFiles.write(settingsFile, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        }
        return folder;
    }

    static Map<String, Object> settings(Algorithm algorithm, long seed) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("format", FORMAT);
        s.put("version", VERSION);
        s.put("algorithm", algorithm.name());
        s.put("seed", seed);
        s.put("settings", algorithm.settings());
        return s;
    }

    private static String json(Map<String, Object> settings) {
        try {
            return TrialRecords.JSON.writeValueAsString(settings) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e); // plain values always write
        }
    }

    private void checkSame(Map<String, Object> wanted, SearchProblem problem) {
        Map<String, Object> found = readSettings();
        // Through JSON and back, so that both sides hold the types a reader makes.
        Map<String, Object> expected = parse(json(wanted), dir.resolve(SETTINGS_FILE));
        String difference = firstDifference("", expected, found);
        if (difference != null) {
            throw new PlaygroundException("Cannot resume the search in " + dir + ": it was made with other settings ("
                    + difference + "); use the same settings to resume it, or another folder for a new search");
        }
        SearchProblem recorded = problem();
        if (!recorded.equals(problem)) {
            throw new PlaygroundException("Cannot resume the search in " + dir + ": its search space or objective "
                    + "differs from this search's (see " + dir.resolve(SPACE_FILE) + "); use the same space to resume "
                    + "it, or another folder for a new search");
        }
    }

    @SuppressWarnings("unchecked")
    private static String firstDifference(String prefix, Map<String, Object> expected, Map<String, Object> found) {
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            String name = prefix + e.getKey();
            Object there = found.get(e.getKey());
            if (e.getValue() instanceof Map && there instanceof Map) {
                String inner = firstDifference(name + ".", (Map<String, Object>) e.getValue(),
                        (Map<String, Object>) there);
                if (inner != null) {
                    return inner;
                }
            } else if (!Objects.equals(e.getValue(), there)) {
                return name + " is " + there + " there, " + e.getValue() + " here";
            }
        }
        for (String key : found.keySet()) {
            if (!expected.containsKey(key)) {
                return prefix + key + " is " + found.get(key) + " there, unset here";
            }
        }
        return null;
    }

    /** The settings the folder's search was made with: format, version, algorithm, seed, settings. */
    public Map<String, Object> readSettings() {
        Path file = dir.resolve(SETTINGS_FILE);
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new PlaygroundException("Cannot read " + file + ": " + IoErrors.reason(e, file), e);
        }
    }

    private static Map<String, Object> parse(String text, Path file) {
        try {
            Map<String, Object> m = TrialRecords.JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {
            });
            if (!FORMAT.equals(m.get("format"))) {
                throw new PlaygroundException("Cannot read " + file + ": it is not a search's settings (no \"format\": "
                        + "\"" + FORMAT + "\")");
            }
            return m;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new PlaygroundException("Cannot read " + file + ": " + io.neuralplayground.io.json.JsonProblems
                    .describe(e), e);
        }
    }

    /** The objective and space the folder's search was made with. */
    public SearchProblem problem() {
        return SearchSpaceFile.read(dir.resolve(SPACE_FILE));
    }

    public Path directory() {
        return dir;
    }

    Path trialFile(int number) {
        return dir.resolve("trials").resolve(String.format(Locale.ROOT, "trial-%04d.json", number));
    }

    /** Where trial {@code number}'s objective keeps its checkpoints; not created here. */
    public Path checkpointDirectory(int number) {
        return dir.resolve("checkpoints").resolve(String.format(Locale.ROOT, "trial-%04d", number));
    }

    /** Records a finished trial, atomically. */
    void write(TrialResult result) {
        String text = TrialRecords.toJson(result);
        AtomicFiles.write(trialFile(result.number()), out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The finished trials recorded, by number; temporary files a crash left behind are not trials and are skipped.
     *
     * @throws PlaygroundException naming a record that cannot be read
     */
    public List<TrialResult> trials() {
        Path trials = dir.resolve("trials");
        if (!Files.isDirectory(trials)) {
            return List.of();
        }
        Map<Integer, TrialResult> byNumber = new TreeMap<>();
        try (Stream<Path> files = Files.list(trials)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = TRIAL_FILE.matcher(file.getFileName().toString());
                if (m.matches()) {
                    TrialResult r = TrialRecords.fromJson(Files.readString(file, StandardCharsets.UTF_8),
                            file.toString());
                    if (r.number() != Integer.parseInt(m.group(1)) || r.status() == TrialResult.Status.CANCELLED) {
                        throw new PlaygroundException("Cannot read the trial record " + file + ": it holds trial "
                                + r.number() + " (" + r.status() + "); delete it to run that trial again");
                    }
                    byNumber.put(r.number(), r);
                }
            }
        } catch (IOException e) {
            throw new PlaygroundException("Cannot read the trials in " + trials + ": " + IoErrors.reason(e, trials), e);
        }
        return new ArrayList<>(byNumber.values());
    }
}
