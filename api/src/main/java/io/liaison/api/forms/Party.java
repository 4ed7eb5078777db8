package io.liaison.api.forms;

import io.liaison.api.FieldException;

/**
 * A party of a case (当事人): who, in which role, how to find them.
 *
 * @param name name of the person or business
 * @param role their part
 * @param idNumber ID number (optional)
 * @param licence retail licence number (optional)
 * @param phone phone (optional)
 * @param address address (optional)
 */
public record Party(
    String name, PartyRole role, String idNumber, String licence, String phone, String address) {
  public Party {
    name = FieldException.text(name, "name", 60);
    FieldException.required(role, "role");
    idNumber = FieldException.optionalText(idNumber, "idNumber", 18);
    if (idNumber != null && !idNumber.matches("[0-9]{17}[0-9Xx]")) {
      FieldException.invalid("idNumber", "must be 18 characters: 17 digits and a digit or X");
    }
    licence = FieldException.optionalText(licence, "licence", 20);
    if (licence != null && !licence.matches("[0-9]{12}")) {
      FieldException.invalid("licence", "must be 12 digits");
    }
    phone = FieldException.optionalText(phone, "phone", 20);
    address = FieldException.optionalText(address, "address", 200);
  }

  /** A party's part in the case. */
  public enum PartyRole {
    /** 当事人（涉案人）. */
    SUSPECT,
    /** 零售户. */
    RETAILER,
    /** 驾驶人. */
    DRIVER,
    /** 寄件人. */
    SENDER,
    /** 收件人. */
    RECIPIENT,
    /** 证人. */
    WITNESS,
    OTHER
  }
}
