package io.liaison.node.config;

/** A configuration that cannot be used, naming the setting at fault. */
public final class ConfigException extends RuntimeException {
  private final String setting;

  public ConfigException(String setting, String message) {
    super(setting + ": " + message);
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }

  static void check(boolean ok, String setting, String message) {
    if (!ok) {
      throw new ConfigException(setting, message);
    }
  }
}
