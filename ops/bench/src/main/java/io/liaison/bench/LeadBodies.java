package io.liaison.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liaison.api.Json;
import io.liaison.api.cases.EntityType;
import io.liaison.api.lead.LeadCategory;
import io.liaison.api.lead.LeadDraft;
import io.liaison.api.lead.LeadEntity;
import io.liaison.api.lead.Urgency;
import java.util.List;
import java.util.Locale;

/**
 * Plausible ~1 KiB leads of the border region (a narrative in Chinese and a handful of entities),
 * different for every {@code n}.
 */
public final class LeadBodies {
  private static final LeadCategory[] CATEGORIES = {
    LeadCategory.UNLICENSED_TRANSPORT,
    LeadCategory.COUNTERFEIT,
    LeadCategory.OFF_CHANNEL_PURCHASE,
    LeadCategory.ONLINE_PARCEL
  };
  private static final String[] PLATES = {"蒙J", "晋B", "冀G"};
  private static final String[] BRANDS = {"中华(硬)", "玉溪(软)", "云烟(紫)", "黄鹤楼(硬天下名楼)"};
  private static final String[] TOWNS = {"城关镇", "张皋镇", "谷前堡镇", "龙泉镇", "柴沟堡镇"};

  private LeadBodies() {}

  /** Lead number {@code n}, posted by {@code officer} (an officer number, e.g. 150924-1). */
  public static LeadDraft draft(long n, String officer) {
    // identifiers spread like real ones (a carrier's waybills and a region's phones share only
    // short prefixes), drawn deterministically from n
    long h = mix(n);
    int k = (int) Math.floorMod(h, 1_000_003L);
    String plate =
        PLATES[k % 3] + String.format(Locale.ROOT, "%05d", Math.floorMod(h >>> 20, 100_000L));
    String phone = String.format(Locale.ROOT, "13%09d", Math.floorMod(h >>> 7, 1_000_000_000L));
    String brand = BRANDS[k % BRANDS.length];
    String town = TOWNS[k % TOWNS.length];
    String waybill =
        String.format(Locale.ROOT, "YT%013d", Math.floorMod(mix(h), 10_000_000_000_000L));
    String narrative =
        "据群众举报，"
            + town
            + "一家无证批发部近期多次通过物流寄递方式从外地购进"
            + brand
            + "卷烟，每次约二十件，货到后由车牌号为"
            + plate
            + "的白色面包车在夜间分送至周边零售户。"
            + "联系人手机号"
            + phone
            + "，运单号"
            + waybill
            + "。经初步核查，该批卷烟包装印刷模糊、条码与数据库不符，疑似假冒。"
            + "车辆多次往返于兴和县与天镇县、阳高县之间，请相邻县局协助核查车辆轨迹、收货地址与资金往来，"
            + "并在联合整治行动中一并处置。线索编号"
            + n
            + "。";
    return new LeadDraft(
        officer,
        CATEGORIES[k % CATEGORIES.length],
        town + "无证批发部疑似销售假冒" + brand + "（" + n + "）",
        narrative,
        List.of(
            new LeadEntity(EntityType.PLATE, plate),
            new LeadEntity(EntityType.PHONE, phone),
            new LeadEntity(EntityType.WAYBILL, waybill),
            new LeadEntity(EntityType.BRAND, brand + " 20件"),
            new LeadEntity(EntityType.ADDRESS, town + "商贸街" + (k % 200) + "号")),
        town,
        Urgency.PRIORITY,
        null,
        List.of(),
        null);
  }

  /** SplitMix64: a well-spread 64-bit value for each input. */
  public static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The draft as the JSON body of {@code POST /api/v1/leads}. */
  public static String json(long n, String officer) {
    LeadDraft d = draft(n, officer);
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("officer", d.officer());
    o.put("category", d.category().name());
    o.put("title", d.title());
    o.put("narrative", d.narrative());
    ArrayNode es = o.putArray("entities");
    for (LeadEntity e : d.entities()) {
      es.addObject().put("type", e.type().name()).put("value", e.value());
    }
    o.put("location", d.location());
    o.put("urgency", d.urgency().name());
    return o.toString();
  }
}
