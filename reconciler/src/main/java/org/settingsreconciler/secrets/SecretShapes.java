package org.settingsreconciler.secrets;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides whether a variable's value looks like a secret, so that it is masked wherever the tool prints. No managed
 * setting needs a secret, so one showing up in a plan is a mistake or an attempt to leak a pipeline's credentials
 * through a pull-request comment; either way it must not be printed. Short values, booleans, numbers and GUIDs (the
 * ids settings do hold) are never secrets; anything else is one when its variable's name says so, or its value has
 * the shape of a token, key, password-bearing URL or random string.
 */
public final class SecretShapes {

  /** Below this, a value is not a credential, and masking it would garble unrelated output. */
  static final int MIN_LENGTH = 8;

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(secret|passw|pwd|token|credential|private.?key|api.?key|access.?key|client.?key"
          + "|conn(ection)?.?string|signature|(^|_)sas(_|$)|(^|_)pat(_|$)).*");
  private static final Pattern GUID =
      Pattern.compile("(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  private static final Pattern PLAIN_VALUE = Pattern.compile("(?i)^(true|false|null|[-+]?[0-9]+(\\.[0-9]+)?)$");
  private static final Pattern[] SECRET_VALUES = {
    Secrets.JWT, // an access or id token
    Pattern.compile("-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----"),
    Pattern.compile("^[A-Za-z0-9_.-]*~[A-Za-z0-9_.~-]{30,}$"), // an Entra client secret (they contain ~)
    Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"), // a GitHub token
    Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"), // an AWS access key id
    Pattern.compile("(?i)[?&](sig|token|access_token|code|password|secret|key|client_secret)=[^&\\s]{6,}"),
    Secrets.URL_PASSWORD,
  };
  private static final Pattern TOKEN_ALPHABET = Pattern.compile("^[A-Za-z0-9+/=_.~-]{24,}$");

  private SecretShapes() {}

  public static boolean looksSecret(String variableName, String value) {
    if (value == null) {
      return false;
    }
    String v = value.strip();
    if (v.length() < MIN_LENGTH || PLAIN_VALUE.matcher(v).matches() || GUID.matcher(v).matches()) {
      return false;
    }
    if (variableName != null && SECRET_NAME.matcher(variableName).matches()) {
      return true;
    }
    for (Pattern p : SECRET_VALUES) {
      if (p.matcher(v).find()) {
        return true;
      }
    }
    return looksRandom(v);
  }

  /** A long run of token characters mixing cases and digits, with the entropy of a generated key. */
  static boolean looksRandom(String v) {
    if (!TOKEN_ALPHABET.matcher(v).matches()) {
      return false;
    }
    boolean upper = v.chars().anyMatch(Character::isUpperCase);
    boolean lower = v.chars().anyMatch(Character::isLowerCase);
    boolean digit = v.chars().anyMatch(Character::isDigit);
    return upper && lower && digit && entropyBitsPerChar(v) >= 4.0;
  }

  static double entropyBitsPerChar(String v) {
    Map<Integer, Integer> counts = new HashMap<>();
    v.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
    double bits = 0;
    for (int n : counts.values()) {
      double p = (double) n / v.length();
      bits -= p * (Math.log(p) / Math.log(2));
    }
    return bits;
  }
}
