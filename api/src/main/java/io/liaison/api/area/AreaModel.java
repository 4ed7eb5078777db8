package io.liaison.api.area;

import io.liaison.api.BureauId;
import io.liaison.api.FieldException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a bureau's area (辖区) is known by, as the bureau keeps it for itself (signed, on its own node
 * only): the names of its county, towns and villages, the plate prefixes registered there, and the
 * region codes its retail licences and its residents' ID numbers begin with. Every shared lead or
 * case that names one of them is shown to the bureau as touching its area.
 *
 * @param bureau the bureau whose area this is (this node's)
 * @param places county, town (镇/乡) and village (村) names, 2..30 characters each
 * @param platePrefixes plate prefixes, a province character and a letter, e.g. {@code 蒙J}
 * @param licenceRegions region codes (4 or 6 digits) the bureau's retail licence numbers begin with
 * @param idRegions region codes (4 or 6 digits) ID numbers issued in the area begin with (include
 *     codes the region had before a re-division)
 * @param version 1 for the first, each change the next (set by the node)
 */
public record AreaModel(
    BureauId bureau,
    List<String> places,
    List<String> platePrefixes,
    List<String> licenceRegions,
    List<String> idRegions,
    Long version) {
  private static final Pattern PLATE = Pattern.compile("[\\p{IsHan}][A-Z]");
  private static final Pattern REGION = Pattern.compile("[0-9]{4}([0-9]{2})?");
  public static final int MAX_ITEMS = 500;

  public AreaModel {
    FieldException.required(bureau, "bureau");
    boolean none =
        empty(places) && empty(platePrefixes) && empty(licenceRegions) && empty(idRegions);
    places = texts(places, "places", 2, 30, null);
    platePrefixes = texts(platePrefixes, "platePrefixes", 2, 2, PLATE);
    licenceRegions = texts(licenceRegions, "licenceRegions", 4, 6, REGION);
    idRegions = texts(idRegions, "idRegions", 4, 6, REGION);
    if (none) {
      FieldException.invalid("places", "an area names at least one place, prefix or region code");
    }
    version = version == null ? 0L : version;
    if (version < 0) {
      FieldException.invalid("version", "must not be negative");
    }
  }

  private static boolean empty(List<String> l) {
    return l == null || l.isEmpty();
  }

  private static List<String> texts(
      List<String> values, String field, int min, int max, Pattern shape) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > MAX_ITEMS) {
      FieldException.invalid(field, "at most " + MAX_ITEMS + " entries");
      return List.of();
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String v =
          values.get(i) == null ? "" : values.get(i).strip().toUpperCase(java.util.Locale.ROOT);
      int n = v.codePointCount(0, v.length());
      if (n < min || n > max) {
        FieldException.invalid(
            field + "/" + i, "must be " + (min == max ? min : min + ".." + max) + " characters");
      } else if (shape != null && !shape.matcher(v).matches()) {
        FieldException.invalid(
            field + "/" + i,
            shape == PLATE ? "a province character and a letter, e.g. 蒙J" : "4 or 6 digits");
      } else {
        out.add(v);
      }
    }
    return List.copyOf(new ArrayList<>(out));
  }

  public AreaModel withVersion(long v) {
    return new AreaModel(bureau, places, platePrefixes, licenceRegions, idRegions, v);
  }
}
