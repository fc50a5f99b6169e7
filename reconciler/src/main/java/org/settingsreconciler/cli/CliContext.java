package org.settingsreconciler.cli;

import java.io.PrintStream;
import java.util.Map;

/** What commands get from the outside world; tests pass their own, so no command touches System.* directly. */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal) {}
