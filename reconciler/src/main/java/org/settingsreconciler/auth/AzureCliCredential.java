package org.settingsreconciler.auth;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.settingsreconciler.graph.CredentialException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reuses the Azure CLI's sign-in: runs {@code az account get-access-token --scope <cloud>/.default} and takes the
 * token from its JSON. The token is whatever {@code az login} made: delegated for a user, app-only for a service
 * principal. Note that the Azure CLI's own app has a fixed set of Graph permissions; the permission preflight says
 * when it lacks one.
 */
final class AzureCliCredential extends CachedCredential {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long TIMEOUT_SECONDS = 60;

  private final SignInContext s;
  private final Path az;

  AzureCliCredential(SignInContext s) throws CredentialException {
    super(s.clock());
    this.s = s;
    this.az =
        find(s)
            .orElseThrow(
                () -> new CredentialException(
                    "azure-cli sign-in needs the Azure CLI (az) on the PATH, signed in with `az login`"));
  }

  /** The az executable on the PATH of the CLI's environment. */
  static Optional<Path> find(SignInContext s) {
    String path = s.env().get("PATH");
    if (path == null) {
      path = s.env().get("Path"); // Windows spells it so
    }
    if (path == null) {
      return Optional.empty();
    }
    boolean windows = File.pathSeparatorChar == ';';
    List<String> names = windows ? List.of("az.cmd", "az.exe", "az.bat") : List.of("az");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      for (String name : names) {
        Path p = Path.of(dir, name);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  protected AccessToken fetch() throws CredentialException {
    List<String> command = new ArrayList<>(List.of(
        az.toString(), "account", "get-access-token", "--output", "json", "--scope", s.cloud().scope()));
    if (s.tenant() != null) {
      command.add("--tenant");
      command.add(s.tenant());
    }
    ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
    pb.environment().clear();
    pb.environment().putAll(s.env());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new CredentialException("cannot run the Azure CLI (" + az + "): " + e.getClass().getSimpleName());
    }
    CompletableFuture<String> out = drain(p.getInputStream());
    CompletableFuture<String> err = drain(p.getErrorStream());
    try {
      p.getOutputStream().close();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new CredentialException("the Azure CLI did not answer within " + TIMEOUT_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        throw new CredentialException("the Azure CLI could not get a Graph token: " + errorLine(err.join()));
      }
      return parse(out.join());
    } catch (IOException e) {
      throw new CredentialException("cannot run the Azure CLI: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new CredentialException("interrupted while waiting for the Azure CLI");
    }
  }

  private AccessToken parse(String json) throws CredentialException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new CredentialException("the Azure CLI answered with something other than JSON");
    }
    JsonNode token = root == null ? null : root.get("accessToken");
    if (token == null || !token.isString() || token.asString().isBlank()) {
      throw new CredentialException("the Azure CLI answered without an access token");
    }
    return new AccessToken(token.asString(), expiry(root));
  }

  /** {@code expires_on} (epoch seconds, az 2.54 and later), else {@code expiresOn} (local time), else 5 minutes. */
  private Instant expiry(JsonNode root) {
    JsonNode epoch = root.get("expires_on");
    if (epoch != null && (epoch.isNumber() || epoch.isString())) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(epoch.asString().trim()));
      } catch (NumberFormatException ignored) {
        // fall through
      }
    }
    JsonNode local = root.get("expiresOn");
    if (local != null && local.isString()) {
      try {
        return LocalDateTime.parse(local.asString().trim(), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]"))
            .atZone(ZoneId.systemDefault())
            .toInstant();
      } catch (DateTimeParseException ignored) {
        // fall through
      }
    }
    return clock().instant().plusSeconds(300);
  }

  /** The first line az wrote that says something ("ERROR: Please run 'az login' ..."), without secrets. */
  private String errorLine(String stderr) {
    for (String line : stderr.split("\\R")) {
      String l = line.strip();
      if (!l.isEmpty() && !l.toLowerCase(Locale.ROOT).startsWith("warning")) {
        return l.length() > 300 ? l.substring(0, 300) + "..." : l;
      }
    }
    return "exit code without a message; is `az login` done?";
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }

  @Override
  public AuthMethod method() {
    return AuthMethod.AZURE_CLI;
  }

  @Override
  public String description() {
    return "Azure CLI sign-in (" + az + ")";
  }
}
