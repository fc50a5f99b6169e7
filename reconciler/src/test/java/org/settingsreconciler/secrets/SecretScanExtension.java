package org.settingsreconciler.secrets;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suite-wide secret scan: after each test, everything the tool printed and wrote in it is scanned for the
 * secrets the test handed it and the fixed test secrets, and a leak fails the test. What runs in a class's
 * {@code @BeforeAll} and {@code @AfterAll} is scanned when the class ends. Every test class gets this extension
 * without asking (src/test/resources/junit-platform.properties turns on autodetection, and
 * META-INF/services/org.junit.jupiter.api.extension.Extension names it).
 */
public final class SecretScanExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) {
    SecretLedger.open(context.getUniqueId());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    SecretLedger.open(context.getUniqueId());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    check(SecretLedger.close(context.getUniqueId()));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      check(SecretLedger.close(context.getUniqueId()));
    } finally {
      ScanTotals.write();
    }
  }

  /**
   * Counts what the scope held for the summary, and fails on a leak. (The ledger's own tests plant leaks in scopes
   * they close themselves: those are neither counted nor failed here.)
   */
  private static void check(SecretLedger.Scan scan) {
    ScanTotals.scanned(scan);
    List<Leak> leaks = scan.leaks();
    if (!leaks.isEmpty()) {
      throw new AssertionError("the secret scan found " + leaks.size() + " leak(s):\n"
          + leaks.stream().map(l -> "  " + l).collect(Collectors.joining("\n")));
    }
  }
}
