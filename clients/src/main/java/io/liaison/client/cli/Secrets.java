package io.liaison.client.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Passwords for {@code login} and {@code officers add}: from a file (its first line; {@code -} is
 * standard input), else from an environment variable, else typed at the terminal without echo.
 * Never from a command-line argument, which other users of the machine can see in the process list.
 */
final class Secrets {
  private Secrets() {}

  /**
   * @param flag the option that names the file, for messages
   * @param confirm ask twice at the terminal (a new password)
   */
  static char[] password(
      CommandSpec spec,
      Path file,
      String flag,
      String envName,
      String env,
      Terminal terminal,
      String prompt,
      boolean confirm) {
    if (file != null) {
      return fromFile(spec, file, flag);
    }
    if (env != null && !env.isEmpty()) {
      return env.toCharArray();
    }
    if (!terminal.interactive()) {
      throw usage(
          spec, "no password: give " + flag + " FILE or set " + envName + " (not a terminal)");
    }
    char[] first = terminal.readPassword(prompt);
    if (first == null || first.length == 0) {
      throw usage(spec, "no password given");
    }
    if (confirm) {
      char[] again = terminal.readPassword("再输入一次 (again): ");
      boolean same = Arrays.equals(first, again);
      if (again != null) {
        Arrays.fill(again, '\0');
      }
      if (!same) {
        Arrays.fill(first, '\0');
        throw usage(spec, "the two passwords differ");
      }
    }
    return first;
  }

  private static char[] fromFile(CommandSpec spec, Path file, String flag) {
    String line;
    try {
      if ("-".equals(file.toString())) {
        line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      } else {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          line = r.readLine();
        }
      }
    } catch (IOException e) {
      throw usage(spec, flag + " " + file + ": cannot read it: " + e.getMessage());
    }
    if (line == null || line.isEmpty()) {
      throw usage(spec, flag + " " + file + ": the first line is empty");
    }
    return line.toCharArray();
  }

  private static CommandLine.ParameterException usage(CommandSpec spec, String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
