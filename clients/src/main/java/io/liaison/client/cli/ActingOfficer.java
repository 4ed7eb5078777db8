package io.liaison.client.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --officer} of the commands that sign something as an officer of the node's bureau (a post,
 * a transition, a decision): by default the signed-in officer; the node refuses anyone but the
 * officer signed in.
 */
final class ActingOfficer {
  @Option(
      names = "--officer",
      paramLabel = "ID",
      description = "your officer number (default: the signed-in officer; must be you)")
  String officer;

  /** The officer named, else the signed-in one; a usage error naming --officer if neither. */
  String required(Cli cli, CommandSpec spec) {
    return cli.requiredOfficer(spec, officer);
  }
}
