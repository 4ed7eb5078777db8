package io.liaison.client.settings;

import io.liaison.api.settings.AgreeRequest;
import io.liaison.client.LiaisonClient;

/**
 * One agreement every bureau signs, on the node's one agreement mechanism: read the version in
 * force and the proposals ({@code GET path}), propose the next version ({@code POST path}), sign a
 * proposal ({@code POST path/{version}/agreement}). The rules of {@code /api/v1/settings} ({@link
 * SettingsCalls}) and the reward sharing rule of {@code /api/v1/rewards/rules} are two of them.
 *
 * @param <V> what the node answers (the version in force and the proposals)
 * @param <P> what is proposed
 */
public class AgreementCalls<V, P> {
  private final LiaisonClient client;
  private final String path;
  private final Class<V> view;

  public AgreementCalls(LiaisonClient client, String path, Class<V> view) {
    this.client = client;
    this.path = path;
    this.view = view;
  }

  /** The version in force (null when none is agreed) and the proposals awaiting signatures. */
  public V view() {
    return client.get(path, view);
  }

  /** Proposes the next version, signed by this bureau (the chief's action). */
  public V propose(P proposal) {
    return client.post(path, proposal, view);
  }

  /** Signs this bureau's agreement to the proposal of {@code version} with this content hash. */
  public V agree(long version, String contentHash) {
    return client.post(path + "/" + version + "/agreement", new AgreeRequest(contentHash), view);
  }
}
