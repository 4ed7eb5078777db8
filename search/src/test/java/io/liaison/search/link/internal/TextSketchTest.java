package io.liaison.search.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
  void figuresAreTheShortRunsOfDigitsNotIdentifiersOrMaskedOnes() {
    assertThat(
            TextSketch.figures(
                "2025年11月22日，在东沟村3号查获中华（软）27条，案值17550元，手机177-1092-7114，"
                    + "身份证号150981 ****0325 8603，卡号************680081，车牌蒙J·6F585。"))
        .containsExactly("2025", "11", "22", "3", "27", "17550", "6585");
  }

  @Test
  void aCopyWithMaskedIdentifiersKeepsTheFigureKeyAnotherCaseOnTheTemplateDoesNot() {
    String a =
        "2025年11月22日，执法人员在尚义县石井乡东沟村3号附近发现郝晓东无证销售卷烟，现场查获中华（软）27条，案值17550元。"
            + "涉案卷烟此前经韵达快递阳城营业部（快递员手机17710927114）揽收转运。涉案卷烟已依法先行登记保存。";
    String copy = "【协查通报】兴和县局转来线索：" + a.replace("17710927114", "********114");
    String sibling =
        "2024年6月8日，执法人员在尚义县石井乡东沟村15号附近发现王伟无证销售卷烟，现场查获中华（软）40条，案值26000元。"
            + "涉案卷烟此前经韵达快递阳城营业部（快递员手机17710927114）揽收转运。涉案卷烟已依法先行登记保存。";
    int[] keys = TextSketch.keys(a, 8);
    int figureKey = keys[keys.length - 1];
    assertThat(keys).hasSize(9).startsWith(Arrays.copyOf(TextSketch.of(a), 8));
    assertThat(TextSketch.keys(copy, 8)).contains(figureKey);
    assertThat(TextSketch.keys(sibling, 8)).doesNotContain(figureKey);
    assertThat(TextSketch.keys("2025年3月1日，" + TEXT, 8)).hasSize(8); // a date alone: no figure key
  }

  @Test
  void unrelatedTextIsDissimilarAndShortTextHasNoSketch() {
    String other = "经营者在其后院库房存放大量卷烟，均无合法来源票据，涉嫌从非法渠道购进，执法人员依法予以先行登记保存并责令其说明来源情况。";
    assertThat(TextSketch.similarity(TextSketch.of(TEXT), TextSketch.of(other))).isLessThan(0.2);
    assertThat(TextSketch.of("查获卷烟十条。")).isEmpty();
    assertThat(TextSketch.keys("查获卷烟十条。", 8)).isEmpty();
    assertThat(TextSketch.similarity(TextSketch.of(TEXT), new int[0])).isZero();
  }
}
