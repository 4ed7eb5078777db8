package io.liaison.search.link.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.search.link.Frequency;
import io.liaison.search.link.LinkOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void normalFormDropsSpacesAndRefusesPlaceholders() {
    assertThat(Names.normalise(" 王 海军 ")).isEqualTo("王海军");
    assertThat(Names.normalise("阿不都•热合曼")).isEqualTo("阿不都·热合曼");
    assertThat(Names.normalise("王某")).isNull();
    assertThat(Names.normalise("王某某")).isNull();
    assertThat(Names.normalise("姓名不详")).isNull();
    assertThat(Names.normalise("Wang")).isNull();
    assertThat(Names.normalise("王")).isNull();
  }

  @Test
  void variantsAreOneCharacterOffOrSwappedWithTheSameSurname() {
    assertThat(Names.variants("王海军", "王海君")).isTrue();
    assertThat(Names.variants("王海军", "王军海")).isTrue();
    assertThat(Names.variants("王海军", "李海军")).isFalse();
    assertThat(Names.variants("王伟", "王玮")).isFalse(); // two characters: too little to tell
    assertThat(Names.variants("王海军", "王海军")).isFalse();
  }

  @Test
  void commonNamesAreCommonEvenInAYoungIndex() {
    LinkOptions o = LinkOptions.defaults();
    assertThat(Names.band(o, "王伟", 1)).isEqualTo(Frequency.COMMON);
    assertThat(Names.band(o, "巴特尔", 1)).isEqualTo(Frequency.COMMON);
    assertThat(Names.band(o, "王海军", 1)).isEqualTo(Frequency.SPECIFIC);
    assertThat(Names.band(o, "乔满仓", 1)).isEqualTo(Frequency.SPECIFIC);
    assertThat(Names.band(o, "乔满仓", 1000)).isEqualTo(Frequency.OVER_COMMON);
  }

  @Test
  void findsNamesAfterTheWordsOfficersPutBeforeThem() {
    List<Names.Found> found = Names.find("驾驶员张建国（身份证号…），据其交代上家为男子李强处购进，货主欧阳春生。", List.of());
    assertThat(found).extracting(Names.Found::name).containsExactly("张建国", "李强", "欧阳春生");
  }

  @Test
  void findsAssociatesNamedInPassing() {
    List<Names.Found> found =
        Names.find(
            "执法人员发现郝晓东无证销售卷烟。据李强供述，其货源来自丰镇市的周强梅，当事人与兴和县人员温伟联系频繁，"
                + "负责送货的是曾杰，卷烟由于海龙代为联系买家。由于当事人拒不配合，",
            List.of());
    assertThat(found).extracting(Names.Found::name).containsExactly("郝晓东", "李强", "周强梅", "温伟", "曾杰");
  }

  @Test
  void listedNamesWinWhereTheyStart() {
    assertThat(Names.find("当事人白二虎子无证经营。", List.of("白二虎子")))
        .extracting(Names.Found::name)
        .containsExactly("白二虎子");
  }
}
