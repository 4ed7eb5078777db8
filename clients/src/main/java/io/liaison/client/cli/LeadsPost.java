package io.liaison.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import io.liaison.api.Json;
import io.liaison.api.lead.Distribution;
import io.liaison.api.lead.LeadCategory;
import io.liaison.api.lead.LeadDraft;
import io.liaison.api.lead.LeadEntity;
import io.liaison.api.lead.Urgency;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code liaison leads post}: posts a lead from flags, from a JSON draft file, or from a file with
 * flags overriding its fields. The draft is checked here first (same rules as the node), so a
 * missing title is a usage error before anything is sent.
 */
@Command(
    name = "post",
    mixinStandardHelpOptions = true,
    description = {
      "Post a lead on the node, signed by its bureau, for neighbouring bureaus, in the name of"
          + " the signed-in officer.",
      "Give the fields as flags, or as a JSON draft with --file (flags override the file's"
          + " fields). Codes may be written in Chinese: --category 无证运输, --entity 车牌=蒙J·3K582."
    },
    footerHeading = "%n",
    footer = {
      "Example:",
      "  liaison leads post -c UNLICENSED_TRANSPORT -u PRIORITY \\",
      "    -t '蒙J·3K582 白色面包车夜间往天镇方向运烟' \\",
      "    -n '每周二夜间经张皋镇往天镇县新平堡方向行驶，疑装卷烟约30件。' \\",
      "    -e PLATE=蒙J·3K582 -e PHONE=13847461285 -l 兴和县张皋镇 \\",
      "    --target 140222 --expires 7d",
      "  liaison leads post --file draft.json"
    })
final class LeadsPost implements Callable<Integer> {
  /** Draft field → the flag that sets it, for error messages. */
  private static final Map<String, String> FLAGS =
      Map.of(
          "officer", "--officer",
          "category", "--category",
          "title", "--title",
          "narrative", "--narrative",
          "entities", "--entity",
          "location", "--location",
          "urgency", "--urgency",
          "expiresAt", "--expires",
          "targetBureaus", "--target",
          "distribution", "--distribution");

  @Spec CommandSpec spec;

  @Mixin ActingOfficer officer;

  @Option(
      names = {"-c", "--category"},
      paramLabel = "CATEGORY",
      description = "one of: ${COMPLETION-CANDIDATES} (or 无证运输, 涉假, 走私 …)")
  LeadCategory category;

  @Option(
      names = {"-t", "--title"},
      paramLabel = "TEXT",
      description = "a one-line title")
  String title;

  @Option(
      names = {"-n", "--narrative"},
      paramLabel = "TEXT",
      description = "what is known: who, what, where, when")
  String narrative;

  @Option(
      names = {"-e", "--entity"},
      paramLabel = "TYPE[:ROLE]=VALUE",
      description =
          "an entity named in the lead; repeatable. TYPE: PERSON, ID_NUMBER, PHONE, PLATE,"
              + " ADDRESS, LICENCE, WAYBILL, ACCOUNT, BRAND (or 人员, 身份证号, 电话, 车牌 …);"
              + " ROLE (optional) says whose it is: 当事人, 上家, 驾驶员, 执法人员, 快递网点 …")
  List<LeadEntity> entities;

  @Option(
      names = {"-l", "--location"},
      paramLabel = "TEXT",
      description = "where")
  String location;

  @Option(
      names = {"-u", "--urgency"},
      paramLabel = "URGENCY",
      description = "${COMPLETION-CANDIDATES} (一般, 加急, 特急); default ROUTINE")
  Urgency urgency;

  @Option(
      names = "--expires",
      paramLabel = "WHEN",
      description =
          "until when the lead is valid: 7d, 48h, 2026-12-31 (end of day), '2026-12-31 18:00'"
              + " (Beijing time) or an ISO instant")
  String expires;

  @Option(
      names = "--target",
      paramLabel = "CODE",
      split = ",",
      description =
          "a bureau the lead is for; repeatable or comma-separated (default: all members)")
  List<BureauId> targets;

