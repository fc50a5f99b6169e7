package org.settingsreconciler.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.auth.AuthFixture.Run;

/**
 * Azure CLI sign-in: a stand-in {@code az} on the CLI environment's PATH records its arguments and prints what
 * {@code az account get-access-token} prints.
 */
class AzureCliSignInTest {

  @TempDir Path tmp;
  AuthFixture f;

  @BeforeEach
  void start() throws Exception {
    f = new AuthFixture(tmp);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void autoUsesTheAzureCliTokenForTheCloudsGraph() throws Exception {
    String token = TestJwt.delegated("PeopleSettings.ReadWrite.All", "User.Read");
    f.secrets.add(token);
    fakeAz(0, "{\"accessToken\":\"" + token + "\",\"expiresOn\":\"2099-01-01 00:00:00.000000\",\"expires_on\":"
        + Instant.now().plusSeconds(3600).getEpochSecond() + ",\"tenant\":\"" + TestJwt.TENANT
        + "\",\"tokenType\":\"Bearer\"}", "");
    f.stubPronouns(true);
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run run = f.cli(f.env(), "plan", yaml.toString(), "--tenant", "contoso.onmicrosoft.com", "--graph-url",
        f.graphUrl());

    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).contains("Signed in with Azure CLI sign-in").contains("delegated token of admin@contoso.com");
    assertThat(Files.readString(tmp.resolve("bin/az-args.txt")).strip())
        .isEqualTo("account get-access-token --output json --scope https://graph.microsoft.com/.default "
            + "--tenant contoso.onmicrosoft.com");
    assertThat(f.graphRequests()).singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + token));
  }

  @Test
  void aCliThatIsNotSignedInSaysSo() throws Exception {
    fakeAz(1, "", "WARNING: something\nERROR: Please run 'az login' to setup account.");
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run run = f.cli(f.env(), "plan", yaml.toString(), "--auth", "azure-cli", "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains("the Azure CLI could not get a Graph token: ERROR: Please run 'az login' to setup account.");
    assertThat(f.graphRequests()).isEmpty();
  }

  @Test
  void aTokenForAnotherResourceIsRefusedBeforeAnyRequest() throws Exception {
    java.util.Map<String, Object> claims = TestJwt.base();
    claims.put("aud", "https://management.core.windows.net/");
    claims.put("scp", "user_impersonation");
    String arm = TestJwt.of(claims);
    f.secrets.add(arm);
    fakeAz(0, "{\"accessToken\":\"" + arm + "\",\"expires_on\":" + Instant.now().plusSeconds(3600).getEpochSecond()
        + "}", "");
    Path yaml = f.yaml("people.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");

    Run run = f.cli(f.env(), "plan", yaml.toString(), "--auth", "azure-cli", "--graph-url", f.graphUrl());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("the access token is for https://management.core.windows.net/, not Microsoft Graph");
    assertThat(f.graphRequests()).isEmpty();
  }

  @Test
  void withoutAzOnThePathAzureCliIsNotAvailable() {
    Run run = f.cli(f.env(), "plan", "--auth", "azure-cli", "../examples");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("azure-cli sign-in needs the Azure CLI (az) on the PATH");
  }

  /** An az that prints {@code stdout} and {@code stderr} and exits with {@code code}. */
  private void fakeAz(int code, String stdout, String stderr) throws Exception {
    Path bin = tmp.resolve("bin");
    Files.writeString(bin.resolve("az-out.txt"), stdout);
    Files.writeString(bin.resolve("az-err.txt"), stderr);
    Path az = bin.resolve("az");
    // The CLI's PATH holds only this directory: the script names everything else absolutely.
    Files.writeString(az, "#!/bin/sh\n"
        + "dir='" + bin + "'\n"
        + "echo \"$@\" > \"$dir/az-args.txt\"\n"
        + "/bin/cat \"$dir/az-out.txt\"\n"
        + "/bin/cat \"$dir/az-err.txt\" >&2\n"
        + "exit " + code + "\n");
    Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
