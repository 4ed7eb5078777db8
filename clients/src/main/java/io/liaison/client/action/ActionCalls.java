package io.liaison.client.action;

import io.liaison.api.BureauId;
import io.liaison.api.action.Checklist;
import io.liaison.api.action.CloneRequest;
import io.liaison.api.action.ConflictPage;
import io.liaison.api.action.FromNetwork;
import io.liaison.api.action.PlanContent;
import io.liaison.api.action.PlanDraft;
import io.liaison.api.action.PlanKind;
import io.liaison.api.action.PlanPage;
import io.liaison.api.action.PlanView;
import io.liaison.api.action.StepRequest;
import io.liaison.client.LiaisonClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Joint operations (联合行动) on one node ({@code /api/v1/actions}), with the node's own wire types:
 * plans led by this node's bureau are written here; every participating bureau approves, briefs and
 * reports results on its own node. Obtain with {@link LiaisonClient#actions()}.
 */
public final class ActionCalls {
  private final LiaisonClient client;

  public ActionCalls(LiaisonClient client) {
    this.client = client;
  }

  private static String path(String id) {
    return "/api/v1/actions/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  /** Plans this bureau takes part in ({@code all}: every plan this node holds), newest first. */
  public PlanPage list(boolean all, int limit) {
    return client.get("/api/v1/actions?limit=" + limit + (all ? "&view=all" : ""), PlanPage.class);
  }

  /** One plan; sealed (outline only) where this bureau does not take part. */
  public PlanView get(String id) {
    return client.get(path(id), PlanView.class);
  }

  /** A new draft led by this node's bureau. */
  public PlanView create(String officer, PlanContent plan) {
    return client.post("/api/v1/actions", new PlanDraft(officer, plan), PlanView.class);
  }

  /** A draft prefilled from a detected network, with {@code extra} bureaus taking part. */
  public PlanView fromNetwork(String officer, String networkId, List<BureauId> extra) {
    return client.post(
        "/api/v1/actions/from-network", new FromNetwork(officer, networkId, extra), PlanView.class);
  }

  /** A template of one kind, led by this bureau (not stored). */
  public PlanContent template(PlanKind kind) {
    return client.get("/api/v1/actions/templates/" + kind.name(), PlanContent.class);
  }

  /** A new draft copied from a past plan this bureau took part in. */
  public PlanView cloneOf(String id, String officer) {
    return client.post(path(id) + "/clone", new CloneRequest(officer), PlanView.class);
  }

  /** A new version of the plan; earlier approvals no longer count. */
  public PlanView revise(String id, String officer, PlanContent plan) {
    return client.put(path(id), new PlanDraft(officer, plan), PlanView.class);
  }

  /** What the plan lacks before it can be proposed. */
  public Checklist checklist(String id) {
    return client.get(path(id) + "/checklist", Checklist.class);
  }

  /** One lifecycle step of this bureau (propose, approve, activate, brief, results, …). */
  public PlanView step(String id, StepRequest step) {
    return client.post(path(id) + "/steps", step, PlanView.class);
  }

  /** The host bureau records and signs a joint meeting's minutes. */
  public io.liaison.api.action.MeetingView recordMeeting(
      String officer, io.liaison.api.action.Meeting meeting) {
    return client.post(
        "/api/v1/meetings",
        new io.liaison.api.action.MeetingDraft(officer, meeting),
        io.liaison.api.action.MeetingView.class);
  }

  /** Joint meetings this bureau took part in, newest first. */
  public io.liaison.api.action.MeetingPage meetings(int limit) {
    return client.get("/api/v1/meetings?limit=" + limit, io.liaison.api.action.MeetingPage.class);
  }

  /** This bureau's open action items from joint meetings. */
  public io.liaison.api.action.ItemPage meetingItems() {
    return client.get("/api/v1/meetings/items", io.liaison.api.action.ItemPage.class);
  }

  /** This bureau acknowledges a meeting's minutes. */
  public io.liaison.api.action.MeetingView acknowledge(String meetingId, String officer) {
    return client.post(
        "/api/v1/meetings/" + URLEncoder.encode(meetingId, StandardCharsets.UTF_8) + "/acknowledge",
        new CloneRequest(officer),
        io.liaison.api.action.MeetingView.class);
  }

  /** This bureau marks its action item {@code n} (from 1) done. */
  public io.liaison.api.action.MeetingView itemDone(String meetingId, int n, String officer) {
    return client.post(
        "/api/v1/meetings/"
            + URLEncoder.encode(meetingId, StandardCharsets.UTF_8)
            + "/items/"
            + n
            + "/done",
        new CloneRequest(officer),
        io.liaison.api.action.MeetingView.class);
  }

  /** This bureau's deconfliction alerts, newest first. */
  public ConflictPage conflicts(int limit) {
    return client.get("/api/v1/actions/conflicts?limit=" + limit, ConflictPage.class);
  }
}
