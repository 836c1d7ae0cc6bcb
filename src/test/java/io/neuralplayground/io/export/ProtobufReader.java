package io.neuralplayground.io.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal protobuf decoder for tests, written from the wire format's specification rather than from
 * {@link ProtobufWriter}: a message becomes its fields by number, each with every value in file order (a varint
 * as Long, a 32-bit value as Integer bits, a 64-bit value as Long, a length-delimited value as byte[]).
 * Strict: a truncated message or an unknown wire type is an error.
 */
final class ProtobufReader {
    private final Map<Integer, List<Object>> fields = new LinkedHashMap<>();
    private final List<Integer> order = new ArrayList<>();

    private ProtobufReader() {
    }

    static ProtobufReader parse(byte[] bytes) {
        ProtobufReader message = new ProtobufReader();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (in.hasRemaining()) {
            long key = varint(in);
            int field = (int) (key >>> 3);
            int type = (int) (key & 7);
            Object value = switch (type) {
                case 0 -> varint(in);
                case 1 -> in.getLong();
                case 2 -> {
                    long length = varint(in);
                    if (length < 0 || length > in.remaining()) {
                        throw new IllegalArgumentException("field " + field + ": length " + length + " but "
                                + in.remaining() + " bytes left");
                    }
                    byte[] value2 = new byte[(int) length];
                    in.get(value2);
                    yield value2;
                }
                case 5 -> in.getInt();
                default -> throw new IllegalArgumentException("field " + field + ": wire type " + type);
            };
            if (field < 1) {
                throw new IllegalArgumentException("field number " + field);
            }
            message.fields.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
            message.order.add(field);
        }
        return message;
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint longer than ten bytes");
    }

    /** Field numbers in the order they occur (repeated ones once per value). */
    List<Integer> order() {
        return order;
    }

    List<Object> all(int field) {
        return fields.getOrDefault(field, List.of());
    }

    private Object one(int field) {
        List<Object> values = all(field);
        if (values.size() != 1) {
            throw new AssertionError("field " + field + " occurs " + values.size() + " times, expected once");
        }
        return values.get(0);
    }

    boolean has(int field) {
        return fields.containsKey(field);
    }

    long varint(int field) {
        return (Long) one(field);
    }

    float float32(int field) {
        return Float.intBitsToFloat((Integer) one(field));
    }

    byte[] bytes(int field) {
        return (byte[]) one(field);
    }

    String string(int field) {
        return new String(bytes(field), StandardCharsets.UTF_8);
    }

    List<String> strings(int field) {
        return all(field).stream().map(b -> new String((byte[]) b, StandardCharsets.UTF_8)).toList();
    }

    ProtobufReader message(int field) {
        return parse(bytes(field));
    }

    List<ProtobufReader> messages(int field) {
        return all(field).stream().map(b -> parse((byte[]) b)).toList();
    }

    List<Long> varints(int field) {
        return all(field).stream().map(v -> (Long) v).toList();
    }
}
