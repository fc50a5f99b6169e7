package org.settingsreconciler.cli;

import org.settingsreconciler.run.ExitCode;
import org.settingsreconciler.run.UserError;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * The entry point. Thin on purpose: it wires streams, environment and terminal into the commands and maps every
 * outcome to an exit code. User errors print one line; a stack trace only with RECONCILER_DEBUG=1.
 */
public final class Main {

  private final CliContext ctx;
  public Main(CliContext ctx) {
    // The run's one redaction point (see secrets.Secrets): every stream masks the credentials of its environment, the
    // tokens it signs in with and the secret-looking values its variables bring in; its files are masked the same.
    // Colour marks become escapes only past it (PaintedStream), where no control character from elsewhere is left.
    this.ctx = ctx.painted().masked();
  }

  public Main(PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal) {
    this(new CliContext(out, err, env, terminal));
  }

  public static void main(String[] args) {
    int code = new Main(System.out, System.err, System.getenv(), Terminal.system()).run(args);
    System.out.flush();
    QuietExit.exit(code);
  }

  public int run(String... args) {
    WarmStart.beforeParsing(args);
    CommandLine cli = ReconcilerCommand.commandLine(new ContextFactory(ctx), args);
    cli.setOut(new PrintWriter(ctx.out(), true));
    cli.setErr(new PrintWriter(ctx.err(), true));
    cli.setParameterExceptionHandler(
        (e, badArgs) -> {
          ctx.err().println("error: " + e.getMessage());
          // A misspelt command or option: "Did you mean: plan?", from the names picocli knows.
          CommandLine.UnmatchedArgumentException.printSuggestions(e, new PrintWriter(ctx.err(), true));
          ctx.err().println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
          return ExitCode.ERROR;
        });
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionStrategy(new WarmStart(new FleetStrategy(ctx)));
    // Messages can carry text from elsewhere (msal4j, the Azure CLI, Graph): the streams mask what they print.
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> failed(ReconcilerCommand.context(ctx, commandLine.getCommandSpec()), e));
    int code = cli.execute(args);
    ctx.out().flush();
    ctx.err().flush();
    return code;
  }

  /**
   * Says why a run stopped, on its stderr, and returns its exit code: a user error in one line, anything else as the
   * bug it is, with a stack trace only with RECONCILER_DEBUG=1. A fleet says it per tenant.
   */
  static int failed(CliContext ctx, Exception e) {
    String error = ctx.colours().err().bad("error:") + " ";
    if (e instanceof UserError) {
      ctx.err().println(error + e.getMessage());
    } else {
      ctx.err().println(error + String.valueOf(e));
      if ("1".equals(ctx.env().get("RECONCILER_DEBUG"))) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        ctx.err().print(trace);
      } else {
        ctx.err().println("(this is a bug in settings-reconciler; run with RECONCILER_DEBUG=1 for details)");
      }
    }
    return ExitCode.ERROR;
  }

  /** Builds commands with the context, so none of them reaches for System.* itself. */
  record ContextFactory(CliContext ctx) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        var constructor = type.getDeclaredConstructor(CliContext.class);
        constructor.setAccessible(true);
        return constructor.newInstance(ctx);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
