package io.liaison.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785 published vectors (§3.2.2, §3.2.3, Appendix B) and the refusals. */
class CanonicalJsonTest {

  private static String canon(String json) {
    return new String(CanonicalJson.canonicalize(json), StandardCharsets.UTF_8);
  }

  @Test
  void rfc8785SectionThreeExample() {
    String input =
        """
        {
          "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
          "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
          "literals": [null, true, false]
        }
        """;
    assertThat(canon(input))
        .isEqualTo(
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
  }

  @Test
  void rfc8785SortsByUtf16CodeUnits() {
    String input =
        """
        {
          "\\u20ac": "Euro Sign",
          "\\r": "Carriage Return",
          "\\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\\ud83d\\ude00": "Emoji: Grinning Face",
          "\\u0080": "Control",
          "\\u00f6": "Latin Small Letter O With Diaeresis"
        }
        """;
    assertThat(canon(input))
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"€\":\"Euro Sign\","
                + "\"\uD83D\uDE00\":\"Emoji: Grinning Face\",\"\uFB33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  @Test
  void rfc8785SortingExampleIsUtf8Encoded() {
    byte[] bytes = CanonicalJson.canonicalize("{\"\\u20ac\":1,\"\\ud83d\\ude00\":2,\"\\ufb33\":3}");
    assertThat(bytes)
        .containsExactly(
            0x7b, 0x22, 0xe2, 0x82, 0xac, 0x22, 0x3a, 0x31, 0x2c, 0x22, 0xf0, 0x9f, 0x98, 0x80,
            0x22, 0x3a, 0x32, 0x2c, 0x22, 0xef, 0xac, 0xb3, 0x22, 0x3a, 0x33, 0x7d);
  }

  /** RFC 8785 Appendix B: IEEE-754 bit patterns and their ES6 serialisation. */
  @ParameterizedTest
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2"
  })
  void rfc8785AppendixBNumbers(String ieeeHex, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));
    assertThat(
            new String(
                CanonicalJson.canonicalize(DoubleNode.valueOf(value)), StandardCharsets.UTF_8))
        .isEqualTo(expected);
    // and the same through JSON text, where the number is written as ES6 would
    assertThat(canon("[" + expected + "]")).isEqualTo("[" + expected + "]");
  }

  @Test
  void numberFormsOfTheBrief() {
    assertThat(canon("[1e21, 1e-7, -0, -0.0, 1E+2, 100.000, 0.1]"))
        .isEqualTo("[1e+21,1e-7,0,0,100,100,0.1]");
  }

  @Test
  void refusesNaNAndInfinityAsRfc8785AppendixBSays() {
    assertThatThrownBy(() -> CanonicalJson.canonicalize(DoubleNode.valueOf(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> CanonicalJson.canonicalize(DoubleNode.valueOf(Double.POSITIVE_INFINITY)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> canon("[1e400]")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesIntegersThatADoubleWouldChange() {
    assertThat(
            new String(
                CanonicalJson.canonicalize(LongNode.valueOf(1L << 53)), StandardCharsets.UTF_8))
        .isEqualTo("9007199254740992");
    assertThatThrownBy(() -> CanonicalJson.canonicalize(LongNode.valueOf((1L << 53) + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("string");
    // a literal that would round to the same double as an exact one is refused too
    assertThatThrownBy(() -> canon("[295147905179352830001]"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void escapesControlCharactersOnly() {
    assertThat(canon("[\"\\u0000\\u001f\\u007f\\b\\f\\t\\r\\n</script>\\u4e2d\"]"))
        .isEqualTo("[\"\\u0000\\u001f\u007f\\b\\f\\t\\r\\n</script>中\"]");
  }

  @Test
  void refusesLoneSurrogatesAndDuplicateNames() {
    assertThatThrownBy(() -> canon("[\"\\ud83d\"]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> canon("[\"\\ude00x\"]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> canon("{\"a\":1,\"a\":2}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nestedStructuresAreSortedAtEveryLevel() {
    assertThat(canon("{\"b\":[{\"z\":1,\"y\":{\"d\":true,\"c\":null}}],\"a\":\"x\"}"))
        .isEqualTo("{\"a\":\"x\",\"b\":[{\"y\":{\"c\":null,\"d\":true},\"z\":1}]}");
  }
}
