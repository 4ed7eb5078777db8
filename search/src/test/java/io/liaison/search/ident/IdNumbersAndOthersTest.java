package io.liaison.search.ident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumbersAndOthersTest {
  /** A valid sample number (GB 11643 appendix style); its check character is X. */
  static final String ID = "11010519491231002X";

  static Optional<Identifier> id(String raw) {
    return Identifiers.normalise(IdentifierType.ID_NUMBER, raw);
  }

  static Optional<String> canon(IdentifierType type, String raw) {
    return IdentifiersTest.canon(type, raw);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11010519491231002X",
        "11010519491231002x",
        "110105 19491231 002X",
        "110105-19491231-002x",
        "１１０１０５１９４９１２３１００２Ｘ",
        "１１０１０５１９４９１２３１００２ｘ",
        "11010519491231002×",
        "身份证号:11010519491231002x",
        "公民身份号码 110105194912310 02X"
      })
  void idNumberSpellingsAreOneNumber(String raw) {
    assertThat(id(raw)).contains(new Identifier(IdentifierType.ID_NUMBER, ID, true));
  }

  @Test
  void checkCharacterFollowsGb11643() {
    assertThat(Checksums.idNumberCheck("11010519491231002")).isEqualTo('X');
    assertThat(Checksums.idNumberCheck("44052418800101001")).isEqualTo('4');
    assertThat(id("440524188001010014")).map(Identifier::valid).contains(false); // born 1880
  }

  @Test
  void wrongCheckDigitIsFlaggedAndNotEqual() {
    Identifier wrong = id("110105194912310021").orElseThrow();
    assertThat(wrong.valid()).isFalse();
    assertThat(wrong.value()).isEqualTo("110105194912310021").isNotEqualTo(ID);
    Identifier typo = id("11010519491231003X").orElseThrow(); // one digit off
    assertThat(typo.valid()).isFalse();
    assertThat(typo.value()).isNotEqualTo(ID);
  }

  @Test
  void impossibleBirthDateIsFlagged() {
    String body = "15092419801332123";
    assertThat(id(body + Checksums.idNumberCheck(body))).map(Identifier::valid).contains(false);
  }

  @Test
  void fifteenDigitNumbersAreUpgraded() {
    String old = "110105491231002"; // the 15-digit form of the sample
    assertThat(id(old)).contains(new Identifier(IdentifierType.ID_NUMBER, ID, true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1101051949123100", "11010519491231002XX", "01010519491231002X", "abc"})
  void notIdNumbers(String raw) {
    assertThat(id(raw)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "150924101234",
        "150924 101234",
        "1509-2410-1234",
        "１５０９２４１０１２３４",
        "许可证号:150924101234",
        "许可证号：150924101234",
        "烟草专卖零售许可证号150924101234",
        "零售许可证 150924101234号",
        "证号150924101234",
        "No.150924101234",
        "NO:150924101234",
        "no 150924101234"
      })
  void licenceSpellingsAreOneLicence(String raw) {
    assertThat(canon(IdentifierType.LICENCE, raw)).contains("150924101234");
  }

  @ParameterizedTest
  @ValueSource(strings = {"15092410123", "1509241012345", "050924101234", "15092410123A"})
  void notLicences(String raw) {
    assertThat(canon(IdentifierType.LICENCE, raw)).isEmpty();
  }

  @Test
  void licenceNearMissStaysDistinct() {
    assertThat(canon(IdentifierType.LICENCE, "150924101243")).contains("150924101243");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SF1234567890123",
        "sf1234567890123",
        "SF 1234 5678 90123",
        "SF-1234-5678-90123",
        "ＳＦ１２３４５６７８９０１２３",
        "顺丰单号:SF1234567890123",
        "顺丰快递单号 1234567890123",
        "顺丰运单号：sf1234567890123",
        "1234567890123"
      })
  void aSfNumberIsItsDigitsWithOrWithoutTheLetters(String raw) {
    // case files write 顺丰 numbers as often without their letters as with them
    assertThat(canon(IdentifierType.WAYBILL, raw)).contains("1234567890123");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "73100012345678",
        "ZTO73100012345678",
        "zto 7310 0012 3456 78",
        "中通快递单号:73100012345678",
        "中通 ZTO73100012345678",
        "７３１０００１２３４５６７８"
      })
  void decorativePrefixesAreDropped(String raw) {
    assertThat(canon(IdentifierType.WAYBILL, raw)).contains("73100012345678");
  }

  @Test
  void otherCouriers() {
    assertThat(canon(IdentifierType.WAYBILL, "YT 8812 3456 7890 1")).contains("8812345678901");
    assertThat(canon(IdentifierType.WAYBILL, "极兔 JT5012345678901")).contains("5012345678901");
    assertThat(canon(IdentifierType.WAYBILL, "YD4312345678901")).contains("4312345678901");
    assertThat(canon(IdentifierType.WAYBILL, "韵达 4312345678901")).contains("4312345678901");
    assertThat(canon(IdentifierType.WAYBILL, "jdva12345678901")).contains("JDVA12345678901");
    assertThat(canon(IdentifierType.WAYBILL, "EA 123 456 789 CN")).contains("EA123456789CN");
  }

  @Test
  void waybillNearMissesStayDistinct() {
    assertThat(canon(IdentifierType.WAYBILL, "SF1234567890124")).contains("1234567890124");
    assertThat(canon(IdentifierType.WAYBILL, "SF123")).isEmpty();
    assertThat(canon(IdentifierType.WAYBILL, "顺丰")).isEmpty();
  }

  @Test
  void bankCardsInGroupsOfFour() {
    String card = luhnComplete("622202123456789012");
    String grouped = card.replaceAll("(\\d{4})", "$1 ").strip();
    assertThat(canon(IdentifierType.ACCOUNT, grouped)).contains(card);
    assertThat(canon(IdentifierType.ACCOUNT, "银行卡号:" + card)).contains(card);
    assertThat(canon(IdentifierType.ACCOUNT, "中国农业银行卡号 " + grouped)).contains(card);
    assertThat(canon(IdentifierType.ACCOUNT, Fold.fold(card))).contains(card);
    assertThat(Identifiers.normalise(IdentifierType.ACCOUNT, card).orElseThrow().valid()).isTrue();
    String wrong = card.substring(0, 18) + (char) ('0' + (card.charAt(18) - '0' + 1) % 10);
    Identifier flagged = Identifiers.normalise(IdentifierType.ACCOUNT, wrong).orElseThrow();
    assertThat(flagged.valid()).isFalse();
    assertThat(flagged.value()).isNotEqualTo(card);
  }

  @Test
  void paymentAccounts() {
    assertThat(canon(IdentifierType.ACCOUNT, "支付宝:Zhang.Wei@163.com"))
        .contains("zhang.wei@163.com");
    assertThat(canon(IdentifierType.ACCOUNT, "ｚｈａｎｇ．ｗｅｉ＠１６３．ｃｏｍ")).contains("zhang.wei@163.com");
    assertThat(canon(IdentifierType.ACCOUNT, "支付宝账号 138 1234 5678")).contains("13812345678");
    assertThat(canon(IdentifierType.ACCOUNT, "微信号:WXID_ab12cd34")).contains("wxid_ab12cd34");
    assertThat(canon(IdentifierType.ACCOUNT, "微信 Tobacco_King88")).contains("tobacco_king88");
    assertThat(canon(IdentifierType.ACCOUNT, "abc")).isEmpty();
    assertThat(canon(IdentifierType.ACCOUNT, "a@b")).isEmpty();
  }

  /** {@code body} with its Luhn check digit appended. */
  static String luhnComplete(String body) {
    for (char d = '0'; d <= '9'; d++) {
      if (Checksums.luhn(body + d)) {
        return body + d;
      }
    }
    throw new AssertionError();
  }
}
