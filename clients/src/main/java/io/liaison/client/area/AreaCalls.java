package io.liaison.client.area;

import io.liaison.api.area.AreaModel;
import io.liaison.api.area.AreaTouchPage;
import io.liaison.client.ApiPaths;
import io.liaison.client.LiaisonClient;

/**
 * This bureau's area (辖区) and the shared records of other bureaus that touch it ({@code
 * /api/v1/area}). Obtain with {@link LiaisonClient#area()}.
 */
public final class AreaCalls {
  private final LiaisonClient client;

  public AreaCalls(LiaisonClient client) {
    this.client = client;
  }

  /** The area this bureau signed. */
  public AreaModel get() {
    return client.get("/api/v1/area", AreaModel.class);
  }

  /** Signs the next version of this bureau's area (the chief's action). */
  public AreaModel save(AreaModel area) {
    return client.put("/api/v1/area", area, AreaModel.class);
  }

  /** Records of other bureaus that name the area, newest first. */
  public AreaTouchPage touches(String cursor, int limit) {
    return client.get(
        "/api/v1/area/touches?limit="
            + limit
            + (cursor == null ? "" : "&cursor=" + ApiPaths.encode(cursor)),
        AreaTouchPage.class);
  }
}
