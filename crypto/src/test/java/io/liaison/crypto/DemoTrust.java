package io.liaison.crypto;

import io.liaison.api.BureauId;
import java.time.Instant;
import java.util.List;

/**
 * The six demo bureaus of the border region, for tests here and (through the test-jar) in other
 * modules.
 */
public final class DemoTrust {
  public static final BureauId XINGHE = BureauId.of("150924");
  public static final BureauId FENGZHEN = BureauId.of("150981");
  public static final BureauId TIANZHEN = BureauId.of("140222");
  public static final BureauId YANGGAO = BureauId.of("140221");
  public static final BureauId HUAIAN = BureauId.of("130728");
  public static final BureauId SHANGYI = BureauId.of("130725");

  public static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

  private DemoTrust() {}

  public static List<TrustBootstrap.MemberSpec> members() {
    return List.of(
        spec(XINGHE, "兴和县烟草专卖局", "内蒙古自治区"),
        spec(FENGZHEN, "丰镇市烟草专卖局", "内蒙古自治区"),
        spec(TIANZHEN, "天镇县烟草专卖局", "山西省"),
        spec(YANGGAO, "阳高县烟草专卖局", "山西省"),
        spec(HUAIAN, "怀安县烟草专卖局", "河北省"),
        spec(SHANGYI, "尚义县烟草专卖局", "河北省"));
  }

  /** Fresh keys and a signed roster v1 valid from {@link #EPOCH}. */
  public static TrustBootstrap.InMemory create() {
    return TrustBootstrap.inMemory(members(), EPOCH);
  }

  private static TrustBootstrap.MemberSpec spec(BureauId id, String name, String province) {
    return new TrustBootstrap.MemberSpec(
        id, name, province, List.of("http://127.0.0.1:0/" + id.code()));
  }
}
