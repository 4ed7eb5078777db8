package io.liaison.search.demo;

import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A narrative under construction together with the entity list an officer would fill in: most
 * identifiers are listed (in a spelling of their own), some appear in the text only.
 */
final class Story {
  private static final int LISTED_PERCENT = 70;

  private final SplittableRandom r;
  private final StringBuilder text = new StringBuilder(320);
  private final List<Entity> entities = new ArrayList<>();

  Story(SplittableRandom r) {
    this.r = r;
  }

  Story say(String s) {
    text.append(s);
    return this;
  }

  Story person(String name) {
    text.append(name);
    if (r.nextInt(100) < 90 && entities.stream().noneMatch(e -> e.value().equals(name))) {
      entities.add(new Entity(EntityType.PERSON, name));
    }
    return this;
  }

  /** Mentions an identifier, spelled one way in the text and maybe listed spelled another way. */
  Story id(EntityType type, String canonical) {
    text.append(spell(type, canonical));
    if (r.nextInt(100) < LISTED_PERCENT) {
      entities.add(new Entity(type, spell(type, canonical)));
    }
    return this;
  }

  /** Lists an entity without mentioning it in the text. */
  Story list(EntityType type, String value) {
    entities.add(new Entity(type, value));
    return this;
  }

  String text() {
    return text.toString();
  }

  List<Entity> entities() {
    return entities;
  }

  private String spell(EntityType type, String canonical) {
    return switch (type) {
      case PLATE -> Ids.spellPlate(r, canonical);
      case PHONE -> Ids.spellPhone(r, canonical);
      case ID_NUMBER -> Ids.spellId(r, canonical);
      case LICENCE -> Ids.spellLicence(r, canonical);
      case WAYBILL -> Ids.spellWaybill(r, canonical);
      case ACCOUNT ->
          canonical.chars().allMatch(Character::isDigit) ? Ids.spellCard(r, canonical) : canonical;
      default -> canonical;
    };
  }
}
