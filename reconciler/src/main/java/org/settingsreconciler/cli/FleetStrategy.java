package org.settingsreconciler.cli;

import org.settingsreconciler.run.UserError;
import java.nio.file.Path;
import java.util.List;
import org.settingsreconciler.tenant.TenantFile;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Switches a command to fleet mode when its PATHs are tenant directories (each with a tenant.yaml): then each
 * tenant runs the command on its own ({@link FleetRun}). Any other command line runs as it always has.
 */
final class FleetStrategy implements CommandLine.IExecutionStrategy {

  private final CliContext ctx;

  FleetStrategy(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public int execute(ParseResult parseResult) {
    ParseResult leaf = leaf(parseResult);
    boolean help = leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested();
    if (!(leaf.commandSpec().userObject() instanceof FleetCommand<?> command) || help) {
      return new CommandLine.RunLast().execute(parseResult);
    }
    DesiredStateArgs desired = command.desired();
    List<Path> tenants = desired.paths().stream().filter(TenantFile::isTenant).toList();
    if (tenants.isEmpty()) {
      return new CommandLine.RunLast().execute(parseResult);
    }
    try {
      if (tenants.size() != desired.paths().size()) {
        Path other = desired.paths().stream().filter(p -> !TenantFile.isTenant(p)).findFirst().orElseThrow();
        throw new UserError(other + " is not a tenant directory (it has no tenant.yaml); give either tenant "
            + "directories or desired-state files, not both");
      }
      return new FleetRun(ReconcilerCommand.context(ctx, leaf.commandSpec()), command, tenants,
          desired.parallelTenants).run();
    } catch (UserError e) {
      return Main.failed(ReconcilerCommand.context(ctx, leaf.commandSpec()), e);
    }
  }

  static ParseResult leaf(ParseResult parseResult) {
    ParseResult leaf = parseResult;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    return leaf;
  }
}
