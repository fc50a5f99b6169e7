package org.settingsreconciler.sandbox;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Fault} as people write it on a command line: {@code METHOD PATH=ANSWER[xTIMES][:OPTION...]}.
 *
 * <pre>
 * PATCH /admin/people/pronouns=503                 every PATCH answers 503 serviceNotAvailable, in either version
 * PATCH /v1.0/admin/people/pronouns=503            only the PATCHes sent to v1.0 do
 * PATCH /admin/people/pronouns=503x2               the first two do, then it behaves
 * GET /admin/people/pronouns=429:retry-after=1.5   429 TooManyRequests with Retry-After: 1.5
 * GET /admin/people/itemInsights=reset             the connection is closed without an answer
 * PATCH /admin/people/pronouns=timeout:delay=5     carried out, and answered 5 seconds late
 * </pre>
 *
 * ANSWER is an HTTP status from 400 to 599, or one of the kinds in {@link #KINDS}. Options: {@code code=CODE} (the
 * Graph error code of a status or of {@code error-in-200}), {@code retry-after=SECONDS} (of a status) and
 * {@code delay=SECONDS} (of {@code timeout}).
 */
public final class FaultSpec {

  /** The answers other than a status, as written, and the kind each stands for. */
  public static final Map<String, Fault.Kind> KINDS = Map.of(
      "reset", Fault.Kind.RESET,
      "timeout", Fault.Kind.TIMEOUT,
      "malformed", Fault.Kind.MALFORMED,
      "truncated", Fault.Kind.TRUNCATED,
      "empty", Fault.Kind.EMPTY,
      "redirect", Fault.Kind.REDIRECT,
      "error-in-200", Fault.Kind.ERROR_IN_200);

  /** What a spec looks like, for error messages and help. */
  public static final String FORM = "METHOD PATH=ANSWER[xTIMES][:OPTION...], e.g. 'PATCH /admin/people/pronouns=503x2'";

  private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE");
  private static final Pattern SPEC = Pattern.compile("^\\s*(\\S+)\\s+(/\\S*?)\\s*=\\s*(\\S+)\\s*$");
  private static final Pattern ANSWER = Pattern.compile("^([a-z0-9-]+?)(?:x(\\d+))?$");
  private static final Pattern SECONDS = Pattern.compile("^\\d+(\\.\\d+)?$");
  private static final Pattern CODE = Pattern.compile("^[A-Za-z][A-Za-z0-9_.-]*$");

  private FaultSpec() {}

  /**
   * @throws IllegalArgumentException with a message that says what is wrong and what is expected
   */
  public static Fault parse(String spec) {
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      throw invalid(spec, "expected " + FORM);
    }
    String method = m.group(1).toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw invalid(spec, "the method must be one of GET, POST, PATCH, PUT and DELETE, not '" + m.group(1) + "'");
    }
    String path = m.group(2);
    if (path.contains("?")) {
      throw invalid(spec, "the path is matched without its query: leave out '" + path.substring(path.indexOf('?'))
          + "'");
    }
    String[] parts = m.group(3).split(":", -1);
    Matcher answer = ANSWER.matcher(parts[0].toLowerCase(Locale.ROOT));
    if (!answer.matches()) {
      throw invalid(spec, "the answer must be an HTTP status (400 to 599) or one of " + kinds()
          + ", optionally followed by xTIMES, not '" + parts[0] + "'");
    }
    int times = Fault.ALWAYS;
    if (answer.group(2) != null) {
      times = parseTimes(spec, answer.group(2));
    }
    Fault fault = base(spec, method, path, answer.group(1), times);
    for (int i = 1; i < parts.length; i++) {
      fault = option(spec, fault, parts[i]);
    }
    return fault;
  }

  private static Fault base(String spec, String method, String path, String what, int times) {
    if (what.chars().allMatch(Character::isDigit)) {
      int status = Integer.parseInt(what.length() > 3 ? "0" : what);
      if (status < 400 || status > 599) {
        throw invalid(spec, "a status must be an error, 400 to 599, not " + what);
      }
      return Fault.of(method, path, status, defaultCode(status), times);
    }
    Fault.Kind kind = KINDS.get(what);
    if (kind == null) {
      throw invalid(spec, "unknown answer '" + what + "': use an HTTP status (400 to 599) or one of " + kinds());
    }
    return Fault.of(method, path, kind, times);
  }

  private static Fault option(String spec, Fault f, String option) {
    int eq = option.indexOf('=');
    String name = eq < 0 ? option : option.substring(0, eq).toLowerCase(Locale.ROOT);
    String value = eq < 0 ? "" : option.substring(eq + 1);
    switch (name) {
      case "retry-after" -> {
        if (f.kind() != Fault.Kind.ERROR) {
          throw invalid(spec, "retry-after goes with an HTTP status, such as 429:retry-after=1.5");
        }
        return f.withRetryAfter(seconds(spec, name, value));
      }
      case "code" -> {
        if (f.kind() != Fault.Kind.ERROR && f.kind() != Fault.Kind.ERROR_IN_200) {
          throw invalid(spec, "code goes with an HTTP status or error-in-200, such as 503:code=serviceNotAvailable");
        }
        if (!CODE.matcher(value).matches()) {
          throw invalid(spec, "code must be a Graph error code such as serviceNotAvailable, not '" + value + "'");
        }
        return f.withCode(value);
      }
      case "delay" -> {
        if (f.kind() != Fault.Kind.TIMEOUT) {
          throw invalid(spec, "delay goes with timeout, such as timeout:delay=5");
        }
        String s = seconds(spec, name, value);
        return f.withDelay(Duration.ofMillis((long) Math.ceil(Double.parseDouble(s) * 1000)));
      }
      default -> throw invalid(spec, "unknown option '" + option + "': the options are code=CODE, "
          + "retry-after=SECONDS and delay=SECONDS");
    }
  }

  private static int parseTimes(String spec, String digits) {
    try {
      int n = Integer.parseInt(digits);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException tooBig) {
      // reported below
    }
    throw invalid(spec, "xTIMES must be a count from 1 up, not x" + digits);
  }

  private static String seconds(String spec, String name, String value) {
    if (!SECONDS.matcher(value).matches()) {
      String hint = value.matches(".*x\\d+$") ? " (put xTIMES right after the answer: 429x3:retry-after=1.5)" : "";
      throw invalid(spec, name + " must be a number of seconds such as 1.5, not '" + value + "'" + hint);
    }
    return value;
  }

  /** Graph's usual code for the status (docs/graph-facts.md 9.3). */
  static String defaultCode(int status) {
    return switch (status) {
      case 400 -> "invalidRequest";
      case 401 -> "InvalidAuthenticationToken";
      case 403 -> "accessDenied";
      case 404 -> "itemNotFound";
      case 409 -> "nameAlreadyExists";
      case 412 -> "preconditionFailed";
      case 422 -> "unprocessableEntity";
      case 423 -> "resourceLocked";
      case 429 -> "TooManyRequests";
      case 500 -> "generalException";
      case 501 -> "notSupported";
      case 502 -> "badGateway";
      case 503 -> "serviceNotAvailable";
      case 504 -> "gatewayTimeout";
      default -> status < 500 ? "invalidRequest" : "generalException";
    };
  }

  private static String kinds() {
    return String.join(", ", new java.util.TreeSet<>(KINDS.keySet()));
  }

  private static IllegalArgumentException invalid(String spec, String why) {
    return new IllegalArgumentException("invalid fault '" + spec.strip() + "': " + why);
  }
}
