package io.liaison.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.api.Json;
import io.liaison.api.cases.EntityType;
import io.liaison.api.lead.LeadEntity;
import org.junit.jupiter.api.Test;

/** {@code -e TYPE[:ROLE]=VALUE}: the role says whose the value is (issue 33). */
class EntityOptionTest {
  @Test
  void aRoleAfterTheType() throws Exception {
    LeadEntity e = Converters.entity("PHONE:上家=138 4746 1285");
    assertThat(e).isEqualTo(new LeadEntity(EntityType.PHONE, "138 4746 1285", "上家"));
    assertThat(Json.mapper().writeValueAsString(e)).contains("\"role\":\"上家\"");
  }

  @Test
  void withoutARoleTheWireIsAsBefore() throws Exception {
    LeadEntity e = Converters.entity("电话：执法人员=15098100961");
    assertThat(e.role()).isEqualTo("执法人员");
    LeadEntity plain = Converters.entity("PLATE=蒙J·3K582");
    assertThat(plain.role()).isNull();
    assertThat(Json.mapper().writeValueAsString(plain)).doesNotContain("role");
    assertThat(
            Json.mapper()
                .readValue("{\"type\":\"PLATE\",\"value\":\"蒙J·3K582\"}", LeadEntity.class))
        .isEqualTo(plain);
  }
}
