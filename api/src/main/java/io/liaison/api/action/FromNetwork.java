package io.liaison.api.action;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.util.List;

/**
 * The body of a plan prefilled from a detected network: the network's bureaus take part, plus
 * {@code bureaus}; its key entities become the targets, its records the evidence.
 */
public record FromNetwork(String officer, String networkId, List<BureauId> bureaus) {
  public FromNetwork {
    officer = FieldException.text(officer, "officer", 32);
    networkId = FieldException.text(networkId, "networkId", 100);
    bureaus = bureaus == null ? List.of() : List.copyOf(bureaus);
  }
}
