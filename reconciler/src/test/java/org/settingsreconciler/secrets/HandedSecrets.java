package org.settingsreconciler.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.secrets.Secrets;
import org.settingsreconciler.secrets.SecretShapes;
import org.settingsreconciler.load.VarFile;

/**
 * The secrets among what a test hands one CLI run, judged the way the tool judges them: the environment variables
 * it signs in with, and the federated token in the file one names, are credentials; a variable's value
 * ({@code ${env:}}, {@code --var}, {@code --var-file}) is a secret when {@link SecretShapes} says it looks like one.
 * A tenant's {@code variables:} in tenant.yaml are not read here; tests that put secrets there register them
 * themselves.
 */
final class HandedSecrets {

  private HandedSecrets() {}

  static List<Secret> of(Map<String, String> env, String... args) {
    List<Secret> out = new ArrayList<>();
    federatedToken(env.get("AZURE_FEDERATED_TOKEN_FILE"), out);
    env.forEach((name, value) -> {
      if (value == null || value.isBlank()) {
        return;
      }
      if (signsInWith(name)) {
        out.add(new Secret(value, name + " in the environment", Secret.Kind.CREDENTIAL));
      } else if ((SecretShapes.looksSecret(null, value) || SecretShapes.looksSecret(name, value))
          && !namesAPlace(name, value)) {
        out.add(new Secret(value, name + " in the environment", Secret.Kind.VARIABLE_VALUE));
      }
    });
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String next = i + 1 < args.length ? args[i + 1] : null;
      if (arg.equals("--var") && next != null) {
        variable(next, "--var", out);
      } else if (arg.startsWith("--var=")) {
        variable(arg.substring("--var=".length()), "--var", out);
      } else if (arg.equals("--var-file") && next != null) {
        varFile(Path.of(next), out);
      } else if (arg.startsWith("--var-file=")) {
        varFile(Path.of(arg.substring("--var-file=".length())), out);
      }
    }
    return out;
  }

  /**
   * The variables the tool signs in with, also in a fleet's per-tenant form ({@code RECONCILER_ACCESS_TOKEN_PROD}).
   */
  private static boolean signsInWith(String name) {
    return Secrets.CREDENTIAL_VARIABLES.stream().anyMatch(v -> name.equals(v) || name.startsWith(v + "_"));
  }

  /**
   * A variable that names a place, not a secret, though its name or its value's shape sounds like one: the path in
   * {@code AZURE_FEDERATED_TOKEN_FILE} or {@code AZURE_CLIENT_CERTIFICATE_PATH} and the URL in
   * {@code ACTIONS_ID_TOKEN_REQUEST_URL} may be printed, and are. A path can have a token's shape: in a checkout
   * under {@code mktemp -d} (/tmp/tmp.Xy3kQ9aB1z/...) it mixes cases and digits with a key's entropy.
   */
  private static boolean namesAPlace(String name, String value) {
    return name.matches(".*_(FILE|PATH|URL|URI|ENDPOINT|DIR|HOME)") || isExistingPath(value);
  }

  private static boolean isExistingPath(String value) {
    try {
      return value.startsWith("/") && Files.exists(Path.of(value));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** Workload identity's client assertion comes in a file the environment names. */
  private static void federatedToken(String file, List<Secret> out) {
    if (file == null || !Files.isRegularFile(Path.of(file))) {
      return;
    }
    try {
      String token = Files.readString(Path.of(file)).strip();
      if (!token.isEmpty()) {
        out.add(new Secret(token, "the federated token in AZURE_FEDERATED_TOKEN_FILE", Secret.Kind.CREDENTIAL));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void variable(String assignment, String origin, List<Secret> out) {
    int eq = assignment.indexOf('=');
    if (eq > 0) {
      String name = assignment.substring(0, eq);
      String value = assignment.substring(eq + 1);
      if (SecretShapes.looksSecret(name, value)) {
        out.add(new Secret(value, origin + " " + name, Secret.Kind.VARIABLE_VALUE));
      }
    }
  }

  private static void varFile(Path file, List<Secret> out) {
    if (!Files.isRegularFile(file)) {
      return;
    }
    VarFile.read(file, new ArrayList<>()).forEach((name, value) -> {
      if (SecretShapes.looksSecret(name, value)) {
        out.add(new Secret(value, name + " in --var-file " + file.getFileName(), Secret.Kind.VARIABLE_VALUE));
      }
    });
  }
}
