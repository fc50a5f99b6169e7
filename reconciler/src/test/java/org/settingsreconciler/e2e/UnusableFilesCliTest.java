package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.e2e.WireHarness.Run;

/**
 * Wherever the tool takes a path, anything but a regular file (or a directory where one is allowed) is refused with
 * a clear error, exit 1, nothing sent and no stack trace; reads are capped by kind. Before: {@code /dev/zero} as a
 * var file, saved plan or certificate ran out of memory, a named pipe hung the run, and {@code --sandbox-state} on a
 * device, pipe or link replaced it with a JSON file, even from {@code plan}. A hang fails the test by its timeout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnusableFilesCliTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;
  private Path fifo;
  private Path desired;

  @BeforeEach
  void files() throws Exception {
    h = new WireHarness(wm, dir);
    desired = h.yaml("desired.yaml", "people:\n  pronouns:\n    isEnabledInOrganization: true\n");
    fifo = dir.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed to make a named pipe");
  }

  private static Path devZero() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "the platform has no /dev/zero");
    return zero;
  }

  /** Runs against WireMock; nothing is stubbed, so every request would fail the test as well. */
  private Run refused(String... args) {
    Run r = h.graph(args);
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    h.verifyNoRequests();
    return r;
  }

  private Run refusedInSandbox(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--sandbox");
    Run r = h.runWith(Map.of(), all.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    return r;
  }

  @Test
  void desiredStateThatIsAPipeOrADeviceIsRefusedByName() throws Exception {
    assertThat(refused("plan", fifo.toString()).err())
        .contains(fifo + ":1:1: not a regular file: it is a named pipe (FIFO)")
        .contains("nothing was sent");
    assertThat(refused("plan", devZero().toString()).err())
        .contains("/dev/zero:1:1: not a regular file: it is a character device");
    Path settings = Files.createDirectories(dir.resolve("settings"));
    Files.copy(desired, settings.resolve("a.yaml"));
    Process mkfifo = new ProcessBuilder("mkfifo", settings.resolve("b.yaml").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    assertThat(refused("plan", settings.toString()).err())
        .as("a pipe named *.yaml in a directory is refused, not skipped")
        .contains(settings.resolve("b.yaml") + ":1:1: not a regular file: it is a named pipe");
  }

  @Test
  void varFilesThatArePipesOrDevicesAreRefused() {
    assertThat(refused("plan", desired.toString(), "--var-file", fifo.toString()).err())
        .contains(fifo + ":1:1: not a regular file: it is a named pipe (FIFO) (a YAML file must be a regular file)");
    assertThat(refused("plan", desired.toString(), "--var-file", devZero().toString()).err())
        .contains("/dev/zero:1:1: not a regular file: it is a character device");
  }

  @Test
  void savedPlansThatArePipesDevicesOrTooLargeAreRefused() throws Exception {
    assertThat(refused("apply", "--plan", devZero().toString(), "--auto-approve").err())
        .contains("error: cannot read the plan /dev/zero: not a regular file: it is a character device");
    assertThat(refused("apply", "--plan", fifo.toString(), "--auto-approve").err())
        .contains("error: cannot read the plan " + fifo + ": not a regular file: it is a named pipe");
    Path huge = dir.resolve("huge-plan.json");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(300L * 1024 * 1024); // sparse: no disk is used
    }
    assertThat(refused("apply", "--plan", huge.toString(), "--auto-approve").err())
        .contains("cannot read the plan " + huge + ": larger than 256 MiB, the most a plan file may hold");
  }

  @Test
  void certificatesAndFederatedTokensThatArePipesOrDevicesAreRefusedBeforeSignIn() throws Exception {
    Map<String, String> app = Map.of("AZURE_TENANT_ID", "contoso.onmicrosoft.com",
        "AZURE_CLIENT_ID", "11111111-2222-3333-4444-555555555555",
        "AZURE_AUTHORITY_HOST", "https://127.0.0.1:1");
    Map<String, String> certificate = new java.util.HashMap<>(app);
    certificate.put("AZURE_CLIENT_CERTIFICATE_PATH", devZero().toString());
    Run zero = h.runWith(certificate, "plan", desired.toString(), "--graph-url", h.graphUrl());
    assertThat(zero.exit()).isEqualTo(1);
    assertThat(zero.err()).contains("cannot read the certificate file /dev/zero (AZURE_CLIENT_CERTIFICATE_PATH): "
        + "not a regular file: it is a character device");

    Path big = dir.resolve("big.pem");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(2L * 1024 * 1024);
    }
    certificate.put("AZURE_CLIENT_CERTIFICATE_PATH", big.toString());
    assertThat(h.runWith(certificate, "plan", desired.toString(), "--graph-url", h.graphUrl()).err())
        .contains("larger than 1 MiB, the most a certificate file may hold");

    Map<String, String> federated = new java.util.HashMap<>(app);
    federated.put("AZURE_FEDERATED_TOKEN_FILE", fifo.toString());
    Run pipe = h.runWith(federated, "plan", desired.toString(), "--graph-url", h.graphUrl());
    assertThat(pipe.exit()).isEqualTo(1);
    assertThat(pipe.err()).contains("cannot read the federated token file " + fifo
        + " (AZURE_FEDERATED_TOKEN_FILE): not a regular file: it is a named pipe");
    h.verifyNoRequests();
  }

  @Test
  void aTenantFileThatIsAPipeIsRefused() throws Exception {
    Path tenant = Files.createDirectories(dir.resolve("tenants/prod"));
    Process mkfifo = new ProcessBuilder("mkfifo", tenant.resolve("tenant.yaml").toString()).start();
    assertThat(mkfifo.waitFor()).isZero();

    Run r = refusedInSandbox("plan", tenant.toString());

    assertThat(r.err()).contains(tenant.resolve("tenant.yaml") + ":1:1: not a regular file: it is a named pipe");
  }

  @Test
  void reportAndOutputPathsThatAreNotRegularFilesAreRefusedBeforeAnythingIsSent() throws Exception {
    Path target = Files.writeString(dir.resolve("target.txt"), "keep me\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);
    Path fifoMd = dir.resolve("check.md");
    Process mkfifo = new ProcessBuilder("mkfifo", fifoMd.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();

    assertThat(refused("check", desired.toString(), "--report", fifoMd.toString()).err())
        .contains("Invalid value for option '--report' (FILE): " + fifoMd + ": not a regular file: it is a named pipe");
    assertThat(refused("plan", desired.toString(), "--out", link.toString()).err())
        .contains(link + ": not a regular file: it is a symbolic link, which is never replaced");
    assertThat(refused("apply", desired.toString(), "--auto-approve", "--report", link.toString()).err())
        .contains("it is a symbolic link");
    assertThat(refused("export", "--out", "/dev/null").err())
        .contains("/dev/null: not a regular file: it is a character device");
    assertThat(refused("export", "--out", dir.toString()).err()).contains("it is a directory");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(target).hasContent("keep me");
  }

  @Test
  void aSandboxStateThatIsAPipeADeviceOrALinkIsRefusedAndLeftAlone() throws Exception {
    Path target = Files.writeString(dir.resolve("elsewhere.json"), "{\"not\": \"a sandbox\"}");
    Path link = Files.createSymbolicLink(dir.resolve("state.json"), target);
    for (String command : List.of("plan", "apply")) {
      List<String> args = new ArrayList<>(List.of(command, desired.toString()));
      if (command.equals("apply")) {
        args.add("--auto-approve");
      }
      for (Path state : List.of(fifo, Path.of("/dev/null"), link)) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--sandbox-state", state.toString()));
        Run r = refusedInSandbox(all.toArray(String[]::new));
        assertThat(r.err()).as(command + " " + state)
            .contains("error: cannot start the sandbox: sandbox state file " + state.toAbsolutePath()
                + ": not a regular file: it is");
      }
    }
    assertThat(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther())
        .as("still a named pipe").isTrue();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(target).hasContent("{\"not\": \"a sandbox\"}");
  }

  @Test
  void onlyApplyWritesTheSandboxState() throws Exception {
    Path state = dir.resolve("tenant.json");
    for (String[] args : List.of(new String[] {"plan", desired.toString()},
        new String[] {"check", desired.toString()}, new String[] {"export"})) {
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(List.of("--sandbox", "--sandbox-state", state.toString()));
      Run r = h.runWith(Map.of(), all.toArray(String[]::new));
      assertThat(r.exit()).as(r.err()).isIn(0, 2);
      assertThat(state).as(args[0] + " creates no state file").doesNotExist();
    }

    Run applied = h.runWith(Map.of(), "apply", desired.toString(), "--auto-approve", "--sandbox", "--sandbox-state",
        state.toString());
    assertThat(applied.exit()).as(applied.err()).isZero();
    String afterApply = Files.readString(state);
    Files.setLastModifiedTime(state, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

    for (String[] args : List.of(new String[] {"plan", desired.toString()},
        new String[] {"check", desired.toString()}, new String[] {"export"})) {
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(List.of("--sandbox", "--sandbox-state", state.toString()));
      Run r = h.runWith(Map.of(), all.toArray(String[]::new));
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(state).as(args[0] + " leaves the state file alone").hasContent(afterApply);
      assertThat(Files.getLastModifiedTime(state)).isEqualTo(FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    }
  }
}
