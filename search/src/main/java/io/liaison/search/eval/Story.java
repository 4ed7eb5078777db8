package io.liaison.search.eval;

import io.liaison.api.cases.Entity;
import io.liaison.api.cases.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A narrative being written and the entity list an officer fills in beside it. Every mention goes
 * through the noise: another spelling, a typo, a name variant; whether it is also listed as an
 * entity (spelled and mistyped independently, as the form is typed separately) is drawn too.
 */
final class Story {
  private final SplittableRandom r;
  private final Spelling spelling;
  private final Noise noise;
  private final StringBuilder text = new StringBuilder(400);
  private final List<Entity> entities = new ArrayList<>();

  Story(SplittableRandom r, Noise noise) {
    this.r = r;
    this.spelling = new Spelling(r);
    this.noise = noise;
  }

  Story say(String s) {
    text.append(s);
    return this;
  }

  /** Writes a person's name; lists it more often than identifiers (names are always asked for). */
  Story name(String name) {
    String written = spelling.nameVariant(name, noise.nameVariant());
    text.append(written);
    if (r.nextDouble() < Math.min(1, noise.listed() + 0.2)
        && entities.stream().noneMatch(e -> e.value().equals(written))) {
      entities.add(new Entity(EntityType.PERSON, written));
    }
    return this;
  }

  /** Writes an identifier into the text and maybe lists it. */
  Story id(EntityType type, String canonical) {
    text.append(written(type, canonical));
    if (r.nextDouble() < noise.listed()) {
      entities.add(new Entity(type, written(type, canonical)));
    }
    return this;
  }

  /** Lists an identifier (through the noise) that the text does not mention. */
  Story listOnly(EntityType type, String canonical) {
    entities.add(new Entity(type, written(type, canonical)));
    return this;
  }

  /** Whether the text or the list already mentions this value as written canonically. */
  boolean mentions(String canonical) {
    return text.indexOf(canonical) >= 0
        || entities.stream().anyMatch(e -> e.value().equals(canonical));
  }

  /** Lists an entity that the text does not mention. */
  Story list(EntityType type, String value) {
    entities.add(new Entity(type, value));
    return this;
  }

  private String written(EntityType type, String canonical) {
    return spelling.spell(type, spelling.typo(type, canonical, noise.typo()), noise.spelling());
  }

  String text() {
    return text.toString();
  }

  List<Entity> entities() {
    return entities;
  }
}
