package org.settingsreconciler.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.settingsreconciler.secrets.Secrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.graph.CredentialException;

/** {@code --auth auto}: the documented order, decided by what the environment holds, with nothing sent. */
class CredentialChainTest {

  @TempDir Path tmp;

  @Test
  void autoTakesTheFirstMethodTheEnvironmentOffersInTheDocumentedOrder() throws Exception {
    Map<String, String> env = everything();

    assertThat(auto(env)).isEqualTo(AuthMethod.TOKEN);
    env.remove("RECONCILER_ACCESS_TOKEN");
    assertThat(auto(env)).isEqualTo(AuthMethod.CLIENT_SECRET);
    env.remove("AZURE_CLIENT_SECRET");
    assertThat(auto(env)).isEqualTo(AuthMethod.CERTIFICATE);
    env.remove("AZURE_CLIENT_CERTIFICATE_PATH");
    assertThat(auto(env)).isEqualTo(AuthMethod.WORKLOAD_IDENTITY);
    env.remove("AZURE_FEDERATED_TOKEN_FILE");
    assertThat(auto(env)).as("GitHub's OIDC variables").isEqualTo(AuthMethod.WORKLOAD_IDENTITY);
    env.remove("ACTIONS_ID_TOKEN_REQUEST_URL");
    assertThat(auto(env)).isEqualTo(AuthMethod.MANAGED_IDENTITY);
    env.remove("IDENTITY_ENDPOINT");
    assertThat(auto(env)).as("the sign-in saved by login").isEqualTo(AuthMethod.DEVICE_CODE);
    Files.delete(TokenCacheFile.defaultPath(env).orElseThrow());
    assertThat(auto(env)).isEqualTo(AuthMethod.AZURE_CLI);
    env.put("PATH", tmp.resolve("empty").toString());
    assertThatThrownBy(() -> auto(env))
        .isInstanceOf(CredentialException.class)
        .hasMessageStartingWith("no credentials found")
        .hasMessageContaining("`reconciler login`")
        .hasMessageContaining("--sandbox");
  }

  @Test
  void gitHubsVariablesAloneDoNotMakeAutoPickWorkloadIdentity() throws Exception {
    // Every GitHub job with id-token: write has them; without AZURE_CLIENT_ID they are not meant for this tool.
    Map<String, String> env = new HashMap<>(base());
    env.put("ACTIONS_ID_TOKEN_REQUEST_URL", "https://example.invalid/oidc");
    env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "request-token");
    makeAz(env);

    assertThat(auto(env)).isEqualTo(AuthMethod.AZURE_CLI);
  }

  @Test
  void aLoginForAnotherCloudIsNotUsed() throws Exception {
    Map<String, String> env = new HashMap<>(base());
    saveLogin(env, Cloud.global);

    SignInContext usgov = SignInContext.of(AuthMethod.AUTO, null, Cloud.usgov, env, quiet(), false, new Secrets());
    assertThatThrownBy(() -> CredentialChain.select(usgov)).hasMessageStartingWith("no credentials found");
  }

  @Test
  void aNamedMethodSaysWhatItNeeds() {
    Map<String, String> env = base();
    assertThatThrownBy(() -> select(AuthMethod.TOKEN, env)).hasMessage(
        "token sign-in needs RECONCILER_ACCESS_TOKEN (a Graph access token)");
    assertThatThrownBy(() -> select(AuthMethod.CERTIFICATE, env)).hasMessageContaining("needs the tenant");
    assertThatThrownBy(() -> select(AuthMethod.WORKLOAD_IDENTITY, with(env, "AZURE_TENANT_ID", "t", "AZURE_CLIENT_ID", "c")))
        .hasMessageContaining("workload-identity sign-in needs AZURE_FEDERATED_TOKEN_FILE, or GitHub Actions'");
    assertThatThrownBy(() -> select(AuthMethod.DEVICE_CODE, env)).hasMessageContaining("needs AZURE_CLIENT_ID");
  }

  @Test
  void methodsOtherThanDeviceCodeNeverReadTheSavedSignIn() throws Exception {
    // An unreadable token cache (here a directory where the file belongs) stops only what needs the cache.
    Map<String, String> env = with(base(), "RECONCILER_ACCESS_TOKEN", "token");
    Files.createDirectories(TokenCacheFile.defaultPath(env).orElseThrow());

    assertThat(auto(env)).isEqualTo(AuthMethod.TOKEN);
    assertThat(select(AuthMethod.TOKEN, env).method()).isEqualTo(AuthMethod.TOKEN);
    assertThatThrownBy(() -> select(AuthMethod.DEVICE_CODE, with(env, "AZURE_CLIENT_ID", TestJwt.CLIENT_ID)))
        .hasMessageContaining("cannot read the token cache");
  }

  private Map<String, String> everything() throws Exception {
    Map<String, String> env = new HashMap<>(base());
    env.put("RECONCILER_ACCESS_TOKEN", "token");
    env.put("AZURE_TENANT_ID", TestJwt.TENANT);
    env.put("AZURE_CLIENT_ID", TestJwt.CLIENT_ID);
    env.put("AZURE_CLIENT_SECRET", "secret");
    env.put("AZURE_CLIENT_CERTIFICATE_PATH", Path.of("src/test/resources/auth/client-cert.pem").toAbsolutePath().toString());
    env.put("AZURE_FEDERATED_TOKEN_FILE", tmp.resolve("federated").toString());
    env.put("ACTIONS_ID_TOKEN_REQUEST_URL", "https://example.invalid/oidc");
    env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", "request-token");
    env.put("IDENTITY_ENDPOINT", "http://localhost:1/msi/token");
    env.put("IDENTITY_HEADER", "header");
    saveLogin(env, Cloud.global);
    makeAz(env);
    return env;
  }

  private Map<String, String> base() {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", tmp.resolve("home").toString());
    env.put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
    env.put("PATH", tmp.resolve("bin").toString());
    return env;
  }

  private void saveLogin(Map<String, String> env, Cloud cloud) {
    TokenCacheFile.open(TokenCacheFile.defaultPath(env).orElseThrow())
        .saveLogin(new SavedLogin(TestJwt.CLIENT_ID, "organizations", cloud, cloud.authorityHost(),
            "admin@contoso.com", "oid." + TestJwt.TENANT));
  }

  private void makeAz(Map<String, String> env) throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path az = bin.resolve("az");
    Files.writeString(az, "#!/bin/sh\nexit 1\n");
    Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwxr-xr-x"));
    env.put("PATH", bin.toString());
  }

  private static Map<String, String> with(Map<String, String> env, String... pairs) {
    Map<String, String> out = new HashMap<>(env);
    for (int i = 0; i < pairs.length; i += 2) {
      out.put(pairs[i], pairs[i + 1]);
    }
    return out;
  }

  private static AuthMethod auto(Map<String, String> env) throws CredentialException {
    return select(AuthMethod.AUTO, env).method();
  }

  private static Credential select(AuthMethod m, Map<String, String> env) throws CredentialException {
    return CredentialChain.select(SignInContext.of(m, null, Cloud.global, env, quiet(), false, new Secrets()));
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream());
  }
}
