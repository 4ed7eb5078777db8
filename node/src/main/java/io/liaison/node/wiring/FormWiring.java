package io.liaison.node.wiring;

import io.liaison.node.forms.FormRoutes;
import io.liaison.node.forms.FormService;
import io.liaison.node.forms.FormSharing;
import io.liaison.node.major.MajorLeadRoutes;
import io.liaison.node.major.MajorLeads;
import io.liaison.node.settings.SettingsService;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Consumer;

/** Forms, and what a filed form starts: a major lead's report, a feedback form shared. */
public final class FormWiring implements Feature {
  private final Parts parts;
  private final FormService forms;
  private final MajorLeads major;
  private final FormSharing sharing;

  public FormWiring(Parts p, SettingsService settings) {
    this.parts = p;
    this.forms = new FormService(p.exec(), p.trust(), p.clock());
    this.major =
        new MajorLeads(
            p.vertx(),
            p.exec(),
            p.trust(),
            p.map(MajorLeads.MAP),
            p.quarantine(),
            p.feed(),
            settings::majorCaseThresholdFen,
            p.clock());
    forms.addListener(major::formFiled);
    this.sharing =
        new FormSharing(
            p.vertx(), p.exec(), p.trust(), p.map(FormSharing.MAP), p.quarantine(), p.feed());
    forms.addListener(sharing::formFiled);
  }

  @Override
  public List<Consumer<Router>> routes() {
    return List.of(
        new FormRoutes(parts.vertx(), forms)::mount,
        new MajorLeadRoutes(major, parts.maxPageSize())::mount);
  }

  @Override
  public void watch(Joining join) {
    join.records(MajorLeads.MAP, major::receive, major.reconciler());
    join.records(FormSharing.MAP, sharing::receive, sharing.reconciler());
  }
}
