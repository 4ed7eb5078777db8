package io.liaison.client.forms;

import io.liaison.api.forms.FormDraft;
import io.liaison.api.forms.FormPage;
import io.liaison.api.forms.FormView;
import io.liaison.client.ApiPaths;
import io.liaison.client.LiaisonClient;

/**
 * The four forms of a lead or case ({@code /api/v1/forms}): fill one in, list them, print one,
 * export them as XLSX. Obtain with {@link LiaisonClient#forms()}.
 */
public final class FormCalls {
  private final LiaisonClient client;

  public FormCalls(LiaisonClient client) {
    this.client = client;
  }

  public FormView file(FormDraft form) {
    return client.post("/api/v1/forms", form, FormView.class);
  }

  /** The forms of a lead id or case id, in the order filled in. */
  public FormPage of(String subject) {
    return client.get("/api/v1/forms?subject=" + ApiPaths.encode(subject), FormPage.class);
  }

  public FormView get(String id) {
    return client.get("/api/v1/forms/" + ApiPaths.encode(id), FormView.class);
  }

  /** The printable page (HTML, UTF-8). */
  public byte[] print(String id) {
    return client.bytes("/api/v1/forms/" + ApiPaths.encode(id) + "/print");
  }

  /** The forms of a subject as an XLSX workbook. */
  public byte[] sheet(String subject) {
    return client.bytes("/api/v1/forms/sheet?subject=" + ApiPaths.encode(subject));
  }
}
