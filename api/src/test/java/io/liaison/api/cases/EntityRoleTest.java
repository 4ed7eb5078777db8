package io.liaison.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liaison.api.FieldException;
import io.liaison.api.Json;
import org.junit.jupiter.api.Test;

/**
 * An entity's optional role (issue 33): on the wire when given, absent (the old bytes) when not.
 */
class EntityRoleTest {
  @Test
  void aRoleTravelsWithTheEntity() throws Exception {
    Entity e = new Entity(EntityType.PHONE, "138 4746 1285", "上家");
    String json = Json.mapper().writeValueAsString(e);
    assertThat(json).isEqualTo("{\"type\":\"PHONE\",\"value\":\"138 4746 1285\",\"role\":\"上家\"}");
    assertThat(Json.mapper().readValue(json, Entity.class)).isEqualTo(e);
  }

  @Test
  void withoutARoleTheBytesAreAsBefore() throws Exception {
    String old = "{\"type\":\"PLATE\",\"value\":\"蒙J·3K582\"}";
    Entity e = Json.mapper().readValue(old, Entity.class);
    assertThat(e.role()).isNull();
    assertThat(Json.mapper().writeValueAsString(e)).isEqualTo(old);
    assertThat(new Entity(EntityType.PLATE, "蒙J·3K582", "  ")).isEqualTo(e);
  }

  @Test
  void aRoleIsShortText() {
    assertThatThrownBy(() -> new Entity(EntityType.PHONE, "13847461285", "当".repeat(41)))
        .isInstanceOf(FieldException.class);
  }
}
