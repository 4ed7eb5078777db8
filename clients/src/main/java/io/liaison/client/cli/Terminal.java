package io.liaison.client.cli;

import java.io.Console;

/**
 * The person at the keyboard, when there is one: {@code login} asks for the officer number and the
 * password (without echo) only when the CLI runs interactively; scripts give them as options or
 * environment variables instead.
 */
interface Terminal {
  /** Whether someone can be asked. */
  boolean interactive();

  /** A line typed after {@code prompt}; null at end of input. */
  String readLine(String prompt);

  /** A secret typed after {@code prompt} without echo; null at end of input. */
  char[] readPassword(String prompt);

  /** Nobody to ask (standard input is not a terminal). */
  Terminal NONE =
      new Terminal() {
        @Override
        public boolean interactive() {
          return false;
        }

        @Override
        public String readLine(String prompt) {
          return null;
        }

        @Override
        public char[] readPassword(String prompt) {
          return null;
        }
      };

  /** The process's console, or {@link #NONE} when it has none. */
  static Terminal system() {
    Console c = System.console();
    if (c == null) {
      return NONE;
    }
    return new Terminal() {
      @Override
      public boolean interactive() {
        return true;
      }

      @Override
      public String readLine(String prompt) {
        return c.readLine("%s", prompt);
      }

      @Override
      public char[] readPassword(String prompt) {
        return c.readPassword("%s", prompt);
      }
    };
  }
}
