package io.liaison.api.price;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A retailers' self-discipline group (自律互助小组 / 明码实价自律小组) run by a bureau's marketing unit, signed
 * and versioned by its bureau. Each change is a new version (the node numbers them).
 *
 * @param id the group's id, {@code <bureau>-<code>} (e.g. {@code 150924-CG01})
 * @param bureau the bureau that keeps it
 * @param county the county as written (兴和县)
 * @param town the town (城关镇)
 * @param name the group's name
 * @param marketingUnit the bureau's marketing unit that runs it (营销部/市场部)
 * @param members member retailers, each licence once
 * @param version 1, 2, … (0 in a request: the node assigns it)
 */
public record SelfDisciplineGroup(
    String id,
    BureauId bureau,
    String county,
    String town,
    String name,
    String marketingUnit,
    List<Retailer> members,
    Long version) {
  public static final int MAX_MEMBERS = 2_000;
  private static final Pattern ID = Pattern.compile("[1-9][0-9]{5}-[0-9A-Za-z_-]{1,40}");

  public SelfDisciplineGroup {
    id = FieldException.text(id, "id", 48);
    if (!ID.matcher(id).matches()) {
      FieldException.invalid("id", "a group id is <bureau>-<code>, e.g. 150924-CG01");
    }
    FieldException.required(bureau, "bureau");
    if (!id.startsWith(bureau.code() + "-")) {
      FieldException.invalid("id", "a group id starts with its bureau " + bureau);
    }
    county = FieldException.text(county, "county", 40);
    town = FieldException.optionalText(town, "town", 40);
    name = FieldException.text(name, "name", 80);
    marketingUnit = FieldException.text(marketingUnit, "marketingUnit", 80);
    members = Lists.copy(members, "members", MAX_MEMBERS);
    Set<String> seen = new HashSet<>();
    for (Retailer r : members) {
      if (!seen.add(r.licence())) {
        FieldException.invalid("members", "licence " + r.licence() + " is listed twice");
      }
    }
    version = version == null ? 0L : version;
    if (version < 0) {
      FieldException.invalid("version", "must not be negative");
    }
  }

  public SelfDisciplineGroup withVersion(long v) {
    return new SelfDisciplineGroup(id, bureau, county, town, name, marketingUnit, members, v);
  }
}
