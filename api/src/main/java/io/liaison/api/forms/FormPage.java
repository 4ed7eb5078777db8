package io.liaison.api.forms;

import java.util.List;

/** The forms of one lead or case, in the order filled in. */
public record FormPage(List<FormView> items) {
  public FormPage {
    items = List.copyOf(items);
  }
}
