package org.settingsreconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.secrets.InProcessCli;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every numeric option of every command is range-checked by a {@link Range} as it is parsed, and its --help states
 * that range, so a new option cannot slip past the one mechanism.
 */
class NumericOptionsTest {

  private record Numeric(String command, OptionSpec option) {}

  private static List<Numeric> numericOptions() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    CliContext ctx = new CliContext(sink, sink, Map.of(), Terminal.none());
    CommandLine.IFactory factory = new Main.ContextFactory(ctx);
    List<Numeric> out = new ArrayList<>();
    CommandLine cli = ReconcilerCommand.commandLine(factory);
    cli.getSubcommands().forEach((name, sub) -> sub.getCommandSpec().options().stream()
        .filter(o -> isNumeric(o.type()))
        .forEach(o -> out.add(new Numeric(name, o))));
    return out;
  }

  private static boolean isNumeric(Class<?> type) {
    return Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class
        || type == float.class || type == short.class;
  }

  @Test
  void everyNumericOptionHasARangeAndItsHelpSaysIt() {
    List<Numeric> numeric = numericOptions();
    assertThat(numeric).extracting(n -> n.command() + " " + n.option().longestName())
        .contains("apply --max-deletes", "apply --verify-wait", "plan --batch-size", "check --concurrency",
            "validate --parallel-tenants", "sandbox --port", "sandbox --page-size");
    for (Numeric n : numeric) {
      String name = n.command() + " " + n.option().longestName();
      CommandLine.ITypeConverter<?>[] converters = n.option().converters();
      assertThat(converters).as(name + " has a Range converter").hasSize(1);
      assertThat(converters[0]).as(name).isInstanceOf(Range.class);
      String range = ((Range<?>) converters[0]).text();
      String help = InProcessCli.run(Map.of(), n.command(), "--help").out().replaceAll("\\s+", " ");
      String description = String.join(" ", n.option().description()).replaceAll("\\s+", " ");
      assertThat(description).as(name + " states its range").contains(range);
      assertThat(help).as(name + "'s --help shows it").contains(description.substring(0, 30));
    }
  }
}
