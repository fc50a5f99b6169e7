package org.settingsreconciler.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rates remembered between runs: per Graph root, tenant and app, owner-only, forgotten after their age. */
class RateMemoryTest {

  private static final String ROOT = "https://graph.microsoft.com";
  private static final String TENANT = "0f2e4d6c-1111-4a2b-8c3d-9e8f7a6b5c4d";
  private static final String APP = "7a1b2c3d-2222-4e5f-8a9b-0c1d2e3f4a5b";
  private static final Instant T0 = Instant.parse("2026-12-05T02:00:00Z");

  @TempDir Path config;

  private RateMemory memory(Instant now, Map<String, String> more, String tenant, String app) {
    Map<String, String> env = new java.util.HashMap<>(Map.of("XDG_CONFIG_HOME", config.toString()));
    env.putAll(more);
    return RateMemory.open(env, Clock.fixed(now, ZoneOffset.UTC), ROOT, tenant, app).orElseThrow();
  }

  private RateMemory memory(Instant now) {
    return memory(now, Map.of(), TENANT, APP);
  }

  @Test
  void whatOneRunLearnsTheNextStartsAt() throws IOException {
    memory(T0).write(Map.of("users", 450.0, "admin", 30.0));

    assertThat(memory(T0.plus(Duration.ofHours(1))).read()).containsExactlyInAnyOrderEntriesOf(
        Map.of("users", 450.0, "admin", 30.0));
  }

  @Test
  void aWorkloadTheLaterRunDidNotLearnKeepsItsEntry() throws IOException {
    memory(T0).write(Map.of("users", 450.0, "admin", 30.0));
    memory(T0.plus(Duration.ofHours(2))).write(Map.of("users", 400.0));

    assertThat(memory(T0.plus(Duration.ofHours(3))).read()).containsExactlyInAnyOrderEntriesOf(
        Map.of("users", 400.0, "admin", 30.0));
  }

  @Test
  void anEntryOlderThanADayIsNotUsedAndTheAgeCanBeSet() throws IOException {
    memory(T0).write(Map.of("users", 450.0));

    assertThat(memory(T0.plus(Duration.ofHours(23))).read()).containsKey("users");
    assertThat(memory(T0.plus(Duration.ofHours(24))).read()).isEmpty();
    assertThat(memory(T0.plus(Duration.ofHours(3)), Map.of(RateMemory.HOURS, "2"), TENANT, APP).read()).isEmpty();
  }

