package io.liaison.node.action;

import io.liaison.api.action.PlanContent;
import io.liaison.api.action.PlanTarget;
import io.liaison.api.action.TargetKind;
import io.liaison.api.cases.EntityType;
import io.liaison.crypto.Hashes;
import io.liaison.search.ident.Fold;
import io.liaison.search.ident.Identifier;
import io.liaison.search.ident.IdentifierType;
import io.liaison.search.ident.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deconfliction marks: a plan's targets and places, and an open lead's or case's entities, each
 * normalised (identifiers as search's {@code ident} package writes them, names and addresses folded
 * and compacted) and hashed with a fixed salt. Every node computes the same mark for the same
 * target however it is spelt, so two plans — or a plan and a case — that share one overlap on the
 * mark, and a node that holds only the marks learns no target it did not already know. (A member
 * that guesses a target can confirm a guess: the marks protect against reading, not against
 * confirmation; the alert says who to call, never what the other side holds.)
 */
public final class Marks {
  private static final String SALT = "liaison-deconfliction/v1\n";

  private Marks() {}

  /** The target marks of a plan. */
  public static List<String> targets(PlanContent plan) {
    Set<String> out = new LinkedHashSet<>();
    for (PlanTarget t : plan.targets()) {
      targetTerm(t).ifPresent(term -> out.add(mark(term)));
      if (t.address() != null) {
        out.add(mark("ADDR:" + compact(t.address())));
      }
    }
    return List.copyOf(out);
  }

  /** The place marks of a plan: its area and its rally point. */
  public static List<String> places(PlanContent plan) {
    Set<String> out = new LinkedHashSet<>();
    plan.area().forEach(a -> out.add(mark("PLACE:" + compact(a))));
    if (plan.rallyPoint() != null) {
      out.add(mark("PLACE:" + compact(plan.rallyPoint())));
    }
    return List.copyOf(out);
  }

  /** The mark of one entity of a lead or case, if it is one a target can share. */
  public static Optional<String> entity(EntityType type, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return switch (type) {
      case PERSON -> Optional.of(mark("PERSON:" + compact(value)));
      case ADDRESS -> Optional.of(mark("ADDR:" + compact(value)));
      case BRAND -> Optional.empty();
      default -> identifier(type, value).map(Marks::mark);
    };
  }

  private static Optional<String> targetTerm(PlanTarget t) {
    if (t.idType() != null) {
      if (t.idType() == EntityType.PERSON) {
        return Optional.of("PERSON:" + compact(t.id()));
      }
      return identifier(t.idType(), t.id());
    }
    if (t.kind() == TargetKind.PERSON) {
      return Optional.of("PERSON:" + compact(t.label()));
    }
    return Optional.empty();
  }

  private static Optional<String> identifier(EntityType type, String value) {
    return IdentifierType.of(type)
        .flatMap(it -> Identifiers.normalise(it, value))
        .map(Identifier::term);
  }

  /** Text folded, upper-cased, without spaces and punctuation. */
  static String compact(String s) {
    String f = Fold.fold(s);
    StringBuilder b = new StringBuilder(f.length());
    f.codePoints()
        .filter(c -> Character.isLetterOrDigit(c))
        .map(c -> c >= 'a' && c <= 'z' ? c - 32 : c)
        .forEach(b::appendCodePoint);
    return b.toString();
  }

  static String mark(String term) {
    return Hashes.sha256Hex((SALT + term).getBytes(StandardCharsets.UTF_8)).substring(0, 32);
  }
}