  @Option(
      names = "--distribution",
      paramLabel = "WHO",
      description = "${COMPLETION-CANDIDATES}; default MEMBERS (every member bureau may read it)")
  Distribution distribution;

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "a JSON lead draft (as POST /api/v1/leads takes it); - reads standard input")
  Path file;

  @Override
  public Integer call() {
    Cli cli = Cli.of(spec);
    LeadDraft draft = draft(cli);
    var out = spec.commandLine().getOut();
    if (cli.json()) {
      Cli.printJson(out, cli.client().post("/api/v1/leads", draft, JsonNode.class));
    } else {
      out.print(new LeadFormat(BureauNames.NONE).posted(cli.client().postLead(draft)));
      out.flush();
    }
    return 0;
  }

  /** The draft from the file (if any) with the flags laid over it, validated. */
  LeadDraft draft(Cli cli) {
    ObjectNode tree = file == null ? Json.mapper().createObjectNode() : readFile();
    put(tree, "officer", officer.officer);
    if (!tree.hasNonNull("officer")) {
      put(tree, "officer", cli.actingOfficer(null));
    }
    put(tree, "category", category == null ? null : category.name());
    put(tree, "title", title);
    put(tree, "narrative", narrative);
    if (entities != null) {
      tree.set("entities", Json.mapper().valueToTree(entities));
    }
    put(tree, "location", location);
    put(tree, "urgency", urgency == null ? null : urgency.name());
    if (expires != null) {
      try {
        put(tree, "expiresAt", Times.parseExpiry(expires, cli.clock()).toString());
      } catch (IllegalArgumentException e) {
        throw usage("--expires: " + e.getMessage());
      }
    }
    if (targets != null) {
      ArrayNode a = tree.putArray("targetBureaus");
      targets.forEach(t -> a.add(t.code()));
    }
    put(tree, "distribution", distribution == null ? null : distribution.name());
    try {
      return Json.mapper().treeToValue(tree, LeadDraft.class);
    } catch (JsonMappingException e) {
      throw usage(describe(e));
    } catch (JsonProcessingException e) {
      throw usage("cannot read the draft: " + e.getOriginalMessage());
    }
  }

  private ObjectNode readFile() {
    String name = file.toString();
    try (InputStream in = "-".equals(name) ? System.in : Files.newInputStream(file)) {
      JsonNode n = Json.mapper().readTree(in);
      if (n == null || !n.isObject()) {
        throw usage("--file " + name + ": not a JSON object");
      }
      // report a misspelt field before any other complaint about the draft
      List<String> known =
          Arrays.stream(LeadDraft.class.getRecordComponents())
              .map(RecordComponent::getName)
              .toList();
      n.fieldNames()
          .forEachRemaining(
              f -> {
                if (!known.contains(f)) {
                  throw usage(
                      "--file " + name + ": unknown field \"" + f + "\" (fields: " + known + ")");
                }
              });
      return (ObjectNode) n;
    } catch (JsonProcessingException e) {
      throw usage("--file " + name + ": not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw usage("--file " + name + ": cannot read it: " + e.getMessage());
    }
  }

  /** Names the flag (and the file field) at fault, e.g. {@code --title: must not be blank}. */
  private String describe(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()))
            .reduce((a, b) -> a + "/" + b)
            .orElse("");
    String field = path;
    String message = e.getOriginalMessage();
    if (e.getCause() instanceof FieldException fe) {
      field = path.isEmpty() ? fe.field() : path + "/" + fe.field();
      message = fe.getMessage();
    } else if (e.getCause() != null && e.getCause().getMessage() != null) {
      message = e.getCause().getMessage();
    }
    String top = field.contains("/") ? field.substring(0, field.indexOf('/')) : field;
    String flag = FLAGS.get(top);
    String where = flag == null ? "--file" : flag;
    String inFile = file == null ? "" : " (\"" + field + "\" in " + file + ")";
    if ("officer".equals(field)) {
      inFile += " (or sign in: liaison login)";
    }
    return where + ": " + message + inFile;
  }

  private static void put(ObjectNode tree, String field, String value) {
    if (value != null) {
      tree.put(field, value);
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
