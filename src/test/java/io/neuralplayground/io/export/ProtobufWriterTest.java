package io.neuralplayground.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Encodings checked against the examples of protobuf's "Encoding" guide and the wire format's rules. */
class ProtobufWriterTest {
    private static String hex(ProtobufWriter w) {
        return HexFormat.ofDelimiter(" ").formatHex(w.toByteArray());
    }

    @Test
    void aVarintFieldAsInTheGuide() {
        // "message Test1 { optional int32 a = 1; }" with a = 150 is 08 96 01.
        assertThat(hex(new ProtobufWriter().int64(1, 150))).isEqualTo("08 96 01");
        assertThat(hex(new ProtobufWriter().int64(1, 0))).isEqualTo("08 00");
        assertThat(hex(new ProtobufWriter().int64(1, 127))).isEqualTo("08 7f");
        assertThat(hex(new ProtobufWriter().int64(1, 128))).isEqualTo("08 80 01");
        assertThat(hex(new ProtobufWriter().int64(1, Long.MAX_VALUE))).isEqualTo("08 ff ff ff ff ff ff ff ff 7f");
    }

    @Test
    void negativeIntegersAreTwosComplementInTenBytesNotZigzag() {
        // int64/int32 fields (not sint64): -1 is ten bytes, as the guide says.
        assertThat(hex(new ProtobufWriter().int64(1, -1))).isEqualTo("08 ff ff ff ff ff ff ff ff ff 01");
        assertThat(hex(new ProtobufWriter().int64(3, -2))).isEqualTo("18 fe ff ff ff ff ff ff ff ff 01");
    }

    @Test
    void fieldNumbersAbove15TakeAKeyOfTwoBytes() {
        // AttributeProto.type = 20: key (20 << 3 | 0) = 160 = a0 01.
        assertThat(hex(new ProtobufWriter().int64(20, 2))).isEqualTo("a0 01 02");
    }

    @Test
    void aStringAsInTheGuide() {
        // "message Test2 { optional string b = 2; }" with b = "testing".
        assertThat(hex(new ProtobufWriter().string(2, "testing"))).isEqualTo("12 07 74 65 73 74 69 6e 67");
        assertThat(hex(new ProtobufWriter().string(1, ""))).isEqualTo("0a 00");
        assertThat(hex(new ProtobufWriter().string(1, "é"))).isEqualTo("0a 02 c3 a9");
    }

    @Test
    void aNestedMessageAsInTheGuide() {
        // "message Test3 { optional Test1 c = 3; }" with c.a = 150 is 1a 03 08 96 01.
        assertThat(hex(new ProtobufWriter().message(3, new ProtobufWriter().int64(1, 150))))
                .isEqualTo("1a 03 08 96 01");
    }

    @Test
    void aFloatIsFourBytesLittleEndian() {
        assertThat(hex(new ProtobufWriter().float32(2, 1.0f))).isEqualTo("15 00 00 80 3f");
        assertThat(hex(new ProtobufWriter().float32(2, 0.2f))).isEqualTo("15 cd cc 4c 3e");
    }

    @Test
    void floatsAsBytesAreLittleEndianAndLengthDelimited() {
        assertThat(hex(new ProtobufWriter().littleEndianFloats(9, new float[] {1.0f, -2.0f})))
                .isEqualTo("4a 08 00 00 80 3f 00 00 00 c0");
        assertThat(hex(new ProtobufWriter().littleEndianFloats(9, new float[0]))).isEqualTo("4a 00");
    }

    @Test
    void appendedFieldsJoinTheMessageAsTheyAre() {
        ProtobufWriter repeated = new ProtobufWriter().string(1, "a").string(1, "b");
        assertThat(hex(new ProtobufWriter().int64(2, 1).append(repeated))).isEqualTo("10 01 0a 01 61 0a 01 62");
    }

    @Test
    void growsBeyondItsFirstCapacity() throws IOException {
        float[] many = new float[100_000];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
        }
        ProtobufWriter w = new ProtobufWriter(1).string(1, "x").littleEndianFloats(2, many);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.writeTo(out);

        assertThat(out.toByteArray()).isEqualTo(w.toByteArray()).hasSize(w.size());
        ProtobufReader read = ProtobufReader.parse(w.toByteArray());
        assertThat(read.string(1)).isEqualTo("x");
        byte[] floats = read.bytes(2);
        assertThat(floats).hasSize(400_000);
        assertThat(Float.intBitsToFloat((floats[399_996] & 0xFF) | (floats[399_997] & 0xFF) << 8
                | (floats[399_998] & 0xFF) << 16 | (floats[399_999] & 0xFF) << 24)).isEqualTo(99_999f);
    }

    @Test
    void refusesFieldNumbersProtobufDoesNotHave() {
        assertThatThrownBy(() -> new ProtobufWriter().int64(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProtobufWriter().int64(1 << 29, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void everyFieldReadsBack(@ForAll long number, @ForAll String text, @ForAll float f, @ForAll byte[] raw) {
        ProtobufWriter w = new ProtobufWriter(1)
                .int64(1, number)
                .string(2, text)
                .float32(3, f)
                .bytes(4, raw)
                .message(536_870_911, new ProtobufWriter().int64(7, number));

        ProtobufReader read = ProtobufReader.parse(w.toByteArray());

        assertThat(read.varint(1)).isEqualTo(number);
        assertThat(read.bytes(2)).isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(Float.floatToRawIntBits(read.float32(3))).isEqualTo(Float.floatToRawIntBits(f));
        assertThat(read.bytes(4)).isEqualTo(raw);
        assertThat(read.message(536_870_911).varint(7)).isEqualTo(number);
        assertThat(read.order()).containsExactly(1, 2, 3, 4, 536_870_911);
    }
}
