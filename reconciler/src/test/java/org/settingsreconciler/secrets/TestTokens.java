package org.settingsreconciler.secrets;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Access tokens for tests that need one but not a particular one: distinctive, so the secret scan can find them. */
public final class TestTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TestTokens() {}

  /** {@code test-token-<label>-<16 hex digits>}. */
  public static String distinct(String label) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "test-token-" + label + "-" + HexFormat.of().formatHex(bytes);
  }
}
