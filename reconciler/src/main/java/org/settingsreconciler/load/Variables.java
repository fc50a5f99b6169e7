package org.settingsreconciler.load;

import java.util.HashMap;
import org.settingsreconciler.secrets.SecretShapes;
import org.settingsreconciler.secrets.Secrets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The values {@code ${env:NAME}} and {@code ${var:NAME}} stand for in one run: the environment, and the named
 * values given with {@code --var}, {@code --var-file} and a tenant's {@code variables:} (in rising precedence).
 * Every value used is shown to {@link SecretShapes}, and one that looks like a secret goes to the run's
 * {@link Secrets}, so it is masked wherever it would be printed.
 */
public final class Variables {

  public static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public enum Kind {
    ENV("env"),
    VAR("var");

    final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }
  }

  private final Map<String, String> env;
  private final Map<String, String> vars;
  private final Secrets secrets;

  public Variables(Map<String, String> env, Map<String, String> vars, Secrets secrets) {
    this.env = Map.copyOf(env);
    this.vars = Map.copyOf(vars);
    this.secrets = secrets;
  }

  /** No environment and no variables: every reference is unset. */
  public static Variables none() {
    return new Variables(Map.of(), Map.of(), new Secrets());
  }

  /** These variables with {@code defaults} (a tenant's own) underneath: a value set here wins. */
  public Variables withDefaults(Map<String, String> defaults) {
    Map<String, String> merged = new HashMap<>(defaults);
    merged.putAll(vars);
    return new Variables(env, merged, secrets);
  }

  /** The value, or null when unset; a secret-looking value is registered for masking before it is returned. */
  public String lookup(Kind kind, String name) {
    String value = kind == Kind.ENV ? env.get(name) : vars.get(name);
    if (value != null && SecretShapes.looksSecret(name, value)) {
      secrets.addValue(value);
    }
    return value;
  }

  public Secrets secrets() {
    return secrets;
  }
}
