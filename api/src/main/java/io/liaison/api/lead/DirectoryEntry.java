package io.liaison.api.lead;

import io.liaison.api.FieldException;

/**
 * One liaison contact of a bureau (信息联络员): officer number, name, role, phone and duty hours, e.g.
 * {@code 工作日 8:30-17:30}. Shared with every member, signed by the bureau.
 */
public record DirectoryEntry(
    String officer, String name, String role, String phone, String dutyHours) {
  public DirectoryEntry {
    officer = FieldException.text(officer, "officer", 32);
    name = FieldException.text(name, "name", 64);
    role = FieldException.text(role, "role", 64);
    phone = FieldException.text(phone, "phone", 32);
    if (!phone.matches("[0-9+()\\- ]{5,32}")) {
      throw new FieldException("phone", "must be a telephone number");
    }
    dutyHours = FieldException.optionalText(dutyHours, "dutyHours", 100);
  }
}
