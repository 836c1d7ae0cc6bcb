package io.neuralplayground.io.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.neuralplayground.PlaygroundException;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.ModelLimits;
import io.neuralplayground.io.files.AtomicFiles;
import io.neuralplayground.io.files.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Model files: a network, its input names and optional extra fields as JSON, format
 * {@value #FORMAT} version {@value #VERSION}, documented in {@code docs/model-format.md}.
 *
 * <p>Writing is atomic ({@link AtomicFiles}) and exact: every weight reads back as the same double, bit for bit.
 * Reading checks everything; any problem with a file, including one that is no JSON at all, is a
 * {@link PlaygroundException} whose message names the file, the place and the problem.
 */
public final class ModelFile {
    /** The value of the {@code "format"} field. */
    public static final String FORMAT = "neural-playground-model";
    /** The format version this code writes and the newest it reads. */
    public static final int VERSION = 1;

    private static final JsonFactory JSON = JsonFactory.builder()
            // Accepted only to be refused with a message that says why: a weight of NaN is no model.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            // A field given twice is ambiguous; Jackson would silently keep the last one.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Whoever opened a stream closes it.
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private ModelFile() {
    }

    /** Writes {@code model} to {@code file}, replacing it atomically; parent directories are created. */
    public static void write(Path file, Model model) {
        ModelLimits.requireFinite(model, file);
        AtomicFiles.write(file, out -> {
            try (JsonGenerator gen = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                ModelJsonWriter.write(model, gen);
            }
        });
    }

    /** The text {@link #write} would write. */
    public static String toJson(Model model) {
        ModelLimits.requireFinite(model);
        StringWriter text = new StringWriter();
        try (JsonGenerator gen = JSON.createGenerator(text)) {
            ModelJsonWriter.write(model, gen);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string failed", e);
        }
        return text.toString();
    }

    /** Reads the model in {@code file}. */
    public static Model read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new PlaygroundException("Cannot read " + file + ": " + IoErrors.reason(e, file), e);
        }
    }

    /**
     * Reads a model from {@code in} (not closed), bytes in UTF-8 (or UTF-16/32, which JSON allows), as for a
     * model bundled in the application's resources.
     *
     * @param sourceName the name of the file for messages
     * @throws PlaygroundException for bad content, and for a stream that fails, both naming {@code sourceName}
     */
    public static Model read(InputStream in, String sourceName) {
        try (JsonParser parser = JSON.createParser(in)) {
            return ModelJsonReader.read(parser, sourceName, ModelJsonReader.Limits.DEFAULT);
        } catch (java.io.CharConversionException e) {
            // Bytes that no text encoding JSON allows can read (found when the parser guesses the encoding).
            throw new PlaygroundException(sourceName + ": not a model file: not readable as text (" + e.getMessage()
                    + ")", e);
        } catch (IOException e) {
            throw new PlaygroundException("Cannot read " + sourceName + ": " + IoErrors.reason(e, null), e);
        }
    }

    /** Reads a model from its JSON text; {@code sourceName} names it in messages. */
    public static Model fromJson(String json, String sourceName) {
        return fromJson(json, sourceName, ModelJsonReader.Limits.DEFAULT);
    }

    /**
     * Reads a model from a JSON tree, as a session holds it: the tree is read as it is, not written out and parsed
     * again. Messages name the place by its path ({@code layers[1].kernel[0][2]}); a tree has no lines.
     */
    public static Model fromTree(JsonNode tree, String sourceName) {
        try (JsonParser parser = tree.traverse()) {
            return ModelJsonReader.read(parser, sourceName, ModelJsonReader.Limits.DEFAULT);
        } catch (IOException e) {
            // A tree in memory cannot fail to be read; the reader turns every content problem into a PlaygroundException.
            throw new PlaygroundException(sourceName + ": " + IoErrors.reason(e, null), e);
        }
    }

    static Model fromJson(String json, String sourceName, ModelJsonReader.Limits limits) {
        try (JsonParser parser = JSON.createParser(json)) {
            return ModelJsonReader.read(parser, sourceName, limits);
        } catch (IOException e) {
            // A string cannot fail to be read; the reader turns every content problem into a PlaygroundException.
            throw new PlaygroundException(sourceName + ": " + IoErrors.reason(e, null), e);
        }
    }
}
