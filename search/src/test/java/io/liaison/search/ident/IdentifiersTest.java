package io.liaison.search.ident;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.cases.EntityType;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {
  static Optional<String> canon(IdentifierType type, String raw) {
    return Identifiers.normalise(type, raw).map(Identifier::value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "138 - 1234 - 5678",
        "+86 138 1234 5678",
        "+86-13812345678",
        "(+86)13812345678",
        "+8613812345678",
        "008613812345678",
        "0086 138 1234 5678",
        "8613812345678",
        "１３８１２３４５６７８",
        "１３８－１２３４－５６７８",
        "＋８６ １３８ １２３４ ５６７８",
        "手机:13812345678",
        "手机：138 1234 5678",
        "联系电话 138-1234-5678",
        "Tel: 138.1234.5678",
        "138—1234—5678",
        "138\u30001234\u30005678"
      })
  void mobileSpellingsAreOneNumber(String raw) {
    assertThat(canon(IdentifierType.PHONE, raw)).contains("13812345678");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0474-5212345",
        "0474 5212345",
        "(0474)5212345",
        "（0474）5212345",
        "0474-521-2345",
        "+86 474 5212345",
        "+86-474-5212345",
        "+86 (0)474 5212345",
        "0086 474 5212345",
        "０４７４－５２１２３４５",
        "电话:0474-5212345"
      })
  void landlineSpellingsAreOneNumber(String raw) {
    assertThat(canon(IdentifierType.PHONE, raw)).contains("04745212345");
  }

  @Test
  void phoneAreaCodesAndServiceNumbers() {
    assertThat(canon(IdentifierType.PHONE, "010-6512 3456")).contains("01065123456");
    assertThat(canon(IdentifierType.PHONE, "+86 10 6512 3456")).contains("01065123456");
    assertThat(canon(IdentifierType.PHONE, "0352-12345678")).isEmpty(); // local starts with 1
    assertThat(canon(IdentifierType.PHONE, "0352-22345678")).contains("035222345678");
    assertThat(canon(IdentifierType.PHONE, "400-810-1234")).contains("4008101234");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12313", // the tobacco tip line is not a person's phone
        "1381234567", // one digit short
        "138123456789", // one digit long
        "12812345678", // no 12x mobile prefix
        "5212345", // local number without area code
        "+1 415 555 0100",
        "abc",
        "138 1234 567a",
        "0000-5212345"
      })
  void notPhones(String raw) {
    assertThat(canon(IdentifierType.PHONE, raw)).isEmpty();
  }

  @Test
  void phoneNearMissesStayDistinct() {
    assertThat(canon(IdentifierType.PHONE, "138 1234 5679")).contains("13812345679");
    assertThat(canon(IdentifierType.PHONE, "0474-5212346")).contains("04745212346");
    assertThat(canon(IdentifierType.PHONE, "0352-5212345")).contains("03525212345");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "蒙J3K582",
        "蒙J·3K582",
        "蒙J•3K582",
        "蒙J.3K582",
        "蒙J・3K582",
        "蒙J 3K582",
        "蒙 J 3K582",
        "蒙J-3K582",
        "蒙j3k582",
        "蒙j·3k582",
        "蒙Ｊ３Ｋ５８２",
        "蒙Ｊ·３Ｋ５８２",
        "蒙J‧3K582",
        " 蒙J 3K 582 ",
        "车牌号:蒙J3K582",
        "蒙J3K58２"
      })
  void plateSpellingsAreOnePlate(String raw) {
    assertThat(canon(IdentifierType.PLATE, raw)).contains("蒙J3K582");
  }

  @Test
  void platesOfEveryShape() {
    assertThat(canon(IdentifierType.PLATE, "晋B·D12345")).contains("晋BD12345"); // new energy
    assertThat(canon(IdentifierType.PLATE, "晋bfa1234")).contains("晋BFA1234");
    assertThat(canon(IdentifierType.PLATE, "冀G 12345D")).contains("冀G12345D"); // large NEV
    assertThat(canon(IdentifierType.PLATE, "冀G·1234挂")).contains("冀G1234挂");
    assertThat(canon(IdentifierType.PLATE, "蒙J3KO82")).contains("蒙J3K082"); // O read as 0
    assertThat(canon(IdentifierType.PLATE, "蒙JI2345")).contains("蒙J12345"); // I read as 1
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "J3K582", // no province
        "蒙J3K58", // too short
        "蒙J3K5821", // too long for a fuel plate
        "火J3K582", // not a province
        "蒙93K582", // authority must be a letter
        "蒙JA12345", // 8 characters but not a new-energy serial
        "蒙J3K5#2"
      })
  void notPlates(String raw) {
    assertThat(canon(IdentifierType.PLATE, raw)).isEmpty();
  }

  @Test
  void plateNearMissesStayDistinct() {
    assertThat(canon(IdentifierType.PLATE, "蒙J3K528")).contains("蒙J3K528");
    assertThat(canon(IdentifierType.PLATE, "晋J3K582")).contains("晋J3K582");
    assertThat(canon(IdentifierType.PLATE, "蒙K3K582")).contains("蒙K3K582");
  }

  @Test
  void entityTypesMapToIdentifierTypes() {
    assertThat(IdentifierType.of(EntityType.PLATE)).contains(IdentifierType.PLATE);
    assertThat(IdentifierType.of(EntityType.PERSON)).isEmpty();
    assertThat(IdentifierType.of(EntityType.BRAND)).isEmpty();
    for (IdentifierType t : IdentifierType.values()) {
      assertThat(IdentifierType.of(t.entityType())).contains(t);
    }
  }

  @Test
  void termsCarryTheType() {
    Identifier plate = Identifiers.normalise(IdentifierType.PLATE, "蒙j·3k582").orElseThrow();
    assertThat(plate.term()).isEqualTo("PLATE:蒙J3K582");
    assertThat(Identifiers.normalise(IdentifierType.PLATE, null)).isEmpty();
    assertThat(Identifiers.normalise(IdentifierType.PLATE, " ")).isEmpty();
    assertThat(Identifiers.normalise(IdentifierType.PLATE, "蒙".repeat(300))).isEmpty();
  }
}
