package io.liaison.node.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import io.liaison.api.Json;
import io.liaison.crypto.Hashes;
import io.liaison.crypto.SignedEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The membership check at join. The open-source Hazelcast admits any member that reaches the
 * cluster port; so every node announces, as a member attribute, a statement signed with its
 * bureau's roster key naming the cluster and the member address it joins from ({@code
 * grid.member}), and every node checks every member's statement against the roster. A member
 * without a valid one — an outsider's member or lite member, or a node whose key the roster no
 * longer lists — is reported: logged as an error, counted, and the checking nodes say they are not
 * ready ({@code cluster.GridWatch#watchMembers}) until it has left.
 *
 * <p>Limits: the statement is public (every member reads the attributes), so it proves only that
 * the bureau's node once signed for this cluster and address; an outsider able to join from that
 * very address (while the bureau's node is down) passes. Clients are not members and are not seen
 * here; see docs/security.md.
 */
public final class MemberProof {
  private static final Logger LOG = LoggerFactory.getLogger(MemberProof.class);

  /** The member attribute holding the signed statement. */
  public static final String ATTRIBUTE = "liaison.member";

  static final String TYPE = "grid.member";

  private MemberProof() {}

  /** Adds this node's signed statement to the member configuration {@code cfg}. */
  public static void announce(Config cfg, TrustService trust, String host, int port) {
    ObjectNode p = Json.mapper().createObjectNode();
    p.put("type", TYPE);
    p.put("cluster", cfg.getClusterName());
    p.put("bureau", trust.bureau().code());
    p.put("address", host + ":" + port);
    try {
      SignedEnvelope env =
          trust.sign(p, Hashes.GENESIS, Instant.now().truncatedTo(ChronoUnit.MILLIS));
      cfg.getMemberAttributeConfig()
          .setAttribute(ATTRIBUTE, new String(env.toJson(), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      LOG.error(
          "this node cannot sign its grid membership ({}); the other nodes will report it",
          e.getMessage());
    }
  }

  /** What is wrong with {@code m}'s statement, or null if it proves a roster member's node. */
  static String problem(Member m, TrustService trust, String cluster) {
    if (m.isLiteMember()) {
      return "a lite member (no bureau's node is one)";
    }
    String attr = m.getAttribute(ATTRIBUTE);
    if (attr == null) {
      return "no signed membership statement";
    }
    try {
      SignedEnvelope env = SignedEnvelope.fromJson(attr.getBytes(StandardCharsets.UTF_8));
      if (!trust.verify(env).isValid()) {
        return "its statement does not verify against the roster";
      }
      JsonNode p = env.payload();
      String address = m.getAddress().getHost() + ":" + m.getAddress().getPort();
      if (!TYPE.equals(p.path("type").asText())
          || !cluster.equals(p.path("cluster").asText())
          || !env.signer().code().equals(p.path("bureau").asText())
          || !address.equals(p.path("address").asText())) {
        return "its statement names another cluster, bureau or address";
      }
      return null;
    } catch (RuntimeException e) {
      return "its statement is malformed";
    }
  }

  /** Every member of the cluster that does not prove itself, described. */
  public static List<String> unproven(
      Iterable<Member> members, TrustService trust, String cluster) {
    List<String> out = new ArrayList<>();
    for (Member m : members) {
      String why = problem(m, trust, cluster);
      if (why != null) {
        out.add(m.getAddress() + " (" + why + ")");
      }
    }
    return out;
  }
}
