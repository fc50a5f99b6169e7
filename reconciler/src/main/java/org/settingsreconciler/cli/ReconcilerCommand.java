package org.settingsreconciler.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Properties;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.run.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(
    name = "reconciler",
    mixinStandardHelpOptions = true,
    versionProvider = ReconcilerCommand.Version.class,
    description = "Manage Microsoft 365 Copilot and People settings as code.")
final class ReconcilerCommand {

  /**
   * The tool and its version, as --version prints it and saved plans record it: the Maven project's version, which the
   * build writes into version.properties (the release bundle is named by the same version).
   */
  static final String VERSION = "settings-reconciler " + projectVersion();

  private static String projectVersion() {
    Properties p = new Properties();
    try (InputStream in = ReconcilerCommand.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the build");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  /** --version: {@link #VERSION}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {VERSION};
    }
  }

  /** Where each command's page is, from the root of the repository; {@code %s} is the command's name. */
  static final String DOCS = "docs/commands/%s.md";

  /** Accepted before or after the command's name (picocli copies it to every subcommand). */
  @Option(names = "--no-color", scope = ScopeType.INHERIT,
      description = "Never colour the output. Without it, output is coloured only on a terminal, and not when the "
          + "NO_COLOR environment variable is set to anything.")
  boolean noColour;

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
    // `reconciler help plan`, as git and many tools take it: picocli's help command prints the command's --help.
    if (args.length == 0 || neededBy(args).size() > 1) {
      cli.addSubcommand(CommandLine.HelpCommand.class);
    }
    helpSections(cli, null);
    cli.getSubcommands().forEach((name, sub) -> {
      if (!(sub.getCommandSpec().userObject() instanceof CommandLine.HelpCommand)) {
        helpSections(sub, name);
      }
    });
    return cli;
  }

  /**
   * The context a command line runs in, from any of its commands' models: {@code ctx}, without colour when
   * --no-color was given (before the command's name or after it).
   */
  static CliContext context(CliContext ctx, CommandSpec command) {
    return command != null && command.root().userObject() instanceof ReconcilerCommand root && root.noColour
        ? ctx.withoutColour() : ctx;
  }

  /**
   * What --help shows, made from the code that decides it: the ranges of the numeric options in their descriptions
   * (from {@link Range}, which checks them), the exit codes after the options (from {@link ExitCode}), and the page
   * of the docs.
   */
  private static void helpSections(CommandLine cli, String command) {
    CommandSpec spec = cli.getCommandSpec();
    spec.resourceBundle(Range.texts());
    Map<String, String> exits = new LinkedHashMap<>();
    ExitCode.meanings(command).forEach((code, meaning) -> exits.put(String.valueOf(code), meaning));
    spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exits);
    if (command != null && spec.userObject() instanceof FleetCommand<?>) {
      // A fleet exits as its worst tenant: ExitCode.worst.
      spec.usageMessage().exitCodeListHeading("%nExit codes (with tenant directories, the worst tenant's):%n");
    }
    spec.usageMessage().footer("", "Documentation: " + (command == null
        ? "README.md, and a page per command in " + String.format(DOCS, "<command>")
        : String.format(DOCS, command)));
  }
}
