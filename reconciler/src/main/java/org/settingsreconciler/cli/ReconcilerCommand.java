package org.settingsreconciler.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "reconciler",
    mixinStandardHelpOptions = true,
    version = ReconcilerCommand.VERSION,
    description = "Manage Microsoft 365 Copilot and People settings as code.",
    footer = {"", "Exit codes: 0 success / in sync, 1 error, 2 changes (plan --detailed-exitcode) or drift (check)."})
final class ReconcilerCommand {

  /** The tool and its version, as --version prints it and saved plans record it. */
  static final String VERSION = "settings-reconciler 0.1.0";

  /** The subcommands, in the order help lists them. */
  static final List<Class<?>> SUBCOMMANDS = List.of(
      ValidateCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      CheckCommand.class,
      ExportCommand.class,
      SandboxCommand.class,
      PermissionsCommand.class,
      LoginCommand.class,
      LogoutCommand.class);

  /**
   * The subcommands a command line needs: the one it names first, else all of them (for help, --version, and the
   * "did you mean" of a misspelt name). picocli builds a model of every subcommand it is given, by reflection over
   * its options, which costs a fresh JVM tens of milliseconds each time the tool runs; a run uses one.
   */
  static List<Class<?>> neededBy(String... args) {
    if (args.length > 0) {
      for (Class<?> c : SUBCOMMANDS) {
        if (c.getAnnotation(Command.class).name().equals(args[0])) {
          return List.of(c);
        }
      }
    }
    return SUBCOMMANDS;
  }

  /** The top-level command line with the subcommands {@code args} need, each made by {@code factory}. */
  static CommandLine commandLine(CommandLine.IFactory factory, String... args) {
    CommandLine cli = new CommandLine(new ReconcilerCommand(), factory);
    for (Class<?> c : neededBy(args)) {
      cli.addSubcommand(c);
    }
    return cli;
  }
}
