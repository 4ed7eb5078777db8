package io.liaison.node.http;

import io.liaison.api.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Problem documents in Chinese for a request whose {@code Accept-Language} prefers Chinese ({@code
 * zh}, {@code zh-CN}…); English stays the default. The {@code type}, {@code status} and {@code
 * field} never change; the {@code title} is translated always (a fixed set, with a fallback by
 * status), the {@code detail} of invalid fields and each {@code errors[].detail} by the phrases the
 * checks use. A detail the table does not know stays in English.
 */
public final class ChineseProblems {
  private static final Map<String, String> TITLES =
      Map.ofEntries(
          Map.entry("Invalid content", "内容无效"),
          Map.entry("Bad request", "请求有误"),
          Map.entry("Malformed JSON", "JSON 格式错误"),
          Map.entry("Request exceeds a limit", "请求超出限制"),
          Map.entry("Unsupported media type", "不支持的内容类型"),
          Map.entry("Not found", "未找到"),
          Map.entry("Method not allowed", "不支持该请求方法"),
          Map.entry("Request body too large", "请求体过大"),
          Map.entry("Request refused", "请求被拒绝"),
          Map.entry("Service unavailable", "服务暂不可用"),
          Map.entry("Node not ready", "本节点尚未就绪"),
          Map.entry("Internal error", "内部错误"),
          Map.entry("Not signed in", "未登录或登录已失效"),
          Map.entry("Sign-in failed", "登录失败"),
          Map.entry("Too many requests", "请求过于频繁"),
          Map.entry("Too many failed sign-ins", "登录失败次数过多"),
          Map.entry("Not allowed for your role", "您的角色无权执行此操作"),
          Map.entry("Not allowed for this bureau", "本局无权执行此操作"),
          Map.entry("Cannot act as another officer", "不能以其他人员的身份操作"),
          Map.entry("Cluster majority not reachable", "无法联系到集群的多数节点"),
          Map.entry("This bureau's signing key is not valid", "本局签名密钥无效"),
          Map.entry("Attachment failed verification", "附件校验失败"),
          Map.entry("Illegal state transition", "当前状态不允许此操作"),
          Map.entry("Not chosen to open it", "未被指定开启举报人身份"),
          Map.entry("Wrong passphrase", "开启口令不对"),
          Map.entry("Sealed for an older key", "加密所用的是已更换的旧密钥"),
          Map.entry("This officer has a sealing key", "本人员已有开启密钥"),
          Map.entry("Already readable", "已可开启"),
          Map.entry("Not a reward step", "奖励状态不能这样变更"),
          Map.entry("The chief decides", "须由局长决定"),
          Map.entry("Conflict", "冲突"));

  /** Phrases of the field checks, longest first where one contains another. */
  private static final Map<Pattern, String> PHRASES = new LinkedHashMap<>();

