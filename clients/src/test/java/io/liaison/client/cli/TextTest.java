package io.liaison.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void chineseTakesTwoColumnsAndLatinOne() {
    assertThat(Text.width("兴和县")).isEqualTo(6);
    assertThat(Text.width("150924 兴和县")).isEqualTo(13);
    assertThat(Text.width("蒙J·3K582")).isEqualTo(9);
    assertThat(Text.width("中华（硬）")).isEqualTo(10);
    assertThat(Text.width("𠀀")).isEqualTo(2);
  }

  @Test
  void padsToDisplayColumns() {
    assertThat(Text.pad("天镇县", 8)).isEqualTo("天镇县  ");
    assertThat(Text.pad("ab", 4)).isEqualTo("ab  ");
    assertThat(Text.width(Text.pad("互联网+物流寄递", 17))).isEqualTo(17);
  }

  @Test
  void truncatesWithoutSplittingAWideCharacter() {
    String t = Text.truncate("谷前堡镇民房疑为假烟分装窝点", 9);

    assertThat(t).isEqualTo("谷前堡镇…");
    assertThat(Text.width(t)).isLessThanOrEqualTo(9);
    assertThat(Text.truncate("short", 9)).isEqualTo("short");
  }

  @Test
  void oneLineFoldsLineBreaks() {
    assertThat(Text.oneLine(" a\r\nb\tc \n")).isEqualTo("a b c");
    assertThat(Text.oneLine(null)).isEmpty();
  }
}
