package io.liaison.client.cli;

import io.liaison.api.BureauId;
import io.liaison.api.settings.SettingsProposal;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the commands of the agreements every bureau signs share ({@code settings}, {@code rewards}'
 * sharing rule, both on the node's one agreement mechanism): the options of signing a proposal and
 * the lines that say who has signed.
 */
final class Agreements {
  private Agreements() {}

  /** {@code <version> --content-hash H}: which proposal this bureau signs (a mixin). */
  static final class Agree {
    @Parameters(index = "0", description = "the version")
    long version;

    @Option(
        names = "--content-hash",
        required = true,
        description = "the proposal's content hash (shown with the proposal)")
    String contentHash;
  }

  /** The lines under a proposal: who signed, who has yet to, its content hash. */
  static String signatures(
      List<SettingsProposal.Agreement> agreed, List<BureauId> awaiting, String contentHash) {
    return "\n  已签: "
        + agreed.stream().map(a -> a.bureau().code()).collect(Collectors.joining(", "))
        + (awaiting.isEmpty()
            ? ""
            : "  待签: " + awaiting.stream().map(BureauId::code).collect(Collectors.joining(", ")))
        + "\n  内容哈希: "
        + contentHash
        + "\n";
  }
}