  static {
    // the informants' refusals (InformantService), whole sentences
    phrase(
        "the poster did not choose this officer to open the informant's identity",
        "发布人未指定本人员开启举报人身份");
    phrase("the passphrase does not open this officer's key", "开启口令不能打开本人员的密钥");
    phrase(
        "the lead's own text names the informant; take it out of the lead first",
        "线索正文写有举报人的身份信息，请先从线索中删去");
    phrase("this officer has no sealing key on this node", "本人员在本节点尚无开启密钥");
    phrase(
        "sealed for a key this officer has since replaced; give that key's passphrase, or ask"
            + " another chosen officer to re-seal it for you",
        "加密时用的是本人员已更换的旧密钥：请输入旧密钥的开启口令，或请另一名被指定人员为您重新加密");
    phrase(
        "this officer has a sealing key: give the current passphrase to change it, or say it is"
            + " forgotten to make a new key",
        "本人员已有开启密钥：修改口令须输入当前口令；如已忘记口令，请选择“忘记口令”生成新密钥");
    phrase("give the current passphrase or say it is forgotten, not both", "当前口令与“忘记口令”只能选其一");
    phrase(
        "another chosen officer re-seals it for you; your own copy opens only with the key it was"
            + " sealed to",
        "须由另一名被指定人员为您重新加密");
    phrase("officer (\\S+) can open it with their current key", "人员 $1 用现有密钥即可开启");
    phrase("the poster did not choose (\\S+)", "发布人未指定 $1");
    phrase(
        "the reward status cannot go from (\\S+) to (\\S+)", "奖励状态不能从 $1 变为 $2（未申请→已申报→已兑现或不予奖励）");
    phrase("only the chief pays out a reward or decides not to reward", "只有局长能确定兑现或不予奖励");
    phrase("officer (\\S+) has no sealing key \\(they make one first\\)", "人员 $1 尚无开启密钥（须先生成）");
    phrase(
        "officer (\\S+) is not of this bureau or of a bureau the lead is addressed to",
        "人员 $1 不属于本局或线索所发往的局");
    phrase("only the bureau that posted a lead records its source", "只有发布线索的局才能登记其来源");
    phrase("the source of lead (\\S+) is recorded", "线索 $1 的来源已登记");
    phrase("no report for lead (\\S+)", "线索 $1 没有举报登记");
    phrase("an informant's identity needs at least one officer to open it", "举报人身份须至少指定一名可开启人员");
    phrase("must be 10 to 200 characters", "应为 10 至 200 个字符");
    phrase("(\\d+) fields are invalid: ", "$1 个字段无效：");
    phrase("before proposing: ", "提议前须补全：");
    phrase("the body", "请求体");
    phrase("is not a field of this request \\(known: ([^)]*)\\)", "不是此请求的字段（可用字段：$1）");
    // the forms' checks (FormDraft): longer than "is required", so first
    phrase("is required on this form", "为本表必填项");
    phrase("names at least one on this form", "本表至少填写一项");
    phrase("at least two officers \\(", "至少两名执法人员（");
    phrase("names whom the case was transferred to", "应写明移送单位");
    phrase("must not be negative", "不能为负数");
    phrase("must be an officer id", "应为人员编号");
    phrase("is named twice", "重复填写");
    phrase("must be 1\\.\\.(\\d+) characters", "应为 1 至 $1 个字符");
    // the agreed rules' checks (RegionSettings)
    phrase("must be (\\d+)\\.\\.(\\d+) days", "应为 $1 至 $2 天");
    phrase("must be at least 1 fen", "至少为 1 分");
    phrase("starts at 1", "从 1 开始");
    phrase("is required", "为必填项");
    phrase("must not be blank", "不能为空");
    phrase("must not repeat a bureau", "不能重复同一个局");
    phrase("must be at most (\\d+) characters", "最多 $1 个字符");
    phrase("must be one of \\[([^\\]]*)\\] \\(a string\\)", "应为 [$1] 之一（字符串）");
    phrase("must be one of \\[([^\\]]*)\\]", "应为 [$1] 之一");
    phrase("must be a time \\(an ISO-8601 string such as ([^)]*)\\)", "应为时间（ISO-8601 字符串，如 $1）");
    phrase("must be a date \\(a string such as ([^)]*)\\)", "应为日期（字符串，如 $1）");
    phrase("must be a string", "应为字符串");
    phrase("must be an integer", "应为整数");
    phrase("must be a number", "应为数字");
    phrase("must be true or false", "应为 true 或 false");
    phrase("must be an array", "应为数组");
    phrase("must be an object", "应为对象");
    phrase(", not a number with a fraction or exponent \\(([^)]*)\\)", "，而不是带小数或指数的数字（$1）");
    phrase(", not a number \\(([^)]*)\\)", "，而不是数字（$1）");
    phrase(", not a boolean \\(([^)]*)\\)", "，而不是布尔值（$1）");
    phrase(", not a string", "，而不是字符串");
    phrase(", not an array", "，而不是数组");
    phrase(", not an object", "，而不是对象");
    phrase(", not null", "，而不是 null");
    phrase(", not \"([^\"]*)\"", "，而不是“$1”");
    phrase("; ", "；");
  }

  private ChineseProblems() {}

  private static void phrase(String regex, String zh) {
    PHRASES.put(Pattern.compile(regex), zh);
  }

  /**
   * Whether an {@code Accept-Language} header prefers Chinese: the language of highest weight (the
   * first among equals) is {@code zh} or a {@code zh-} variant.
   */
  public static boolean wanted(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return false;
    }
    String best = null;
    double bestQ = -1;
    for (String part : acceptLanguage.split(",")) {
      String[] f = part.strip().split(";");
      String tag = f[0].strip().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int i = 1; i < f.length; i++) {
        String p = f[i].strip();
        if (p.startsWith("q=")) {
          try {
            q = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (!tag.isEmpty() && q > bestQ) {
        best = tag;
        bestQ = q;
      }
    }
    return best != null && bestQ > 0 && (best.equals("zh") || best.startsWith("zh-"));
  }

  /** The problem in Chinese (same type, status and fields). */
  public static Problem translate(Problem p) {
    String title = TITLES.getOrDefault(p.title(), byStatus(p.status()));
    List<Problem.FieldError> errors =
        p.errors().stream()
            .map(e -> new Problem.FieldError(e.field(), phrases(e.detail())))
            .toList();
    return new Problem(p.type(), title, p.status(), phrases(p.detail()), p.field(), errors);
  }

  private static String phrases(String text) {
    if (text == null) {
      return null;
    }
    String s = text;
    for (Map.Entry<Pattern, String> e : PHRASES.entrySet()) {
      Matcher m = e.getKey().matcher(s);
      s = m.replaceAll(e.getValue());
    }
    return s;
  }

  private static String byStatus(int status) {
    return switch (status) {
      case 400 -> "请求有误";
      case 401 -> "未登录或登录已失效";
      case 403 -> "无权执行此操作";
      case 404 -> "未找到";
      case 405 -> "不支持该请求方法";
      case 409 -> "冲突";
      case 413 -> "请求体过大";
      case 415 -> "不支持的内容类型";
      case 422 -> "内容无效";
      case 429 -> "请求过于频繁";
      case 502, 503 -> "服务暂不可用";
      default -> status >= 500 ? "内部错误" : "请求被拒绝";
    };
  }
}