  @Test
  void zeroHoursSwitchesTheMemoryOffAndNonsenseIsRefused() {
    Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString(), RateMemory.HOURS, "0");
    assertThat(RateMemory.open(env, Clock.systemUTC(), ROOT, TENANT, APP)).isEmpty();
    assertThatThrownBy(() -> RateMemory.maxAge(Map.of(RateMemory.HOURS, "a week")))
        .isInstanceOf(UserError.class).hasMessageContaining(RateMemory.HOURS);
  }

  @Test
  void eachTenantAndAppHasItsOwn() throws IOException {
    memory(T0).write(Map.of("users", 450.0));

    assertThat(memory(T0, Map.of(), "another-tenant", APP).read()).isEmpty();
    assertThat(memory(T0, Map.of(), TENANT, "another-app").read()).isEmpty();
    assertThat(memory(T0, Map.of(), TENANT.toUpperCase(), APP).read()).containsKey("users");
  }

  @Test
  void theFileIsTheOwnersOnlyAndHoldsNoSecret() throws IOException {
    RateMemory m = memory(T0);
    m.write(Map.of("users", 450.04));

    Path file = m.file();
    assertThat(file.getParent()).isEqualTo(config.resolve("settings-reconciler"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    String text = Files.readString(file);
    assertThat(text).contains("\"requestsPerSecond\" : 450.0", "\"learnedAt\" : \"2026-12-05T02:00:00Z\"", TENANT, APP,
        ROOT);
  }

  @Test
  void aDamagedFileIsAFirstRun() throws IOException {
    RateMemory m = memory(T0);
    Files.createDirectories(m.file().getParent());
    Files.writeString(m.file(), "{\"workloads\": {\"users\": {\"requestsPerSecond\": \"fast\"}}");

    assertThat(m.read()).isEmpty();
    m.write(Map.of("users", 300.0));
    assertThat(memory(T0).read()).containsEntry("users", 300.0);
  }
  @Test
  void aLearnedAtAtTheEndOfTimeIsNoRateAndTheFileIsStillRewritten() throws IOException {
    RateMemory m = memory(T0);
    Files.createDirectories(m.file().getParent());
    Files.writeString(m.file(), "{\"workloads\": {\"users\": {\"requestsPerSecond\": 50, "
        + "\"learnedAt\": \"+1000000000-12-31T23:59:59Z\"}}}");

    assertThat(m.read()).isEmpty();
    m.write(Map.of("admin", 30.0));
    assertThat(memory(T0).read()).containsExactlyInAnyOrderEntriesOf(Map.of("admin", 30.0));
  }

  @Test
  void aFileTooLargeToBeOneIsNone() throws IOException {
    RateMemory m = memory(T0);
    Files.createDirectories(m.file().getParent());
    try (var sparse = new java.io.RandomAccessFile(m.file().toFile(), "rw")) {
      sparse.setLength(3L << 30); // sparse: takes no disk, but no array holds it
    }

    assertThat(m.read()).isEmpty();
    m.write(Map.of("users", 300.0));
    assertThat(memory(T0).read()).containsEntry("users", 300.0);
  }

  @Test
  void aKeyThatIsNoWorkloadNameIsDroppedSoNothingOfItReachesTheDebugOutput() throws IOException {
    RateMemory m = memory(T0);
    Files.createDirectories(m.file().getParent());
    Files.writeString(m.file(), "{\"workloads\": {"
        + "\"users\": {\"requestsPerSecond\": 50, \"learnedAt\": \"2026-12-05T01:00:00Z\"},"
        + "\"x\\u001b]0;owned\\u0007\\ndebug: fake\": {\"requestsPerSecond\": 50, \"learnedAt\": \"2026-12-05T01:00:00Z\"}}}");

    assertThat(m.read()).containsOnlyKeys("users");
  }
  /** A named pipe where the file should be: reading it would wait for a writer that never comes, and the run with it. */
  @Test
  @org.junit.jupiter.api.Timeout(value = 20, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aNamedPipeInItsPlaceIsNoMemoryAndDoesNotHoldTheRunUp() throws Exception {
    RateMemory m = memory(T0);
    Files.createDirectories(m.file().getParent());
    Process mkfifo = new ProcessBuilder("mkfifo", m.file().toString()).inheritIO().start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed to make a named pipe");

    assertThat(m.read()).isEmpty();
  }

  @Test
  void aLinkInItsPlaceIsNotFollowed() throws IOException {
    Path elsewhere = config.resolve("elsewhere.json");
    RateMemory m = memory(T0);
    Files.writeString(elsewhere, "{\"workloads\": {\"users\": {\"requestsPerSecond\": 2, "
        + "\"learnedAt\": \"2026-12-05T01:00:00Z\"}}}");
    Files.createDirectories(m.file().getParent());
    Files.createSymbolicLink(m.file(), elsewhere);

    assertThat(m.read()).isEmpty();
    assertThatThrownBy(() -> m.write(Map.of("users", 300.0))).isInstanceOf(IOException.class);
    assertThat(Files.readString(elsewhere)).contains("\"requestsPerSecond\": 2");
  }
  @Test
  void aFileOthersMayWriteIsNotTrustedAndIsRewrittenOwnerOnly() throws IOException {
    RateMemory m = memory(T0);
    m.write(Map.of("users", 450.0));
    Files.setPosixFilePermissions(m.file(), PosixFilePermissions.fromString("rw-rw-rw-"));

    assertThat(memory(T0).read()).isEmpty();
    m.write(Map.of("admin", 30.0));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(m.file()))).isEqualTo("rw-------");
    assertThat(memory(T0).read()).containsOnlyKeys("admin");
  }
}
