package io.neuralplayground.io.files;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.io.JsonPath;
import io.neuralplayground.io.Printable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A zip archive read with care for what a damaged or hostile one can hide, for the formats that are zip archives
 * (NumPy's {@code .npz}, Keras' {@code .keras}).
 *
 * <p>{@link #entries()} refuses entry names that are absolute or climb out of the folder they would be unpacked
 * into ({@code ../evil}, also with backslashes), two entries of one name, too many entries, and entries that say
 * they unpack to more than a limit, one by one or together. {@link #read} then refuses an entry as soon as it
 * unpacks to more than it said (a zip bomb need not tell the truth), or to less, and one whose checksum is wrong.
 * Every problem is a {@link PlaygroundException} whose message starts with the archive's name.
 */
public final class CheckedZip implements AutoCloseable {
    /** The most entries an archive may list: a model file has a handful. */
    static final int MAX_ENTRIES = 10_000;

    private final ZipFile zip;
    private final String source;
    private final long maxEntryBytes;
    private final long maxTotalBytes;

    private CheckedZip(ZipFile zip, String source, long maxEntryBytes, long maxTotalBytes) {
        this.zip = zip;
        this.source = source;
        this.maxEntryBytes = maxEntryBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /**
     * Opens {@code file} as a zip archive.
     *
     * @param source        the file's name in messages
     * @param kind          what the file should be, for messages ("a .npz archive")
     * @param maxEntryBytes the most bytes one entry may unpack to
     * @param maxTotalBytes the most bytes all entries together may unpack to
     * @throws PlaygroundException for a file that cannot be read, or that is no zip archive or a damaged one
     */
    public static CheckedZip open(Path file, String source, String kind, long maxEntryBytes, long maxTotalBytes) {
        try {
            return new CheckedZip(new ZipFile(file.toFile(), StandardCharsets.UTF_8), source, maxEntryBytes,
                    maxTotalBytes);
        } catch (FileSystemException e) {
            throw new PlaygroundException("Cannot read " + source + ": " + IoErrors.reason(e, file), e);
        } catch (IOException | RuntimeException e) {
            // The file was opened and read before: the zip library's own complaints (ZipException, EOFException
            // for an offset beyond the end …) are about the content.
            throw new PlaygroundException(source + ": not " + kind + ": " + zipProblem(e), e);
        }
    }

    private static String zipProblem(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("END header not found")) {
            return "no zip directory at its end (the file is cut short, or it is no zip archive at all)";
        }
        if (e instanceof EOFException) {
            return "its zip structure points beyond the end of the file (it is cut short or damaged)";
        }
        return "its zip structure is damaged (" + message + ")";
    }

    /**
     * The entries, in the archive's order, directories included, once each has been checked: its name, that no
     * other entry has that name, and the size it says it has.
     */
    public List<ZipEntry> entries() {
        List<ZipEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long declaredTotal = 0;
        Enumeration<? extends ZipEntry> all;
        try {
            all = zip.entries();
        } catch (RuntimeException e) {
            throw new PlaygroundException(source + ": the zip archive could not be read", e);
        }
        while (all.hasMoreElements()) {
            ZipEntry entry;
            try {
                entry = all.nextElement();
            } catch (RuntimeException e) {
                // java.util.zip decodes an entry's comment only here, and fails unchecked on one not in UTF-8.
                throw new PlaygroundException(source + ": the zip archive's directory is damaged: entry "
                        + (entries.size() + 1) + " cannot be read (" + e.getMessage() + ")", e);
            }
            String name = entry.getName();
            if (entries.size() >= MAX_ENTRIES) {
                throw new PlaygroundException(source + ": the archive lists more than " + MAX_ENTRIES + " entries, "
                        + "far more than a model file has");
            }
            String unsafe = unsafeName(name);
            if (unsafe != null) {
                throw refused(name, unsafe);
            }
            if (!seen.add(name)) {
                throw fail(name, "the archive has two entries of this name: it is ambiguous which one counts");
            }
            long declared = entry.getSize();
            if (declared > maxEntryBytes) {
                throw fail(name, "the entry says it is " + declared + " bytes uncompressed, more than the "
                        + limitText(maxEntryBytes) + " an entry may have (a damaged file or a zip bomb)");
            }
            declaredTotal += Math.max(0, declared);
            if (declaredTotal > maxTotalBytes) {
                throw new PlaygroundException(source + ": the entries say they are more than "
                        + limitText(maxTotalBytes) + " together uncompressed, more than a model file may have (a "
                        + "damaged file or a zip bomb)");
            }
            entries.add(entry);
        }
        return entries;
    }

    /** Why an entry name is unsafe to unpack (a path that is absolute or climbs out of the folder), or null. */
    static String unsafeName(String name) {
        if (name.isEmpty()) {
            return "an empty name";
        }
        if (name.indexOf('\0') >= 0) {
            return "a NUL character in the name";
        }
        String slashes = name.replace('\\', '/');
        if (slashes.startsWith("/") || (slashes.length() >= 2 && slashes.charAt(1) == ':')) {
            return "an absolute path";
        }
        for (String part : slashes.split("/", -1)) {
            if (part.equals("..")) {
                return "a path leading out of the archive (..)";
            }
        }
        return null;
    }

    /** An entry refused for its name: {@code why} is a noun phrase, "an absolute path". */
    PlaygroundException refused(String name, String why) {
        return new PlaygroundException(source + ": the archive has an entry " + JsonPath.quote(name) + " with " + why
                + ": refused, as an archive like this one can write files outside the folder it is unpacked into");
    }

    /**
     * The bytes of {@code entry}, one of {@link #entries()}: read no further than the size it says it has, which
     * it must have exactly, and checked against its checksum (CRC-32).
     */
    public byte[] read(ZipEntry entry) {
        String name = entry.getName();
        long declared = entry.getSize();
        // A ZipFile knows every entry's size from the archive's directory; were one unknown, the limit bounds it.
        long allowed = declared >= 0 ? declared : maxEntryBytes;
        byte[] bytes;
        boolean more;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readNBytes((int) allowed);
            more = in.read() >= 0;
        } catch (IOException e) {
            throw fail(name, "the entry is damaged and cannot be unpacked (" + e.getMessage() + ")");
        }
        if (more) {
            throw fail(name, "the entry unpacks to more than " + (declared >= 0 ? "the " + declared + " bytes it "
                    + "says it has" : limitText(maxEntryBytes)) + " (a damaged file or a zip bomb)");
        }
        if (declared >= 0 && bytes.length != declared) {
            throw fail(name, "the entry unpacks to " + bytes.length + " bytes, but the archive says " + declared
                    + " (the file is damaged)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw fail(name, "the entry is damaged: its content does not match its checksum (CRC-32)");
        }
        return bytes;
    }

    /** A problem with one entry: "model.npz: dense/kernel.npy: …". */
    public PlaygroundException fail(String entry, String problem) {
        return new PlaygroundException(source + ": " + Printable.of(entry) + ": " + problem);
    }

    private static String limitText(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // Everything was read: nothing is lost.
        }
    }
}
