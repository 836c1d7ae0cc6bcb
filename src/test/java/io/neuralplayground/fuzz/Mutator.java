package io.neuralplayground.fuzz;

import io.neuralplayground.testing.TextMutation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Damages a valid file in one to four steps drawn from a random generator, saying in words what it did (for the
 * reproducer of a fault). Every format gets the blind byte edits (bit flips, set, inserted, deleted and duplicated
 * runs, truncation, splices with another valid file, numbers planted); each kind adds edits that know its layout:
 * numbers in a text replaced by NaN, infinities, huge or negative values; the size, count and offset fields of a zip
 * replaced, or one entry's content damaged inside an archive whose checksums still match; HDF5 words that look like
 * sizes or addresses replaced; the dimensions in an IDX header replaced, before or after compression.
 */
final class Mutator {
    /** What a reader's files are, for the edits that know their layout. */
    enum Layout {
        /** JSON, CSV, share strings. */
        TEXT,
        /** .npz, .keras. */
        ZIP,
        /** .weights.h5, .h5. */
        HDF5,
        /** IDX, plain or gzip-compressed: the seeds are plain. */
        IDX
    }

    /** Numbers that break readers which trust them: not numbers, beyond double and int, negative, zero. */
    static final List<String> NUMBERS = List.of("NaN", "-NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e309",
            "-1", "0", "-0", "2147483648", "-2147483649", "4294967296", "9223372036854775808", "1e-400",
            "99999999999999999999", "100000", "1000000000", "0x10", "1.5", "nan", "inf", "1" + "0".repeat(400),
            "4.9e-324", "1E+2147483648", "\"1\"", "null", "true", "[]", "{}");
    /** Byte values that planted as a size, a count or an address mean too much, nothing or less than nothing. */
    private static final long[] WORDS = {0, 1, -1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffffL, 0x80000000L,
        0xffffffffL, 0x100000000L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40, 1L << 31, 1L << 28, 1L << 20, 1000,
        4096, 65536, 10_000_001, 100_000_001};
    /** Characters a long run of which means something: deep nesting, an endless string or number, many rows. */
    private static final String RUNS = "[{(\"9,\n-e ";
    private static final char[] CHARS = {'"', ',', '{', '}', '[', ']', ':', '\n', '\r', '\0', '-', '.', 'e', '9',
        '&', '=', '%', '\\', ' ', '\t', '\uFEFF', '\u00e9', '\uFFFD', 'x'};

    private final Layout layout;
    private final List<byte[]> seeds;

    Mutator(Layout layout, List<byte[]> seeds) {
        this.layout = layout;
        this.seeds = seeds;
    }

    /** A damaged copy of one of the seeds, with what was done to it appended to {@code log}. */
    byte[] mutate(SplittableRandom r, List<String> log) {
        int which = r.nextInt(seeds.size());
        byte[] bytes = seeds.get(which);
        log.add("seed file " + which + " (" + bytes.length + " bytes)");
        boolean gzipAfter = false;
        if (layout == Layout.IDX) {
            int mode = r.nextInt(5);
            if (mode == 0) {
                // Damage the compressed stream itself.
                bytes = gzip(bytes);
                log.add("gzip");
            } else if (mode <= 2) {
                gzipAfter = true;
            }
        }
        int steps = 1 + r.nextInt(r.nextInt(4) + 1);
        for (int s = 0; s < steps; s++) {
            bytes = step(bytes, r, log);
        }
        if (gzipAfter) {
            bytes = gzip(bytes);
            log.add("gzip");
        }
        return bytes;
    }

    private byte[] step(byte[] b, SplittableRandom r, List<String> log) {
        // Half the steps know the format, half are blind: blind ones find what no one thought of.
        if (r.nextBoolean()) {
            switch (layout) {
                case TEXT -> {
                    return text(b, r, log);
                }
                case ZIP -> {
                    return zip(b, r, log);
                }
                case HDF5 -> {
                    return hdf5(b, r, log);
                }
                case IDX -> {
                    return idx(b, r, log);
                }
                default -> throw new AssertionError(layout);
            }
        }
        return blind(b, r, log);
    }

    // Blind edits

