package io.neuralplayground.io.files;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zip entries stored uncompressed, as NumPy's {@code savez} and Keras' {@code .keras} archives have them (Python's
 * {@code zipfile} with {@code ZIP_STORED}). A stored entry must carry its size and checksum before its data.
 */
public final class StoredZipEntries {
    private StoredZipEntries() {
    }

    /** Adds {@code content} under {@code name}, uncompressed, dated {@code time} (local time, as zip keeps it). */
    public static void put(ZipOutputStream zip, String name, byte[] content, LocalDateTime time) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(content);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
