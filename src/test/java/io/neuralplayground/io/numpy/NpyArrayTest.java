package io.neuralplayground.io.numpy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.neuralplayground.PlaygroundException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The .npy format: what is written, byte for byte, and what is read or refused. */
class NpyArrayTest {
    private static final String WHERE = "m.npz: a.npy";

    /** A .npy file as NumPy 1.24 writes it, from a header dict and the data. */
    static byte[] npy(int major, String dict, byte[] data) {
        int lengthBytes = major == 1 ? 2 : 4;
        int unpadded = 8 + lengthBytes + dict.length() + 1;
        int padded = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - unpadded) + "\n";
        return raw(major, header.getBytes(StandardCharsets.ISO_8859_1), data);
    }

    static byte[] raw(int major, byte[] header, byte[] data) {
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer out = ByteBuffer.allocate(8 + lengthBytes + header.length + data.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            out.putShort((short) header.length);
        } else {
            out.putInt(header.length);
        }
        return out.put(header).put(data).array();
    }

    static byte[] doubles(double... values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        out.asDoubleBuffer().put(values);
        return out.array();
    }

    static byte[] floats(float... values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        out.asFloatBuffer().put(values);
        return out.array();
    }

    static byte[] utf32(int width, String... texts) {
        ByteBuffer out = ByteBuffer.allocate(texts.length * width * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (String s : texts) {
            int[] cps = s.codePoints().toArray();
            for (int k = 0; k < width; k++) {
                out.putInt(k < cps.length ? cps[k] : 0);
            }
        }
        return out.array();
    }

    @Test
    void aMatrixIsWrittenAsNumpySavesIt() {
        byte[] bytes = NpyArray.of(new double[][] {{0, 1, 2}, {3, 4, 5}}).toBytes();

        // numpy 1.24: np.save(f, np.arange(6.).reshape(2, 3)) — header padded so that the data starts at 128.
        byte[] expected = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }",
                doubles(0, 1, 2, 3, 4, 5));
        assertThat(bytes).isEqualTo(expected);
        assertThat(bytes.length).isEqualTo(128 + 48);
        assertThat(bytes[127]).isEqualTo((byte) '\n');
    }

    @Test
    void aVectorAndTextAreWrittenAsNumpySavesThem() {
        assertThat(NpyArray.of(new double[] {1.5}).toBytes()).isEqualTo(npy(1,
                "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", doubles(1.5)));
        assertThat(NpyArray.ofText(List.of("x1", "größe", "😀")).toBytes()).isEqualTo(npy(1,
                "{'descr': '<U5', 'fortran_order': False, 'shape': (3,), }", utf32(5, "x1", "größe", "😀")));
    }

    @Test
    void writtenArraysReadBack() {
        double[][] rows = {{-0.0, Double.MIN_VALUE, 0.1}, {Double.MAX_VALUE, -1e-300, 3}};
        NpyArray back = NpyArray.parse(NpyArray.of(rows).toBytes(), WHERE);
        assertThat(back.shape()).containsExactly(2, 3);
        assertThat(back.isText()).isFalse();
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(Double.doubleToRawLongBits(back.rows()[r][c])).isEqualTo(
                        Double.doubleToRawLongBits(rows[r][c]));
            }
        }
        List<String> texts = List.of("a", "\u0000lead", "tab\there", "😀x", "");
        assertThat(NpyArray.parse(NpyArray.ofText(texts).toBytes(), WHERE).texts()).isEqualTo(texts);
    }

    @Test
    void theVariantsNumpyWritesAreRead() {
        // float32, widened exactly
        NpyArray f4 = NpyArray.parse(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
                floats(0.1f, -2.5f)), WHERE);
        assertThat(f4.numbers()).containsExactly((double) 0.1f, -2.5);
        // Fortran order: column after column
        NpyArray fortran = NpyArray.parse(npy(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }",
                doubles(0, 3, 1, 4, 2, 5)), WHERE);
        assertThat(fortran.rows()).isDeepEqualTo(new double[][] {{0, 1, 2}, {3, 4, 5}});
        NpyArray fortranText = NpyArray.parse(npy(1, "{'descr': '<U1', 'fortran_order': True, 'shape': (2, 3), }",
                utf32(1, "a", "d", "b", "e", "c", "f")), WHERE);
        assertThat(fortranText.texts()).containsExactly("a", "b", "c", "d", "e", "f");
        // header versions 2.0 and 3.0 (4-byte length), keys in another order, old 16-byte padding, double quotes
        assertThat(NpyArray.parse(npy(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }",
                doubles(7)), WHERE).numbers()).containsExactly(7.0);
        assertThat(NpyArray.parse(npy(3, "{'shape': (1,), 'fortran_order': False, 'descr': '<f8'}",
                doubles(7)), WHERE).numbers()).containsExactly(7.0);
        assertThat(NpyArray.parse(raw(1, "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (1, 1)}   \n"
                .getBytes(StandardCharsets.US_ASCII), doubles(8)), WHERE).rows()).isDeepEqualTo(new double[][] {{8}});
        // a trailing comma in the shape, no space after colons
        assertThat(NpyArray.parse(npy(1, "{'descr':'<f8','fortran_order':False,'shape':(1,1,),}", doubles(9)),
                WHERE).shape()).containsExactly(1, 1);
        // empty arrays are arrays
        assertThat(NpyArray.parse(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (0,), }",
                new byte[0]), WHERE).numbers()).isEmpty();
    }

    static Stream<Arguments> badArrays() {
        String ok = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
        byte[] good = npy(1, ok, doubles(1, 2));
        return Stream.of(
                bad("empty", new byte[0], "empty"),
                bad("not npy", "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), "\\x93NUMPY"),
                bad("magic only", Arrays.copyOf(good, 6), "cut short in its version"),
                bad("no header length", Arrays.copyOf(good, 9), "cut short in its header length"),
                bad("version 4", npy(4, ok, doubles(1, 2)), "version 4.0 is not supported"),
                bad("cut in header", Arrays.copyOf(good, 40), "cut short in its header"),
                bad("cut in data", Arrays.copyOf(good, good.length - 3), "needs 16 bytes, but there are 13",
                        "cut short"),
                bad("extra data", npy(1, ok, doubles(1, 2, 3)), "needs 16 bytes, but there are 24",
                        "extra bytes"),
                bad("no newline", raw(1, ok.getBytes(StandardCharsets.US_ASCII), doubles(1, 2)),
                        "does not end with a newline"),
                bad("garbage header", npy(1, "hello", doubles(1, 2)), "not a Python dict", "\"hello\""),
                bad("unclosed dict", npy(1, "{'descr': '<f8'", doubles(1, 2)), "no ',' or '}'"),
                bad("unknown key", npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), "
                        + "'x': 1}", doubles(1, 2)), "unknown key 'x'"),
                bad("missing key", npy(1, "{'descr': '<f8', 'shape': (2,)}", doubles(1, 2)),
                        "lacks 'fortran_order'"),
                bad("duplicate key", npy(1, "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, "
                        + "'shape': (2,)}", doubles(1, 2)), "'descr' twice"),
                bad("big-endian", npy(1, ok.replace("<f8", ">f8"), doubles(1, 2)), "big-endian ('>f8')"),
                bad("integers", npy(1, ok.replace("<f8", "<i8"), doubles(1, 2)), "dtype '<i8' are not "
                        + "supported", "float64"),
                bad("pickled objects", npy(1, ok.replace("<f8", "|O"), doubles(1, 2)), "dtype '|O'"),
                bad("structured", npy(1, "{'descr': [('a', '<f8')], 'fortran_order': False, "
                        + "'shape': (2,), }", doubles(1, 2)), "'descr' in the .npy header is not a dtype string"),
                bad("scalar", npy(1, ok.replace("(2,)", "()"), doubles(1)), "a single value (shape ())"),
                bad("3-D", npy(1, ok.replace("(2,)", "(1, 1, 2)"), doubles(1, 2)), "3 dimensions"),
                bad("not a tuple", npy(1, ok.replace("(2,)", "(2)"), doubles(1, 2)), "is no tuple"),
                bad("negative length", npy(1, ok.replace("(2,)", "(-2,)"), doubles(1, 2)),
                        "something other than a length"),
                bad("giant length", npy(1, ok.replace("(2,)", "(99999999999,)"), doubles(1, 2)),
                        "too large"),
                bad("giant shape", npy(1, ok.replace("(2,)", "(2000000000, 2000000000)"), doubles(1, 2)),
                        "too large (shape (2000000000, 2000000000), dtype '<f8')"),
                bad("large shape", npy(1, ok.replace("(2,)", "(2000000000, 2)"), doubles(1, 2)),
                        "needs 32000000000 bytes, but there are 16", "cut short"),
                bad("fortran garbage", npy(1, ok.replace("False", "Maybe"), doubles(1, 2)),
                        "not True or False"),
                bad("bad code point", npy(1, ok.replace("<f8", "<U1"), new byte[] {0, (byte) 0xd8, 0, 0,
                    0x41, 0, 0, 0}), "string 0 of the array is not valid text"),
                bad("long header", raw(2, ("{" + " ".repeat(70_000) + "}\n").getBytes(
                        StandardCharsets.US_ASCII), new byte[0]), "more than the 65535 accepted"));
    }

    private static Arguments bad(String what, byte[] bytes, String... expected) {
        return Arguments.of(what, bytes, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArrays")
    void badArraysAreRefusedSayingWhy(String what, byte[] bytes, String... expected) {
        assertThatThrownBy(() -> NpyArray.parse(bytes, WHERE))
                .isExactlyInstanceOf(PlaygroundException.class)
                .hasMessageStartingWith(WHERE + ": ")
                .hasMessageContainingAll(expected);
    }

    @Test
    void textNumpyWouldChangeIsNotWritten() {
        assertThatThrownBy(() -> NpyArray.ofText(List.of("x\u0000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> NpyArray.ofText(List.of("x\ud800")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surrogate");
    }
}