    byte[] blind(byte[] b, SplittableRandom r, List<String> log) {
        if (b.length == 0) {
            log.add("one byte into an empty file");
            return new byte[] {(byte) r.nextInt(256)};
        }
        int at = r.nextInt(b.length);
        int length = 1 + r.nextInt(r.nextBoolean() ? 8 : 256);
        int end = Math.min(b.length, at + length);
        switch (r.nextInt(10)) {
            case 0 -> {
                int bit = r.nextInt(8);
                log.add("flip bit " + bit + " of byte " + at);
                byte[] out = b.clone();
                out[at] ^= (byte) (1 << bit);
                return out;
            }
            case 1 -> {
                int value = r.nextBoolean() ? r.nextInt(256) : new int[] {0, 0xff, 0x7f, 0x80}[r.nextInt(4)];
                log.add("set byte " + at + " to " + value);
                byte[] out = b.clone();
                out[at] = (byte) value;
                return out;
            }
            case 2 -> {
                byte[] run = new byte[length];
                if (r.nextBoolean()) {
                    Arrays.fill(run, (byte) r.nextInt(256));
                } else {
                    for (int i = 0; i < run.length; i++) {
                        run[i] = (byte) r.nextInt(256);
                    }
                }
                log.add("insert " + length + " bytes at " + at);
                return concat(Arrays.copyOf(b, at), run, Arrays.copyOfRange(b, at, b.length));
            }
            case 3 -> {
                log.add("delete bytes " + at + " to " + end);
                return concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, end, b.length));
            }
            case 4 -> {
                log.add("truncate at " + at);
                return Arrays.copyOf(b, at);
            }
            case 5 -> {
                log.add("duplicate bytes " + at + " to " + end);
                return concat(Arrays.copyOf(b, end), Arrays.copyOfRange(b, at, b.length));
            }
            case 6 -> {
                int value = r.nextBoolean() ? 0 : 0xff;
                log.add("overwrite bytes " + at + " to " + end + " with " + value);
                byte[] out = b.clone();
                Arrays.fill(out, at, end, (byte) value);
                return out;
            }
            case 7 -> {
                int which = r.nextInt(seeds.size());
                byte[] other = seeds.get(which);
                int from = other.length == 0 ? 0 : r.nextInt(other.length);
                log.add("splice: bytes 0 to " + at + ", then seed file " + which + " from byte " + from);
                return concat(Arrays.copyOf(b, at), Arrays.copyOfRange(other, from, other.length));
            }
            default -> {
                return plant(b, at, r, log);
            }
        }
    }

    /** A 2-, 4- or 8-byte number, little- or big-endian, written over the bytes at {@code at}. */
    private static byte[] plant(byte[] b, int at, SplittableRandom r, List<String> log) {
        long value = word(r);
        int width = new int[] {2, 4, 8}[r.nextInt(3)];
        boolean big = r.nextBoolean();
        log.add(String.format("plant %d as %d bytes %s-endian at %d", value, width, big ? "big" : "little", at));
        return put(b, at, value, width, big);
    }

    private static long word(SplittableRandom r) {
        return r.nextInt(4) == 0 ? r.nextLong() : WORDS[r.nextInt(WORDS.length)];
    }

    private static byte[] put(byte[] b, int at, long value, int width, boolean big) {
        byte[] out = b.clone();
        for (int k = 0; k < width && at + k < out.length; k++) {
            int shift = 8 * (big ? width - 1 - k : k);
            out[at + k] = (byte) (value >>> shift);
        }
        return out;
    }

    // Text

    private static byte[] text(byte[] b, SplittableRandom r, List<String> log) {
        String s = new String(b, StandardCharsets.UTF_8);
        int at = s.isEmpty() ? 0 : r.nextInt(s.length());
        if (r.nextInt(8) == 0) {
            return bulk(s, at, r, log);
        }
        int kind = r.nextInt(10);
        TextMutation m;
        if (kind >= TextMutation.KINDS) {
            // Numbers are what a text format's readers trust most: replace one more often.
            kind = TextMutation.KINDS - 1;
        }
        String number = NUMBERS.get(r.nextInt(NUMBERS.size()));
        char c = CHARS[r.nextInt(CHARS.length)];
        m = new TextMutation(kind, at, 1 + r.nextInt(r.nextBoolean() ? 4 : 200), c, number);
        log.add("text " + describe(m));
        return m.applyTo(s).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sizes no one types: a long run of one character (brackets nest deep, digits make a number of thousands of
     * digits, a quote opens a string that never ends) or a piece of the text repeated until it is long.
     */
    private static byte[] bulk(String s, int at, SplittableRandom r, List<String> log) {
        String piece;
        int times;
        if (r.nextBoolean() || s.isEmpty()) {
            piece = String.valueOf(RUNS.charAt(r.nextInt(RUNS.length())));
            times = 1000 << r.nextInt(8);
        } else {
            int end = Math.min(s.length(), at + 1 + r.nextInt(200));
            piece = s.substring(at, end);
            times = 10 << r.nextInt(10);
        }
        log.add(String.format("text insert %d copies of %s at %d", times, quote(piece), at));
        return (s.substring(0, at) + piece.repeat(times) + s.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String piece) {
        String shown = piece.length() > 40 ? piece.substring(0, 40) + "…" : piece;
        return "\"" + shown.replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }

    private static String describe(TextMutation m) {
        String[] names = {"delete a character", "insert", "replace a character by", "truncate",
            "delete a run of " + m.length(), "duplicate a run of " + m.length(), "upper-case a run of " + m.length(),
            "next number becomes " + m.number()};
        String what = names[m.kind()];
        if (m.kind() == 1 || m.kind() == 2) {
            what += String.format(" U+%04X", (int) m.c());
        }
        return what + " at " + m.position();
    }

    // Zip archives

    private byte[] zip(byte[] b, SplittableRandom r, List<String> log) {
        if (r.nextBoolean()) {
            LinkedHashMap<String, byte[]> entries = unzip(b);
            if (entries != null && !entries.isEmpty()) {
                return damagedEntry(entries, r, log);
            }
        }
        return zipField(b, r, log);
    }

    /** One entry's content damaged, the archive rebuilt around it with checksums that match. */
    private byte[] damagedEntry(LinkedHashMap<String, byte[]> entries, SplittableRandom r, List<String> log) {
        List<String> names = new ArrayList<>(entries.keySet());
        String name = names.get(r.nextInt(names.size()));
        byte[] content = entries.get(name);
        log.add("entry " + name + ":");
        byte[] damaged;
        if (name.endsWith(".json")) {
            damaged = text(content, r, log);
        } else if (name.endsWith(".h5")) {
            damaged = r.nextBoolean() ? hdf5(content, r, log) : blind(content, r, log);
        } else if (name.endsWith(".npy") && r.nextBoolean() && content.length > 10) {
            damaged = npyHeader(content, r, log);
        } else {
            damaged = blind(content, r, log);
        }
        entries.put(name, damaged);
        if (r.nextInt(8) == 0) {
            String added = r.nextBoolean() ? name : "../" + name;
            entries.put(added + (added.equals(name) ? "_copy" : ""), damaged);
            log.add("add entry " + added);
        }
        boolean stored = r.nextBoolean();
        log.add("zip again " + (stored ? "stored" : "deflated"));
        return zip(entries, stored);
    }

    /** The numbers of a .npy header (its shape, its header length) replaced, the rest of the entry kept. */
    private static byte[] npyHeader(byte[] content, SplittableRandom r, List<String> log) {
        if (r.nextBoolean()) {
            // The header's length, a little-endian 16-bit number after the magic and the version.
            int value = (int) word(r);
            log.add("npy header length becomes " + (value & 0xffff));
            return put(content, 8, value, 2, false);
        }
        int headerEnd = Math.min(content.length, 10 + ((content[8] & 0xff) | (content[9] & 0xff) << 8));
        byte[] header = Arrays.copyOf(content, headerEnd);
        byte[] damaged = text(header, r, log);
        return concat(damaged, Arrays.copyOfRange(content, headerEnd, content.length));
    }

    /** A size, count, length or offset of a local header, a central directory record or the end record. */
    private static byte[] zipField(byte[] b, SplittableRandom r, List<String> log) {
        List<int[]> fields = new ArrayList<>();
        for (int i = 0; i + 4 <= b.length; i++) {
            if (b[i] != 'P' || b[i + 1] != 'K') {
                continue;
            }
            int[][] layout = switch (b[i + 2] * 16 + b[i + 3]) {
                case 3 * 16 + 4 -> new int[][] {{18, 4}, {22, 4}, {26, 2}, {28, 2}, {8, 2}, {14, 4}};
                case 1 * 16 + 2 -> new int[][] {{20, 4}, {24, 4}, {28, 2}, {30, 2}, {32, 2}, {42, 4}, {10, 2}};
                case 5 * 16 + 6 -> new int[][] {{8, 2}, {10, 2}, {12, 4}, {16, 4}, {20, 2}};
                default -> new int[0][];
            };
            for (int[] f : layout) {
                fields.add(new int[] {i + f[0], f[1]});
            }
        }
        if (fields.isEmpty()) {
            return plant(b, b.length == 0 ? 0 : r.nextInt(b.length), r, log);
        }
        int[] field = fields.get(r.nextInt(fields.size()));
        long value = word(r);
        log.add("zip field at " + field[0] + " (" + field[1] + " bytes) becomes " + value);
        return put(b, field[0], value, field[1], false);
    }

    static LinkedHashMap<String, byte[]> unzip(byte[] b) {
        LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(b))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A zip of {@code entries}, in order, with fixed times so that the same entries give the same bytes. */
    static byte[] zip(Map<String, byte[]> entries, boolean stored) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(946_684_800_000L);
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    // HDF5

    /**
     * A word that looks like a size, a count or an address (a small number at an aligned place: dimensions of a
     * dataset, lengths of messages, offsets into the file) replaced; else the superblock's fields.
     */
    private static byte[] hdf5(byte[] b, SplittableRandom r, List<String> log) {
        if (b.length < 16) {
            return plant(b, 0, r, log);
        }
        int width = r.nextBoolean() ? 8 : 4;
        int at = -1;
        if (r.nextInt(4) == 0) {
            // The superblock: version, sizes of offsets and lengths, base, end-of-file and root addresses.
            at = r.nextInt(Math.min(b.length, 100));
        } else {
            for (int tries = 0; tries < 64; tries++) {
                int p = r.nextInt(b.length / width) * width;
                long v = get(b, p, width);
                if (v > 0 && v <= Math.max(b.length, 100_000)) {
                    at = p;
                    break;
                }
            }
            if (at < 0) {
                at = r.nextInt(b.length);
            }
        }
        long value = r.nextBoolean() ? word(r) : get(b, at, width) + (r.nextBoolean() ? 1 : -1) * (1 + r.nextInt(64));
        log.add(String.format("hdf5 word at %d (%d bytes, was %d) becomes %d", at, width, get(b, at, width), value));
        return put(b, at, value, width, false);
    }

    private static long get(byte[] b, int at, int width) {
        long v = 0;
        for (int k = width - 1; k >= 0; k--) {
            v = v << 8 | (at + k < b.length ? b[at + k] & 0xff : 0);
        }
        return v;
    }

    // IDX

    /** The data type, the number of dimensions or one dimension's size replaced. */
    private static byte[] idx(byte[] b, SplittableRandom r, List<String> log) {
        int field = r.nextInt(5);
        if (field < 2) {
            int at = 2 + field;
            int value = new int[] {0, 1, 2, 3, 4, 8, 9, 0x0b, 0x0d, 0x0e, 0xff, 0x80}[r.nextInt(12)];
            log.add("idx byte " + at + " becomes " + value);
            byte[] out = b.length > at ? b.clone() : Arrays.copyOf(b, at + 1);
            out[at] = (byte) value;
            return out;
        }
        int dimension = r.nextInt(3);
        int at = 4 + 4 * dimension;
        long value = r.nextBoolean() ? word(r) : get(b, at, 4) + (r.nextBoolean() ? 1 : -1) * (1 + r.nextInt(4));
        log.add("idx size " + dimension + " becomes " + (int) value);
        return put(b, at, value, 4, true);
    }

    static byte[] gzip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] b) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }
}
