package org.settingsreconciler.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text before it is shown: the values of the environment variables that hold secrets, anything
 * shaped like a JWT, and whatever follows "Bearer". Used on every message that may carry text from elsewhere (msal4j,
 * the Azure CLI, HTTP answers, unexpected exceptions).
 */
public final class Redactor {

  public static final String REDACTED = "[redacted]";

  /** Environment variables whose values are secrets. */
  public static final List<String> SECRET_VARIABLES =
      List.of(
          "RECONCILER_ACCESS_TOKEN",
          "AZURE_CLIENT_SECRET",
          "AZURE_CLIENT_CERTIFICATE_PASSWORD",
          "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
          "IDENTITY_HEADER");

  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");
  private static final Pattern FORM_SECRET =
      Pattern.compile("(?i)((?:client_secret|client_assertion|refresh_token|access_token|device_code)=)[^&\\s\"']+");

  private static final Redactor PATTERNS_ONLY = new Redactor(List.of());

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    List<String> s = new ArrayList<>(secrets);
    // Longest first, so a secret that contains another is removed whole.
    s.sort(Comparator.comparingInt(String::length).reversed());
    this.secrets = List.copyOf(s);
  }

  /** Knows the secrets in this environment, besides the patterns. */
  public static Redactor forEnvironment(Map<String, String> env) {
    List<String> values = new ArrayList<>();
    for (String name : SECRET_VARIABLES) {
      String v = env.get(name);
      // Very short values would blank ordinary words; they are not credible secrets anyway.
      if (v != null && v.strip().length() >= 6) {
        values.add(v.strip());
      }
    }
    return new Redactor(values);
  }

  public static Redactor patternsOnly() {
    return PATTERNS_ONLY;
  }

  /** This redactor, also knowing {@code secret}. */
  public Redactor with(String secret) {
    if (secret == null || secret.length() < 6) {
      return this;
    }
    List<String> s = new ArrayList<>(secrets);
    s.add(secret);
    return new Redactor(s);
  }

  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, REDACTED);
    }
    out = JWT.matcher(out).replaceAll(REDACTED);
    out = BEARER.matcher(out).replaceAll("$1" + REDACTED);
    return FORM_SECRET.matcher(out).replaceAll("$1" + REDACTED);
  }
}
