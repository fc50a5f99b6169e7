package org.settingsreconciler.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.settingsreconciler.text.MarkdownText;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The one redaction point of a run: the secrets it knows, and the masking everything it prints or writes goes
 * through (stdout and stderr by {@link MaskingPrintStream}, files by the CLI's one writer), replacing them with
 * {@value #MASK}, the way CI systems mask their secrets in logs.
 *
 * <p>Two kinds of secret. <b>Credentials</b> (the secret environment variables, tokens obtained while the run signs in,
 * the federated assertion, a password in a URL) may appear nowhere. <b>Secret values</b> (a variable's value that
 * {@link SecretShapes} judges secret) are masked everywhere too, except in the files that must hold the settings' real
 * values: a saved plan, which apply sends as it is, and exported or updated YAML. On top of the known values, text
 * shaped like a credential is masked wherever something is printed or reported: a JWT, what follows {@code Bearer},
 * a token in a form, the user and password in a URL.
 *
 * <p>A value is also masked in its JSON-escaped form (plans print JSON), each line of a multi-line value on its own
 * (output is masked line by line), each of those as Markdown and XML escape them (reports are masked after they are
 * rendered, and a pull-request comment shows {@code &#95;} as {@code _}), and a credential in its URL-encoded and
 * Base64 forms (also inside a longer Base64 text). The shapes are recognised in Markdown's escaped form too.
 */
public final class Secrets {

  public static final String MASK = "***";

  /** Environment variables whose values are credentials; a fleet names them per tenant too (NAME_PROD). */
  public static final List<String> CREDENTIAL_VARIABLES =
      List.of(
          "RECONCILER_ACCESS_TOKEN",
          "AZURE_CLIENT_SECRET",
          "AZURE_CLIENT_CERTIFICATE_PASSWORD",
          "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
          "IDENTITY_HEADER");

  /**
   * A character reference, {@code &#95;}: how Markdown output writes {@code _}, {@code ~} and other punctuation
   * (text.MarkdownText), so the shapes below match a credential written that way too.
   */
  private static final String REF = "&#[0-9]{1,7};";
  /** A JWT: three base64url segments, the first a JSON object ({"... is eyJ...). */
  public static final Pattern JWT = Pattern.compile(
      "eyJ(?:[A-Za-z0-9_-]|" + REF + "){4,}\\.(?:[A-Za-z0-9_-]|" + REF + "){4,}\\.(?:[A-Za-z0-9_-]|" + REF + ")*");
  /** The user and password of a URL, {@code https://user:pass@host}; a user alone is no secret. */
  public static final Pattern URL_PASSWORD = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)(?:[^/?#@\\s\"'<>:]|" + REF
      + ")*:(?:[^/?#@\\s\"'<>]|" + REF + ")*@");
  /** A bearer token; one without a digit is a word ("Bearer instruments"), not a token. */
  private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)(?=(?:[A-Za-z._~+/=-]|" + REF
      + ")*[0-9])(?:[A-Za-z0-9._~+/=-]|" + REF + "){8,}");
  private static final Pattern FORM_SECRET = Pattern.compile(
      "(?i)\\b((?:" + "client_secret|client_assertion|refresh_token|access_token|id_token|device_code|password"
          .replace("_", "(?:_|&#95;)") + ")=)(?:[^&\\s\"']|" + REF + ")+");

  private final Set<String> credentials = new CopyOnWriteArraySet<>();
  /** Every form of every secret value, to look for. */
  private final Set<String> values = new CopyOnWriteArraySet<>();
  /** The secret values as they were given, for a saved plan to carry (see {@link #valuesIn}). */
  private final Set<String> givenValues = new CopyOnWriteArraySet<>();
  private volatile List<String> credentialsLongestFirst = List.of();
  private volatile List<String> allLongestFirst = List.of();

  /** A run's secrets, knowing the credentials in its environment from the start. */
  public static Secrets forEnvironment(Map<String, String> env) {
    Secrets s = new Secrets();
    env.forEach((name, value) -> {
      if (CREDENTIAL_VARIABLES.stream().anyMatch(v -> name.equals(v) || name.startsWith(v + "_"))) {
        s.addCredential(value);
      }
    });
    return s;
  }

  /** A token, secret, password or assertion: masked in everything printed and written. */
  public void addCredential(String secret) {
    String value = secret == null ? "" : secret.strip();
    if (value.length() < SecretShapes.MIN_LENGTH) {
      return;
    }
    List<String> forms = forms(value);
    forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
    forms.addAll(base64Forms(value.getBytes(StandardCharsets.UTF_8)));
    if (credentials.addAll(forms.stream().filter(f -> f.length() >= SecretShapes.MIN_LENGTH).toList())) {
      sort();
    }
  }

  /**
   * A credential in Base64 and Base64url: encoded on its own, and as it reads inside a longer encoded text (a dump of
   * request headers), where it may start at any of three alignments. There the characters that also encode the bytes
   * around it are left off: the first ones at an offset, and the last one unless it ends a group of three bytes.
   */
  private static List<String> base64Forms(byte[] bytes) {
    List<String> forms = new ArrayList<>();
    for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
      forms.add(encoder.withoutPadding().encodeToString(bytes));
      for (int offset = 0; offset < 3; offset++) {
        byte[] shifted = new byte[offset + bytes.length];
        System.arraycopy(bytes, 0, shifted, offset, bytes.length);
        String encoded = encoder.withoutPadding().encodeToString(shifted);
        int from = offset == 0 ? 0 : offset + 1;
        int to = shifted.length % 3 == 0 ? encoded.length() : encoded.length() - 1;
        if (to > from) {
          forms.add(encoded.substring(from, to));
        }
      }
    }
    return forms;
  }

  /** A secret-looking value of a variable: masked in everything printed and reported. */
  public void addValue(String secret) {
    if (secret == null || secret.length() < SecretShapes.MIN_LENGTH) {
      return;
    }
    givenValues.add(secret);
    if (values.addAll(forms(secret).stream().filter(f -> f.length() >= SecretShapes.MIN_LENGTH).toList())) {
      sort();
    }
  }

  /**
   * The value, its JSON-escaped form, and each of its lines; each of them also as the reports escape text: Markdown
   * (character references, and a table cell's escaped pipes) and XML (the JUnit report, in text and in attributes).
   */
  private static List<String> forms(String secret) {
    List<String> plain = new ArrayList<>();
    plain.add(secret);
    String escaped = JsonNodeFactory.instance.stringNode(secret).toString();
    plain.add(escaped.substring(1, escaped.length() - 1));
    for (String line : secret.split("\\R")) {
      plain.add(line.strip());
    }
    List<String> forms = new ArrayList<>(plain);
    for (String form : plain) {
      forms.add(MarkdownText.text(form));
      forms.add(form.replace("|", "\\|"));
      String xml = form.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
      forms.add(xml);
      forms.add(xml.replace("\"", "&quot;"));
    }
    return forms;
  }

  private synchronized void sort() {
    Comparator<String> longestFirst = Comparator.comparingInt(String::length).reversed();
    credentialsLongestFirst = credentials.stream().sorted(longestFirst).toList();
    allLongestFirst = Stream.concat(credentials.stream(), values.stream()).distinct()
        .sorted(longestFirst).toList();
  }

  public boolean isEmpty() {
    return credentials.isEmpty() && values.isEmpty();
  }

  /**
   * The text as it may be printed, logged or reported: every credential and secret value replaced, longest first
   * (so a secret containing another is masked whole), then anything shaped like a credential.
   */
  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return maskShapes(replace(text, allLongestFirst));
  }

  /**
   * The text as a file that must hold the settings' real values may keep it (a saved plan, exported or updated YAML):
   * the credentials this run knows replaced, secret values and other text kept as they are.
   */
  public String maskCredentials(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return replace(text, credentialsLongestFirst);
  }

  /** The secret values (as given) that occur in {@code text}: what a saved plan must have masked when it is shown. */
  public List<String> valuesIn(String text) {
    // As it is, or JSON-escaped (forms() begins with those two): a line of it alone is not the value.
    return givenValues.stream().filter(v -> forms(v).subList(0, 2).stream().anyMatch(text::contains))
        .sorted().toList();
  }

  private static String replace(String text, List<String> secrets) {
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, MASK);
    }
    return out;
  }

  /** JWTs, bearer tokens, form secrets and URL passwords; each looked for only where its mark is. */
  static String maskShapes(String text) {
    String out = text;
    if (out.contains("eyJ")) {
      out = JWT.matcher(out).replaceAll(MASK);
    }
    if (out.contains("://") && out.indexOf('@') >= 0) {
      out = URL_PASSWORD.matcher(out).replaceAll("$1" + MASK + "@");
    }
    if (out.indexOf('=') >= 0) {
      out = FORM_SECRET.matcher(out).replaceAll("$1" + MASK);
    }
    if (out.contains("earer") || out.contains("EARER")) {
      out = BEARER.matcher(out).replaceAll("$1" + MASK);
    }
    return out;
  }
}
