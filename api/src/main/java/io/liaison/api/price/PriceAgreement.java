package io.liaison.api.price;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One version of a group's price agreement (价格约定): the agreed prices from {@code validFrom} on. A
 * later version supersedes the earlier ones from its own {@code validFrom}; on a given day the
 * version in force is the one with the latest {@code validFrom} not after that day (of two with the
 * same day, the higher version). Shared with every bureau (相互借鉴).
 *
 * @param version 1, 2, … (0 in a request: the node assigns it)
 */
public record PriceAgreement(
    String groupId,
    BureauId bureau,
    LocalDate validFrom,
    List<AgreedPrice> prices,
    String note,
    Long version) {
  public static final int MAX_PRICES = 500;

  public PriceAgreement {
    groupId = FieldException.text(groupId, "groupId", 48);
    FieldException.required(bureau, "bureau");
    if (!groupId.startsWith(bureau.code() + "-")) {
      FieldException.invalid("groupId", "the group is not one of bureau " + bureau);
    }
    FieldException.required(validFrom, "validFrom");
    prices = Lists.copy(prices, "prices", MAX_PRICES);
    if (prices.isEmpty()) {
      FieldException.invalid("prices", "an agreement names at least one price");
    }
    Set<Product> seen = new HashSet<>();
    for (AgreedPrice p : prices) {
      if (!seen.add(p.product())) {
        FieldException.invalid("prices", p.product().label() + " is listed twice");
      }
    }
    note = FieldException.optionalText(note, "note", 2_000);
    version = version == null ? 0L : version;
    if (version < 0) {
      FieldException.invalid("version", "must not be negative");
    }
  }

  public PriceAgreement withVersion(long v) {
    return new PriceAgreement(groupId, bureau, validFrom, prices, note, v);
  }

  /** The agreed price of {@code product}, or null if this version does not name it. */
  public AgreedPrice price(Product product) {
    for (AgreedPrice p : prices) {
      if (p.product().equals(product)) {
        return p;
      }
    }
    return null;
  }
}
