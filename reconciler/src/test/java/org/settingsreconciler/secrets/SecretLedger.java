package org.settingsreconciler.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secrets tests hand the tool, and everything the tool printed and wrote with them, kept per test so that one
 * test's secrets are looked for in its own outputs only (the fixed ones of {@link FixedTestSecrets} everywhere).
 * {@link SecretScanExtension} opens a scope around each test class and each test, and scans a scope's outputs when it
 * closes. Harnesses feed it through {@link InProcessCli}; tests may register secrets of their own.
 *
 * <p>Static because the harnesses cannot reach the test's ExtensionContext; JUnit runs this suite's tests one at a
 * time, and what runs outside every test (a static initializer) is kept in a scope of its own and scanned at the next
 * close.
 */
public final class SecretLedger {

  private static final Scope OUTSIDE = new Scope("outside any test");
  private static final Deque<Scope> OPEN = new ArrayDeque<>(List.of(OUTSIDE));

  private SecretLedger() {}

  /** A token, secret, password or assertion: it must appear in nothing the tool prints or writes. */
  public static void credential(String value, String origin) {
    register(new Secret(value, origin, Secret.Kind.CREDENTIAL));
  }

  /** A secret-looking value of a variable: it must not be printed, nor appear in an apply report. */
  public static void variableValue(String value, String origin) {
    register(new Secret(value, origin, Secret.Kind.VARIABLE_VALUE));
  }

  public static synchronized void register(Secret secret) {
    OPEN.peek().add(secret);
  }

  static synchronized void record(Output output) {
    OPEN.peek().outputs.add(output);
  }

  /** Notes a CLI run for the summary, under the test class it ran in. */
  static synchronized void ran() {
    String testClass = "(outside any test class)";
    for (Scope scope : OPEN) {
      int at = scope.id.indexOf("[class:");
      if (at >= 0) {
        testClass = scope.id.substring(at + "[class:".length(), scope.id.indexOf(']', at));
        break;
      }
    }
    OPEN.peek().runs.add(testClass);
  }

  static synchronized void open(String id) {
    OPEN.push(new Scope(id));
  }

  /**
   * Closes the scope {@code id} (and any left open inside it) and scans what was recorded in it, and outside any
   * test, for the secrets of every open scope and the fixed ones.
   */
  static synchronized Scan close(String id) {
    if (OPEN.stream().noneMatch(scope -> scope.id.equals(id))) {
      throw new IllegalStateException("no secret scan scope " + id + " is open");
    }
    List<Output> outputs = new ArrayList<>();
    List<String> runs = new ArrayList<>();
    Map<String, Secret> secrets = new LinkedHashMap<>();
    FixedTestSecrets.ALL.forEach(s -> secrets.put(s.value(), s));
    OPEN.forEach(scope -> scope.secrets.forEach((value, s) -> secrets.merge(value, s, Scope::stricter)));
    for (Iterator<Scope> it = OPEN.iterator(); it.hasNext(); ) {
      Scope scope = it.next();
      if (scope == OUTSIDE) {
        break;
      }
      it.remove();
      outputs.addAll(scope.outputs);
      runs.addAll(scope.runs);
      if (scope.id.equals(id)) {
        break;
      }
    }
    outputs.addAll(OUTSIDE.outputs);
    runs.addAll(OUTSIDE.runs);
    OUTSIDE.outputs.clear();
    OUTSIDE.runs.clear();
    List<Secret> lookedFor = List.copyOf(secrets.values());
    return new Scan(runs, outputs, lookedFor, LeakFinder.find(lookedFor, outputs));
  }

  /**
   * What a closed scope held and the leaks found in it.
   *
   * @param runs the test class of each CLI run in it
   * @param secrets the secrets looked for
   */
  record Scan(List<String> runs, List<Output> outputs, List<Secret> secrets, List<Leak> leaks) {}

  private static final class Scope {
    final String id;
    final Map<String, Secret> secrets = new LinkedHashMap<>();
    final List<Output> outputs = new ArrayList<>();
    final List<String> runs = new ArrayList<>();

    Scope(String id) {
      this.id = id;
    }

    void add(Secret secret) {
      secrets.merge(secret.value(), secret, Scope::stricter);
    }

    /** A value registered both ways is a credential: it must appear nowhere. */
    static Secret stricter(Secret a, Secret b) {
      return a.kind() == Secret.Kind.CREDENTIAL ? a : b;
    }
  }
}
