package org.settingsreconciler.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the suite-wide secret scan covered in this JVM, for the README's "Guarantees": a summary line, the written
 * files by kind and the CLI runs of each test class. Written to {@code target/secret-scan.txt} after every test
 * class, so that after {@code mvn verify} it holds the whole run.
 */
final class ScanTotals {

  static final Path FILE = Path.of("target", "secret-scan.txt");

  private static int runs;
  private static int printed;
  private static int written;
  private static long bytes;
  private static int leaks;
  private static final Set<String> SECRETS = new HashSet<>();
  private static final Map<String, Integer> RUNS_BY_CLASS = new TreeMap<>();
  private static final Map<String, Integer> WRITTEN_BY_ENDING = new TreeMap<>();

  private ScanTotals() {}

  static synchronized void scanned(SecretLedger.Scan scan) {
    for (String testClass : scan.runs()) {
      runs++;
      // package.Class: enough to find it, short enough to read
      RUNS_BY_CLASS.merge(testClass.substring(testClass.lastIndexOf('.', testClass.lastIndexOf('.') - 1) + 1), 1,
          Integer::sum);
    }
    for (Output o : scan.outputs()) {
      if (o.written()) {
        written++;
        String name = o.file().getFileName().toString();
        WRITTEN_BY_ENDING.merge(name.contains(".") ? name.substring(name.lastIndexOf('.')) : name, 1, Integer::sum);
      } else {
        printed++;
      }
      bytes += o.text().length();
    }
    scan.secrets().forEach(s -> SECRETS.add(s.value()));
    leaks += scan.leaks().size();
  }

  static synchronized String line() {
    return String.format(
        "secret scan: %,d CLI runs; %,d printed outputs (stdout, stderr) and %,d written files, %,.1f MB in all,"
            + " scanned for %,d distinct test secrets (%d of them in every test) as they are, URL-encoded, Base64"
            + " and JSON-escaped; %,d leaks failed a test%n",
        runs, printed, written, bytes / 1e6, SECRETS.size(), FixedTestSecrets.ALL.size(), leaks);
  }

  /**
   * Overwrites the summary; a module run without target/ (an IDE) keeps none, and a JVM that ran the CLI in-process
   * not once (the bundle tests after {@code package}, which start it as a process) leaves the figures of the run
   * before it, which {@code mvn verify} would otherwise replace with zeros.
   */
  static synchronized void write() {
    if (!Files.isDirectory(FILE.getParent()) || runs == 0) {
      return;
    }
    try {
      StringBuilder text = new StringBuilder(line()).append("written files by name ending:\n");
      WRITTEN_BY_ENDING.forEach((e, n) -> text.append(String.format("%6d  %s%n", n, e)));
      text.append("CLI runs by test class:\n");
      RUNS_BY_CLASS.forEach((c, n) -> text.append(String.format("%6d  %s%n", n, c)));
      Files.writeString(FILE, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
