package org.settingsreconciler.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.settingsreconciler.run.RunView;
import tools.jackson.databind.JsonNode;

/**
 * Where one tenant of a fleet shows what its run shows and tells: alone, the command line's own streams and terminal,
 * as a plain run; beside other tenants, held back until it ends (so their sections never interleave), with no
 * terminal to ask (but coloured as the fleet's streams are, which its output reaches in the end).
 */
final class TenantConsole implements RunView {

  private final CliContext fleet;
  private final boolean alone;
  private final ByteArrayOutputStream heldOut = new ByteArrayOutputStream();
  private final ByteArrayOutputStream heldErr = new ByteArrayOutputStream();
  private final PrintStream out;
  private final PrintStream err;
  private final RunView view;
  /** The context the tenant's command runs in, once it does. */
  private volatile CliContext run;

  TenantConsole(CliContext fleet, boolean alone) {
    this.fleet = fleet;
    this.alone = alone;
    this.out = alone ? fleet.out() : new PrintStream(heldOut, true, StandardCharsets.UTF_8);
    this.err = alone ? fleet.err() : new PrintStream(heldErr, true, StandardCharsets.UTF_8);
    this.view = new StderrView(err, fleet.colours().err());
  }

  boolean alone() {
    return alone;
  }

  /**
   * The context the tenant's command runs in: these streams, the tenant's environment, and its own redaction point
   * (which learns the tenant's secrets as it runs).
   */
  CliContext context(Map<String, String> env) {
    run = new CliContext(out, err, env, alone ? fleet.terminal() : Terminal.heldBack(fleet.terminal()), alone,
        fleet.clock()).masked();
    return run;
  }

  /** What the tenant printed on stdout, held back. */
  String out() {
    out.flush();
    return heldOut.toString(StandardCharsets.UTF_8);
  }

  /** What the tenant printed on stderr, held back. */
  String err() {
    err.flush();
    return heldErr.toString(StandardCharsets.UTF_8);
  }

  /**
   * The tenant's JSON as the fleet prints it in its own document, past this tenant's masking streams: masked here,
   * with the secrets the tenant's run learned (its variables, its tokens), as its stdout was.
   */
  JsonNode masked(JsonNode json) {
    return json == null ? null
        : PlanPrinter.JSON.readTree(run.secrets().mask(PlanPrinter.JSON.writeValueAsString(json)));
  }

  @Override
  public void note(String text) {
    view.note(text);
  }

  @Override
  public void warning(String text) {
    view.warning(text);
  }

  @Override
  public void error(String text) {
    view.error(text);
  }

  @Override
  public void say(String text) {
    view.say(text);
  }

  @Override
  public void debug(String line) {
    view.debug(line);
  }
}
