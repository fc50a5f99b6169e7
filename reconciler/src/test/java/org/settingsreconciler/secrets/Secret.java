package org.settingsreconciler.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A secret a test handed the tool, and the forms it could leak in: as it is, URL-encoded (a form or a query),
 * Base64 (a header or a blob, on its own or inside a longer text) and JSON-escaped (a report).
 *
 * @param value the secret
 * @param origin where the test got it from, for the failure message (never the value itself)
 * @param kind where it may legitimately appear
 */
public record Secret(String value, String origin, Kind kind) {

  /**
   * Shorter values are not scanned for: they would be found in ordinary words. The tool draws the same line
   * (vars.SecretShapes), and the harnesses refuse shorter credentials rather than skip them in silence.
   */
  public static final int MIN_LENGTH = 8;

  public enum Kind {
    /** A token, client secret, password or assertion: never printed, never written (the token cache aside). */
    CREDENTIAL,
    /**
     * A secret-looking value of a variable ({@code --var}, {@code --var-file}, {@code ${env:}}): masked in everything
     * printed and in every report; files the README says hold the real values (saved plans, the sandbox's state and
     * exported YAML, all owner-only) may hold it.
     */
    VARIABLE_VALUE
  }

  public Secret {
    if (value.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(origin + " is " + value.length() + " characters long: too short to scan for;"
          + " give the test a distinctive value (TestTokens.distinct)");
    }
  }

  /** The forms to look for, by name; forms identical to the plain one are left out. */
  public Map<String, String> forms() {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("as is", value);
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    putIfNew(forms, "URL-encoded", URLEncoder.encode(value, StandardCharsets.UTF_8));
    putIfNew(forms, "URL-encoded with %20", URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
    // Padding is left off: a secret at the end of a longer Base64 text has none of its own.
    putIfNew(forms, "Base64", Base64.getEncoder().withoutPadding().encodeToString(bytes));
    putIfNew(forms, "Base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    // Inside a longer Base64 text the secret starts at one of three alignments, and the characters at its edges
    // also encode the bytes around it: what is left is the secret's alone.
    for (int offset = 0; offset < 3; offset++) {
      byte[] shifted = new byte[offset + bytes.length];
      System.arraycopy(bytes, 0, shifted, offset, bytes.length);
      String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
      int from = offset == 0 ? 0 : offset + 1;
      int to = shifted.length % 3 == 0 ? encoded.length() : encoded.length() - 1;
      if (to - from >= MIN_LENGTH) {
        putIfNew(forms, "Base64 inside a longer text, at offset " + offset, encoded.substring(from, to));
      }
    }
    String json = JsonNodeFactory.instance.stringNode(value).toString();
    putIfNew(forms, "JSON-escaped", json.substring(1, json.length() - 1));
    return forms;
  }

  private static void putIfNew(Map<String, String> forms, String name, String form) {
    if (!forms.containsValue(form)) {
      forms.put(name, form);
    }
  }
}
