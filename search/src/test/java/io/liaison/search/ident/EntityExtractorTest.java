package io.liaison.search.ident;

import static io.liaison.search.ident.IdentifierType.ACCOUNT;
import static io.liaison.search.ident.IdentifierType.ID_NUMBER;
import static io.liaison.search.ident.IdentifierType.LICENCE;
import static io.liaison.search.ident.IdentifierType.PHONE;
import static io.liaison.search.ident.IdentifierType.PLATE;
import static io.liaison.search.ident.IdentifierType.WAYBILL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {
  static final String ID = "11010519491231002X";

  @Test
  void findsIdentifiersGluedToChineseText() {
    String text =
        "2026年3月12日,执法人员在兴和县城关镇307国道检查站对一辆车牌号为蒙J·3K582的面包车进行检查,"
            + "驾驶员王某(身份证号11010519491231002x,电话138 1234 5678)无法提供准运证明。";
    List<ExtractedEntity> found = EntityExtractor.extract(text);
    assertThat(found)
        .extracting(ExtractedEntity::type, ExtractedEntity::raw, ExtractedEntity::normalised)
        .containsExactly(
            tuple(PLATE, "蒙J·3K582", "蒙J3K582"),
            tuple(ID_NUMBER, "11010519491231002x", ID),
            tuple(PHONE, "138 1234 5678", "13812345678"));
    for (ExtractedEntity e : found) {
      assertThat(text.substring(e.start(), e.end())).isEqualTo(e.raw());
      assertThat(e.valid()).isTrue();
    }
  }

  @Test
  void readsFullWidthFormsAndKeepsOriginalOffsets() {
    String text = "查获车辆蒙Ｊ３Ｋ５８２，联系电话１３８－１２３４－５６７８。";
    List<ExtractedEntity> found = EntityExtractor.extract(text);
    assertThat(found)
        .extracting(ExtractedEntity::type, ExtractedEntity::raw, ExtractedEntity::normalised)
        .containsExactly(
            tuple(PLATE, "蒙Ｊ３Ｋ５８２", "蒙J3K582"), tuple(PHONE, "１３８－１２３４－５６７８", "13812345678"));
    assertThat(found.get(0).start()).isEqualTo(4);
  }

  @Test
  void classifiesBareNumbersByTheKeywordBeforeThem() {
    String text =
        "检查持证零售户(许可证号150924101234),发现其从中通快递网点收取包裹,运单号为731000123456、"
            + "SF1234567890123,货款通过银行卡6222 0212 3456 7890 128转账。";
    assertThat(EntityExtractor.extract(text))
        .extracting(ExtractedEntity::type, ExtractedEntity::normalised)
        .containsExactly(
            tuple(LICENCE, "150924101234"),
            tuple(WAYBILL, "731000123456"),
            tuple(WAYBILL, "1234567890123"),
            tuple(ACCOUNT, "6222021234567890128"));
  }

  @Test
  void formsCaseFilesUse() {
    assertThat(
            EntityExtractor.extract(
                "上家微信号为Ma_da385。双方通过微信（chen_da6166）联系交易。当事人案发前多次与86-13106695444通话。"
                    + "通过微信（微信号：wu5392）发布信息。"))
        .extracting(ExtractedEntity::type, ExtractedEntity::normalised)
        .containsExactlyInAnyOrder(
            tuple(ACCOUNT, "ma_da385"),
            tuple(ACCOUNT, "chen_da6166"),
            tuple(PHONE, "13106695444"),
            tuple(ACCOUNT, "wu5392"));
  }

  @Test
  void anOutletsLandlineIsAPhoneNotAWaybill() {
    assertThat(EntityExtractor.extract("京东快递阳高网点（电话03522431977）配合调查。"))
        .extracting(ExtractedEntity::type, ExtractedEntity::normalised)
        .containsExactly(tuple(PHONE, "03522431977"));
  }

  @Test
  void leavesAmbiguousNumbersOut() {
    assertThat(EntityExtractor.extract("经查,编号731000123456的物品已于当日退还。")).isEmpty();
    assertThat(EntityExtractor.extract("群众拨打12313举报,案值13500元,共计30条。")).isEmpty();
  }

  @Test
  void wrongIdCheckDigitIsKeptOnlyWhenNamedAsAnIdNumber() {
    List<ExtractedEntity> named = EntityExtractor.extract("当事人身份证号码为110105194912310021。");
    assertThat(named)
        .extracting(ExtractedEntity::type, ExtractedEntity::normalised, ExtractedEntity::valid)
        .containsExactly(tuple(ID_NUMBER, "110105194912310021", false));
    assertThat(EntityExtractor.extract("收到一串数字110105194912310021。")).isEmpty();
  }

  @Test
  void landlinesAndInternationalForms() {
    String text = "举报电话(0474)5212345;另一号码+86 139-0474-1234,座机0352-2123456。";
    assertThat(EntityExtractor.extract(text))
        .extracting(ExtractedEntity::type, ExtractedEntity::normalised)
        .containsExactly(
            tuple(PHONE, "04745212345"), tuple(PHONE, "13904741234"), tuple(PHONE, "03522123456"));
  }

  @Test
  void phoneUsedAsPaymentAccountIsBoth() {
    assertThat(EntityExtractor.extract("通过支付宝账号138 1234 5678收款"))
        .extracting(ExtractedEntity::type, ExtractedEntity::normalised)
        .containsExactlyInAnyOrder(tuple(PHONE, "13812345678"), tuple(ACCOUNT, "13812345678"));
  }

  @Test
  void paymentAccountsAndCourierWaybills() {
    String text =
        "买家微信号Tobacco_King88,邮箱zhang.wei@163.com,极兔单号JT 5012 3456 7890 1,圆通YT8812345678901,";
    assertThat(EntityExtractor.extract(text))
        .extracting(ExtractedEntity::type, ExtractedEntity::normalised)
        .containsExactly(
            tuple(ACCOUNT, "tobacco_king88"),
            tuple(ACCOUNT, "zhang.wei@163.com"),
            tuple(WAYBILL, "5012345678901"),
            tuple(WAYBILL, "8812345678901"));
  }

  @Test
  void newEnergyAndTrailerPlates() {
    assertThat(EntityExtractor.extract("晋B·D12345号小型新能源车与冀G1234挂半挂车及蒙j 3k582"))
        .extracting(ExtractedEntity::normalised)
        .containsExactly("晋BD12345", "冀G1234挂", "蒙J3K582");
  }

  @Test
  void ordinaryTextHasNoIdentifiers() {
    assertThat(EntityExtractor.extract("依据《中华人民共和国烟草专卖法实施条例》第五十七条,京津冀及蒙晋冀毗邻地区联合开展专项整治。")).isEmpty();
    assertThat(EntityExtractor.extract("")).isEmpty();
    assertThat(EntityExtractor.extract(null)).isEmpty();
  }
}
