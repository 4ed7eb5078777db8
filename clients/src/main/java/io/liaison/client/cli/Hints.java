package io.liaison.client.cli;

import io.liaison.client.LiaisonClientException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** What to do about a refusal of the node: sign in, check the password, wait, ask the admin. */
final class Hints {
  private Hints() {}

  static List<String> of(LiaisonClientException e, URI node, Clock clock) {
    List<String> out = new ArrayList<>();
    String hint =
        switch (e.slug()) {
          case "invalid-token" -> "未登录或登录已过期，请登录: liaison --node " + node + " login";
          case "invalid-credentials" -> "人员编号或密码不对（启用动态口令的加 --totp）；连续失败会被暂时锁定";
          case "locked-out" -> "该人员连续登录失败，已被暂时锁定";
          case "rate-limited" -> "请求过于频繁，请稍候";
          case "forbidden" -> "你的角色无权执行此操作；用 liaison whoami 查看角色，需要时请本局管理员调整";
          case "impersonation" -> "只能以登录人员本人的名义操作：去掉 --officer（默认即登录人员）";
          case "bad-query", "too-many-clauses" ->
              "查询写法见 docs/search.md，例如 plate:蒙J·3K582 或 \"夜间运输\"";
          case "already-decided" -> "本局已对这条并案建议作出决定，不能再改；liaison proposal <编号> 查看各局决定";
          case "not-involved" -> "本局不在这条并案建议涉及的局中，无需决定";
          default -> null;
        };
    if (hint != null) {
      out.add("  hint:   " + hint);
    }
    e.retryAfter()
        .ifPresent(
            d ->
                out.add(
                    "  retry:  "
                        + d.toSeconds()
                        + " 秒后重试（北京时间 "
                        + Times.showSeconds(clock.instant().plus(d)).substring(11)
                        + " 之后）"));
    return out;
  }
}
