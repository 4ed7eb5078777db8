package io.liaison.api.informant;

import io.liaison.api.FieldException;

/**
 * An informant's identity and contact (举报人/线人): name, phone, ID number, note. Only ever sealed to
 * the officers the poster chose, and answered in clear only to one of them who opens it.
 */
public record Informant(String name, String phone, String idNumber, String note) {
  public Informant {
    name = FieldException.text(name, "name", 64);
    phone = FieldException.optionalText(phone, "phone", 32);
    if (phone != null && !phone.matches("[0-9+()\\- ]{5,32}")) {
      throw new FieldException("phone", "must be a telephone number");
    }
    idNumber = FieldException.optionalText(idNumber, "idNumber", 18);
    if (idNumber != null && !idNumber.matches("[0-9]{17}[0-9Xx]|[0-9]{15}")) {
      throw new FieldException("idNumber", "must be an 18-digit ID number");
    }
    note = FieldException.optionalText(note, "note", 2000);
  }

  /** Never the identity in a log line, an assertion message or an exception's text. */
  @Override
  public String toString() {
    return "Informant[***]";
  }
}
