package org.settingsreconciler.cli;

import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.load.SchemaValidator;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a command after starting, on one background thread, the set-up it will need later that depends on nothing
 * the user wrote: the desired-state JSON Schema for commands that read YAML; for commands that talk to Graph, the
 * JSON library's first mapper (it loads and links some five hundred classes; later mappers cost next to nothing),
 * the JVM's default TLS context (its trust store and providers) and the HTTP client of the command's Graph client.
 * In a fresh JVM these cost several hundred milliseconds together, which the command's own first steps (reading
 * the command line and the YAML, signing in) now overlap. Nothing is sent and nothing is printed; whatever the
 * thread has not finished, the command does itself when it gets there.
 */
final class WarmStart implements CommandLine.IExecutionStrategy {

  private final CommandLine.IExecutionStrategy command;

  WarmStart(CommandLine.IExecutionStrategy command) {
    this.command = command;
  }

  /** Whether a warm-start thread was started in this JVM; one does all the set-up there is. */
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  /**
   * Starts the set-up before picocli has even read the command line, for the commands whose name is its first
   * argument: reading the command line costs a fresh JVM a few hundred milliseconds, which the set-up can overlap.
   * {@link #execute} starts it for any other way of naming a command.
   */
  static void beforeParsing(String... args) {
    List<String> all = List.of(args);
    if (all.isEmpty() || all.contains("--help") || all.contains("-h") || all.contains("--version")
        || all.contains("-V")) {
      return;
    }
    switch (all.get(0)) {
      case "validate", "permissions" -> start(true, false);
      case "plan", "apply", "check" -> start(true, true);
      case "export" -> start(false, true);
      default -> { }
    }
  }

  @Override
  public int execute(ParseResult parseResult) {
    ParseResult leaf = FleetStrategy.leaf(parseResult);
    CommandSpec spec = leaf.commandSpec();
    boolean help = leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested();
    if (!help) {
      start(spec.mixins().containsKey("desired"), spec.mixins().containsKey("graph"));
    }
    return command.execute(parseResult);
  }

  private static void start(boolean readsYaml, boolean talksToGraph) {
    if ((readsYaml || talksToGraph) && STARTED.compareAndSet(false, true)) {
      Thread t = new Thread(() -> {
        if (readsYaml) {
          SchemaValidator.prepare();
        }
        if (talksToGraph) {
          JsonMapper.builder().build();
          defaultTlsContext();
          GraphClient.prepare();
        }
      }, "warm-start");
      t.setDaemon(true); // never keeps the JVM alive
      t.setUncaughtExceptionHandler((thread, e) -> { }); // a failure recurs, reported, where the work is needed
      t.start();
    }
  }

  /** The context java.net.http builds every client with; the JVM makes it once and keeps it. */
  private static void defaultTlsContext() {
    try {
      SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      // the client asks again when it is built, and reports it there
    }
  }
}
