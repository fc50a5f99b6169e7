package org.settingsreconciler.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.text.MarkdownText;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import static org.settingsreconciler.text.MarkdownText.cell;
import static org.settingsreconciler.text.MarkdownText.code;
import static org.settingsreconciler.text.MarkdownText.text;

/**
 * docs/commands/: one page per command, written from picocli's model of the CLI (the same {@code CommandSpec} that
 * {@code --help} prints), and an index. In this package because the command classes are package-private; the test
 * that keeps the pages current is docs.GeneratedDocsTest.
 */
public final class CommandPages {

  public static final String DIR = "docs/commands";

  private CommandPages() {}

  /** File name (relative to {@link #DIR}) to its content, the index first; each page starts with {@code header}. */
  public static Map<String, String> render(java.util.function.Function<String, String> header) {
    CommandLine root = ReconcilerCommand.commandLine(new Main.ContextFactory(quietContext()));
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("README.md", index(root, header));
    // picocli's help command has no page: `reconciler help plan` prints what plan's page shows.
    root.getSubcommands().forEach((name, sub) -> {
      if (!isHelp(sub)) {
        pages.put(name + ".md", page(sub.getCommandSpec(), header));
      }
    });
    return pages;
  }

  private static boolean isHelp(CommandLine command) {
    return command.getCommandSpec().userObject() instanceof CommandLine.HelpCommand;
  }

  /** A context for building the model only: nothing runs, so nothing is printed or read. */
  private static CliContext quietContext() {
    PrintStream nowhere = new PrintStream(new ByteArrayOutputStream());
    return new CliContext(nowhere, nowhere, Map.of(), Terminal.none());
  }

  private static String index(CommandLine root, java.util.function.Function<String, String> header) {
    CommandSpec spec = root.getCommandSpec();
    StringBuilder b = new StringBuilder(header.apply("# " + code(spec.qualifiedName())));
    b.append(text(String.join(" ", spec.usageMessage().description()))).append("\n\n");
    usage(b, spec);
    b.append("## Commands\n\n| command | what it does |\n|---|---|\n");
    root.getSubcommands().forEach((name, sub) -> b.append("| ")
        .append(isHelp(sub) ? code(name + " COMMAND") : "[" + code(name) + "](" + name + ".md)").append(" | ")
        .append(text(String.join(" ", sub.getCommandSpec().usageMessage().description()).replace("%n", " ").strip()))
        .append(" |\n"));
    b.append('\n');
    options(b, spec);
    trailer(b, spec);
    return b.toString();
  }

  private static String page(CommandSpec spec, java.util.function.Function<String, String> header) {
    StringBuilder b = new StringBuilder(header.apply("# " + code(spec.qualifiedName())));
    b.append(text(String.join(" ", spec.usageMessage().description()))).append(" [All commands](README.md).\n\n");
    usage(b, spec);
    positionals(b, spec);
    options(b, spec);
    trailer(b, spec);
    return b.toString();
  }

  private static void usage(StringBuilder b, CommandSpec spec) {
    String synopsis = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF)).synopsis(0).stripTrailing();
    b.append("## Usage\n\n").append(MarkdownText.fenced("", List.of(synopsis.split("\n")))).append('\n');
  }

  private static void positionals(StringBuilder b, CommandSpec spec) {
    List<PositionalParamSpec> params = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
    if (params.isEmpty()) {
      return;
    }
    b.append("## Arguments\n\n| argument | meaning |\n|---|---|\n");
    for (PositionalParamSpec p : params) {
      b.append("| ").append(cell(p.paramLabel() + (p.isMultiValue() ? "..." : ""))).append(" | ")
          .append(text(String.join(" ", p.renderedDescription()))).append(" |\n");
    }
    b.append('\n');
  }

  private static void options(StringBuilder b, CommandSpec spec) {
    List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
    if (options.isEmpty()) {
      return;
    }
    b.append("## Options\n\n| option | meaning | default |\n|---|---|---|\n");
    for (OptionSpec o : options) {
      String names = String.join(", ", o.names()) + (o.typeInfo().isBoolean() ? "" : " " + o.paramLabel());
      String meaning = String.join(" ", o.renderedDescription());
      String dflt = o.defaultValue() == null || o.typeInfo().isBoolean() ? "" : cell(o.defaultValue());
      b.append("| ").append(cell(names)).append(" | ").append(text(meaning)).append(" | ").append(dflt)
          .append(" |\n");
    }
    b.append('\n');
  }

  /** The exit codes and the footer, as --help ends. */
  private static void trailer(StringBuilder b, CommandSpec spec) {
    Map<String, String> codes = spec.usageMessage().exitCodeList();
    if (!codes.isEmpty()) {
      b.append("## Exit codes\n\n| code | meaning |\n|---|---|\n");
      codes.forEach((k, v) -> b.append("| ").append(text(k.strip())).append(" | ").append(text(v.strip()))
          .append(" |\n"));
      b.append('\n');
    }
    // picocli formats help text: %n is a line break, %% a percent sign.
    String footer = String.join("\n", spec.usageMessage().footer()).replace("%n", "\n").replace("%%", "%").strip();
    if (!footer.isEmpty()) {
      b.append(MarkdownText.fenced("", List.of(footer.split("\n")))).append('\n');
    }
  }
}
