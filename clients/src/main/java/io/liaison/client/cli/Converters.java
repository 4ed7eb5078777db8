package io.liaison.client.cli;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import io.liaison.api.access.Role;
import io.liaison.api.cases.CaseCategory;
import io.liaison.api.cases.EntityType;
import io.liaison.api.lead.Distribution;
import io.liaison.api.lead.LeadCategory;
import io.liaison.api.lead.LeadEntity;
import io.liaison.api.lead.Outcome;
import io.liaison.api.lead.Urgency;
import io.liaison.api.network.Verdict;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/**
 * Argument types of the CLI. Codes are accepted in any case and also by their Chinese words ({@code
 * --category 无证运输}, {@code --entity 车牌=蒙J·3K582}), since that is how officers say them.
 */
final class Converters {
  private Converters() {}

  static void register(CommandLine cl) {
    cl.registerConverter(BureauId.class, Converters::bureau);
    cl.registerConverter(LeadCategory.class, s -> choice(LeadCategory.class, s, Labels::category));
    cl.registerConverter(Urgency.class, s -> choice(Urgency.class, s, Labels::urgency));
    cl.registerConverter(EntityType.class, s -> choice(EntityType.class, s, Labels::entity));
    cl.registerConverter(
        Distribution.class, s -> choice(Distribution.class, s, Labels::distribution));
    cl.registerConverter(LeadEntity.class, Converters::entity);
    cl.registerConverter(Outcome.class, s -> choice(Outcome.class, s, Labels::outcome));
    cl.registerConverter(Role.class, s -> choice(Role.class, s, Labels::role));
    cl.registerConverter(CaseCategory.class, Converters::caseCategory);
    cl.registerConverter(Verdict.class, Converters::verdict);
    cl.registerConverter(LocalDate.class, Converters::day);
  }

  static CaseCategory caseCategory(String s) {
    try {
      return CaseCategory.of(s);
    } catch (FieldException e) {
      return choice(CaseCategory.class, s, Labels::category);
    }
  }

  /** accept / decline, also 同意 / 不同意 (and the full words 同意并案 / 不同意并案). */
  static Verdict verdict(String s) {
    return switch (s.strip()) {
      case "同意" -> Verdict.ACCEPT;
      case "不同意" -> Verdict.DECLINE;
      default -> choice(Verdict.class, s, Labels::verdict);
    };
  }

  /** A day written 2026-03-12. */
  static LocalDate day(String s) {
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + s + "' is not a day written 2026-03-12");
    }
  }

  static BureauId bureau(String s) {
    try {
      return BureauId.of(s.strip());
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(
          "'" + s + "' is not a bureau code (six digits, e.g. 150924)");
    }
  }

  /**
   * An entity written as {@code TYPE=VALUE} or {@code TYPE:ROLE=VALUE}, e.g. {@code
   * PLATE=蒙J·3K582}, {@code 电话=13847461285} or {@code PHONE:上家=13847461285} (the role says whose it
   * is).
   */
  static LeadEntity entity(String s) {
    int eq = s.indexOf('=');
    if (eq <= 0 || eq == s.length() - 1) {
      throw new TypeConversionException(
          "'" + s + "' is not TYPE=VALUE (e.g. PLATE=蒙J·3K582, PHONE:上家=13847461285)");
    }
    String head = s.substring(0, eq).replace('：', ':');
    int colon = head.indexOf(':');
    String role = colon < 0 ? null : head.substring(colon + 1);
    EntityType type =
        choice(EntityType.class, colon < 0 ? head : head.substring(0, colon), Labels::entity);
    try {
      return new LeadEntity(type, s.substring(eq + 1), role);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("'" + s + "': value " + e.getMessage());
    }
  }

  static <E extends Enum<E>> E choice(Class<E> type, String s, Function<E, String> label) {
    String want = s.strip();
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(want.replace('-', '_')) || label.apply(e).equals(want)) {
        return e;
      }
    }
    String all =
        Arrays.stream(type.getEnumConstants())
            .map(e -> e.name() + " (" + label.apply(e) + ")")
            .collect(Collectors.joining(", "));
    throw new TypeConversionException("'" + s + "' is not one of " + all);
  }
}
