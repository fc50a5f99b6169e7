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

  private static void check(List<Leak> leaks) {
    ScanTotals.failedWith(leaks.size());
    if (!leaks.isEmpty()) {
      throw new AssertionError("the secret scan found " + leaks.size() + " leak(s):\n"
          + leaks.stream().map(l -> "  " + l).collect(Collectors.joining("\n")));
    }
  }
}
