package io.liaison.node;

import io.liaison.api.BuildInfo;
import io.liaison.node.config.ConfigException;
import io.liaison.node.config.ConfigLoader;
import io.liaison.node.config.NodeConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code liaison-node} command: run a bureau node, and the administrator's tools. */
@Command(
    name = "liaison-node",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A Liaison bureau node and its administration tools.",
    subcommands = {
      Main.Run.class,
      DemoInit.class,
      AdminCommands.Audit.class,
      AdminCommands.RosterCmd.class,
      AdminCommands.OfficerAdd.class,
      AdminCommands.TlsInit.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  /** {@code liaison-node --version}: the build's version and git commit. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {BuildInfo.current().describe("liaison-node")};
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = "Start this bureau's node and keep it running until SIGTERM/SIGINT.")
  static final class Run implements Callable<Integer> {
    @Option(
        names = {"-c", "--config"},
        required = true,
        description = "the node's JSON configuration file")
    Path config;

    @Override
    public Integer call() throws Exception {
      // the first line of every run names the build (which node runs what during an upgrade)
      BuildInfo build = BuildInfo.current();
      LoggerFactory.getLogger(Main.class)
          .info(
              "liaison-node starting version={} commit={} config={}",
              build.version(),
              build.commit(),
              config);
      NodeConfig cfg;
      try {
        cfg = ConfigLoader.load(config, System.getenv());
      } catch (ConfigException e) {
        System.err.println("liaison-node: bad configuration: " + e.getMessage());
        return 2;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      LiaisonNode node;
      try {
        node =
            LiaisonNode.start(cfg, System.getenv(), Clock.systemUTC())
                .toCompletionStage()
                .toCompletableFuture()
                .get(180, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        System.err.println(
            "liaison-node: cannot start: "
                + (cause instanceof ConfigException ? "bad configuration: " : "")
                + cause.getMessage());
        return 2;
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      node.stop()
                          .toCompletionStage()
                          .toCompletableFuture()
                          .get(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                      // exiting anyway
                    }
                    stopped.countDown();
                  },
                  "liaison-shutdown"));
      // damage found by the store's background check after a crash start: out of service, as a
      // damaged store found at start (status 2, which the unit does not restart)
      node.storeFailed()
          .onFailure(
              e -> {
                System.err.println("liaison-node: stopping: " + e.getMessage());
                new Thread(() -> System.exit(2), "liaison-store-failed").start();
              });
      stopped.await();
      return 0;
    }
  }
}
