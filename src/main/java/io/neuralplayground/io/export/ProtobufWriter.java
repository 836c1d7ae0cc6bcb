package io.neuralplayground.io.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One protocol-buffers message being encoded: the few parts of the wire format ONNX files need, so that writing
 * them takes no protobuf library.
 *
 * <p>A message is a sequence of fields, each a key (field number and wire type, {@code number << 3 | type}, as a
 * varint) followed by its value. Three of protobuf's wire types are enough for every field an ONNX model of
 * dense layers uses ({@code onnx.proto}):
 * <ul>
 *   <li><b>0, varint</b> — {@code int64} and {@code int32} fields and enums ({@link #int64}): seven bits a byte,
 *       least significant first, the high bit set on all bytes but the last. ONNX declares its integers
 *       {@code int64}/{@code int32}, not {@code sint64}, so a negative value is its two's complement: ten bytes,
 *       no zigzag encoding.</li>
 *   <li><b>5, 32-bit</b> — {@code float} fields ({@link #float32}): the IEEE 754 bits, little-endian.</li>
 *   <li><b>2, length-delimited</b> — strings (UTF-8), {@code bytes}, nested messages, and packed repeated
 *       floats ({@link #string}, {@link #bytes}, {@link #message}, {@link #littleEndianFloats}): the length in
 *       bytes as a varint, then the bytes.</li>
 * </ul>
 * A nested message is encoded into its own writer first, because its length comes before it.
 *
 * <p>Repeated fields are written one value per key (an {@code int64} list such as {@code TensorProto.dims} is not
 * packed): {@code onnx.proto} is proto2, where that is the default encoding, and every parser accepts it.
 *
 * <p>One message can hold at most 2 GiB − 1 bytes (a Java array), which is also protobuf's own limit.
 */
final class ProtobufWriter {
    static final int VARINT = 0;
    static final int FIXED32 = 5;
    static final int LENGTH_DELIMITED = 2;

    private byte[] buffer;
    private int size;

    ProtobufWriter() {
        this(64);
    }

    /** A writer whose buffer starts with room for {@code capacity} bytes (it grows as needed). */
    ProtobufWriter(int capacity) {
        buffer = new byte[Math.max(capacity, 16)];
    }

    /** An {@code int64}, {@code int32} or enum field; negative values take ten bytes. */
    ProtobufWriter int64(int field, long value) {
        key(field, VARINT);
        varint(value);
        return this;
    }

    /** A {@code float} field: four bytes, little-endian. */
    ProtobufWriter float32(int field, float value) {
        key(field, FIXED32);
        ensure(4);
        putIntLittleEndian(Float.floatToRawIntBits(value));
        return this;
    }

    /** A {@code string} field, in UTF-8. */
    ProtobufWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code bytes} field. */
    ProtobufWriter bytes(int field, byte[] value) {
        key(field, LENGTH_DELIMITED);
        varint(value.length);
        append(value, 0, value.length);
        return this;
    }

    /** A field holding the message {@code nested} has encoded. */
    ProtobufWriter message(int field, ProtobufWriter nested) {
        key(field, LENGTH_DELIMITED);
        varint(nested.size);
        append(nested.buffer, 0, nested.size);
        return this;
    }

    /**
     * The fields {@code fields} has encoded, appended as they are: a message is nothing but a sequence of fields,
     * so repeated fields gathered in a writer of their own join a message this way.
     */
    ProtobufWriter append(ProtobufWriter fields) {
        append(fields.buffer, 0, fields.size);
        return this;
    }

    /**
     * A length-delimited field of the floats' IEEE 754 bits, four bytes each, little-endian. These are the bytes
     * of a packed {@code repeated float} field and equally of a {@code bytes} field holding float32 values
     * little-endian ({@code TensorProto.raw_data}): protobuf encodes both the same way.
     */
    ProtobufWriter littleEndianFloats(int field, float[] values) {
        long length = 4L * values.length;
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(values.length + " floats do not fit in one protobuf field");
        }
        key(field, LENGTH_DELIMITED);
        varint(length);
        ensure((int) length);
        for (float value : values) {
            putIntLittleEndian(Float.floatToRawIntBits(value));
        }
        return this;
    }

    /** The number of bytes encoded so far. */
    int size() {
        return size;
    }

    /** A copy of the bytes encoded so far. */
    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** Writes the bytes encoded so far to {@code out}, without copying them first. */
    void writeTo(OutputStream out) throws IOException {
        out.write(buffer, 0, size);
    }

    private void key(int field, int wireType) {
        if (field < 1 || field > (1 << 29) - 1) {
            throw new IllegalArgumentException("no protobuf field number: " + field);
        }
        varint(((long) field << 3) | wireType);
    }

    private void varint(long value) {
        ensure(10);
        long rest = value;
        // Unsigned shift: a negative value ends after ten bytes, its sign bit in the last one.
        while ((rest & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        buffer[size++] = (byte) rest;
    }

    private void putIntLittleEndian(int bits) {
        buffer[size++] = (byte) bits;
        buffer[size++] = (byte) (bits >>> 8);
        buffer[size++] = (byte) (bits >>> 16);
        buffer[size++] = (byte) (bits >>> 24);
    }

    private void append(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    private void ensure(int more) {
        long needed = (long) size + more;
        if (needed <= buffer.length) {
            return;
        }
        // Java arrays stop a little below Integer.MAX_VALUE.
        long limit = Integer.MAX_VALUE - 8;
        if (needed > limit) {
            throw new IllegalStateException("a protobuf message of more than " + limit + " bytes");
        }
        long grown = Math.min(limit, Math.max(needed, 2L * buffer.length));
        buffer = Arrays.copyOf(buffer, (int) grown);
    }
}
