package io.liaison.search.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSketchTest {
  static final String TEXT =
      "执法人员在兴和县张皋镇货运站北侧废弃砖厂内发现一处地下窝点，现场有两名男子正在分装无中文警语的外国卷烟，"
          + "窝点内另有封口机一台、空白包装箱若干，两人见执法人员到来即翻越后墙逃离。";

  @Test
  void sameTextIsIdenticalAndFullWidthDigitsAreDigits() {
    assertThat(TextSketch.similarity(TextSketch.of(TEXT), TextSketch.of(TEXT))).isEqualTo(1.0);
    assertThat(
            TextSketch.similarity(TextSketch.of("2026年3月" + TEXT), TextSketch.of("２０２６年３月" + TEXT)))
        .isEqualTo(1.0);
  }

  @Test
  void theSameTemplateWithOtherFiguresIsNotANearDuplicate() {
    String a = "2024年9月7日，执法人员在怀安县头百户镇韵达代收点开展寄递环节检查，发现寄往周边旗县的可疑包裹6件，开箱查验为中华（硬）49条，案值22050元。";
    String b = "2025年3月21日，执法人员在怀安县头百户镇韵达代收点开展寄递环节检查，发现寄往周边旗县的可疑包裹9件，开箱查验为中华（硬）30条，案值13500元。";
    assertThat(TextSketch.similarity(TextSketch.of(a), TextSketch.of(b))).isLessThan(0.7);
    assertThat(TextSketch.similarity(TextSketch.of(a), TextSketch.of("【协查】" + a)))
        .isGreaterThan(0.7);
  }

  @Test
  void unrelatedTextIsDissimilarAndShortTextHasNoSketch() {
    String other = "经营者在其后院库房存放大量卷烟，均无合法来源票据，涉嫌从非法渠道购进，执法人员依法予以先行登记保存并责令其说明来源情况。";
    assertThat(TextSketch.similarity(TextSketch.of(TEXT), TextSketch.of(other))).isLessThan(0.2);
    assertThat(TextSketch.of("查获卷烟十条。")).isEmpty();
    assertThat(TextSketch.similarity(TextSketch.of(TEXT), new int[0])).isZero();
  }
}
