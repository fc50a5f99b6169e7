package org.settingsreconciler.cli;

import java.security.NoSuchAlgorithmException;
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
 * YAML, signing in) now overlap. Nothing is sent and nothing is printed; whatever the thread has not finished, the
 * command does itself when it gets there.
 */
final class WarmStart implements CommandLine.IExecutionStrategy {

  private final CommandLine.IExecutionStrategy command;

  WarmStart(CommandLine.IExecutionStrategy command) {
    this.command = command;
  }

  @Override
  public int execute(ParseResult parseResult) {
    ParseResult leaf = FleetStrategy.leaf(parseResult);
    CommandSpec spec = leaf.commandSpec();
    boolean help = leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested();
    boolean readsYaml = spec.mixins().containsKey("desired");
    boolean talksToGraph = spec.mixins().containsKey("graph");
    if (!help && (readsYaml || talksToGraph)) {
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
    return command.execute(parseResult);
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
