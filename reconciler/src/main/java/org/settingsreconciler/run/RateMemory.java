package org.settingsreconciler.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.settingsreconciler.files.ConfigDir;
import org.settingsreconciler.files.UserFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rates Graph taught earlier runs, so that the next run against the same tenant, as the same app, starts each
 * workload at its rate rather than at full speed into a throttle. One small owner-only JSON file per Graph root,
 * tenant and app (client id) in the tool's config directory, beside the sign-in and the ledger of recent creates:
 * {@code learned-rates-<digest>.json}, holding per workload the requests a second it was sent at when the run ended
 * and when that was. It holds no token, secret or setting: the Graph root (without any user and password), the tenant
 * and app ids, workload names and numbers. An entry older than {@value #HOURS} (hours; default 24, 0 switches the
 * memory off) is not used: the tenant's budget is shared with its other apps, whose load changes. A remembered rate is
 * learned on as any other: each throttle cuts it by a tenth, each second without one raises it. Runs at once write the
 * file whole, the last one to end winning; a missing or damaged file only costs a run started at full speed.
 */
public final class RateMemory {

  /**
   * The names of the memory's files in the config directory, as a glob: what a CI cache keeps between jobs (the
   * GitHub Action's action.yml does), since a runner starts with an empty home.
   */
  public static final String FILES = "learned-rates-*.json";

  static final String HOURS = "RECONCILER_RATE_MEMORY_HOURS";
  static final Duration DEFAULT_AGE = Duration.ofHours(24);

  /** How far ahead of this machine's clock another's may have been when it wrote an entry. */
  private static final Duration SKEW = Duration.ofMinutes(5);
  /** What {@link org.settingsreconciler.graph.GraphClient} names workloads by: a lower-case path segment. */
  private static final java.util.regex.Pattern WORKLOAD = java.util.regex.Pattern.compile("[a-z0-9$._~-]{1,100}");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path file;
  private final String graphRoot;
  private final String tenant;
  private final String app;
  private final Duration maxAge;
  private final Clock clock;

  private RateMemory(Path file, String graphRoot, String tenant, String app, Duration maxAge, Clock clock) {
    this.file = file;
    this.graphRoot = graphRoot;
    this.tenant = tenant;
    this.app = app;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /**
   * The memory of one Graph root, tenant and app; empty when the environment names no config directory or switches
   * the memory off.
   *
   * @param graphRoot the Graph root without user info or version
   * @param tenant the tenant id as far as it is known, or null
   * @param app the app (client) id as far as it is known, or null
   * @throws UserError when {@value #HOURS} is not a number of hours from 0 to 720
   */
  static Optional<RateMemory> open(RunContext ctx, String graphRoot, String tenant, String app) {
    return open(ctx.env(), ctx.clock(), graphRoot, tenant, app);
  }

  static Optional<RateMemory> open(
      Map<String, String> env, Clock clock, String graphRoot, String tenant, String app) {
    Duration maxAge = maxAge(env);
    Optional<Path> dir = ConfigDir.of(env);
    if (maxAge.isZero() || dir.isEmpty()) {
      return Optional.empty();
    }
    String t = tenant == null ? "" : tenant.toLowerCase(java.util.Locale.ROOT);
    String a = app == null ? "" : app.toLowerCase(java.util.Locale.ROOT);
    Path file = dir.get().resolve(FILES.replace("*", digest(graphRoot + "\n" + t + "\n" + a)));
    return Optional.of(new RateMemory(file, graphRoot, t, a, maxAge, clock));
  }

  static Duration maxAge(Map<String, String> env) {
    String v = env.get(HOURS);
    if (v == null || v.isBlank()) {
      return DEFAULT_AGE;
    }
    double hours;
    try {
      hours = Double.parseDouble(v.strip());
    } catch (NumberFormatException e) {
      hours = Double.NaN;
    }
    if (Double.isNaN(hours) || hours < 0 || hours > 720) {
      throw new UserError(HOURS + " must be a number of hours from 0 (off) to 720, such as 24, not '" + v + "'");
    }
    return Duration.ofSeconds(Math.round(hours * 3600));
  }

  Path file() {
    return file;
  }

  /** The rates still young enough to start at, per workload, in requests a second. */
  Map<String, Double> read() {
    Map<String, Double> out = new TreeMap<>();
    Instant now = clock.instant();
    entries().forEach((w, e) -> {
      if (e.at().plus(maxAge).isAfter(now)) {
        out.put(w, e.perSecond());
      }
    });
    return out;
  }

  /**
   * Remembers the rates this run ended at, now; the entries of workloads it did not learn stay as they were, and
   * those past their age are dropped.
   */
  void write(Map<String, Double> learned) throws IOException {
    if (learned.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Map<String, Entry> all = new TreeMap<>(entries());
    all.values().removeIf(e -> !e.at().plus(maxAge).isAfter(now));
    learned.forEach((w, perSecond) -> all.put(w, new Entry(perSecond, now)));
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", 1);
    root.put("note", "settings-reconciler: the requests a second Graph let each workload through at, so that the next "
        + "run starts there rather than at full speed; entries older than " + maxAge.toHours() + " h are not used. "
        + "Delete the file to forget them");
    root.put("graphRoot", graphRoot);
    root.put("tenant", tenant);
    root.put("app", app);
    ObjectNode workloads = root.putObject("workloads");
    all.forEach((w, e) -> {
      ObjectNode n = workloads.putObject(w);
      n.put("requestsPerSecond", Math.round(e.perSecond() * 10) / 10.0);
      n.put("learnedAt", e.at().toString());
    });
    ConfigDir.writeOwnerOnly(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
  }

  private record Entry(double perSecond, Instant at) {}

  /** Every entry in the file; a missing or damaged file holds none. */
  private Map<String, Entry> entries() {
    Map<String, Entry> out = new TreeMap<>();
    String text;
    try {
      // A regular file, not through a link, of at most 1 MiB: a named pipe would block the run, /dev/zero or a huge
      // file fill its memory.
      text = new String(UserFile.read(file, UserFile.Kind.RATE_MEMORY), StandardCharsets.UTF_8);
      if (writableByOthers()) {
        return out; // not as this tool writes it: anyone could have set its rates, to slow this user's runs to a crawl
      }
    } catch (IOException e) {
      return out; // missing, unusable or unreadable: start at full speed, as with none
    }
    Instant latest = clock.instant().plus(SKEW);
    try {
      JsonNode workloads = JSON.readTree(text).path("workloads");
      for (var e : workloads.properties()) {
        double perSecond = e.getValue().get("requestsPerSecond").asDouble();
        Instant at = Instant.parse(e.getValue().get("learnedAt").asString());
        // A workload is a path segment: a key that is none is hand-made, and would reach the debug output as it is.
        // An entry learned later than now (beyond clock skew) was learned by no run; and its age could not be counted.
        if (WORKLOAD.matcher(e.getKey()).matches() && perSecond > 0 && Double.isFinite(perSecond)
            && !at.isAfter(latest)) {
          out.put(e.getKey(), new Entry(perSecond, at));
        }
      }
    } catch (RuntimeException damaged) { // JacksonException, a missing field, a bad date
      out.clear();
    }
    return out;
  }

  /** Whether others than its owner may write the file (POSIX only): the tool writes it owner-only. */
  private boolean writableByOthers() throws IOException {
    try {
      var p = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
      return p.contains(PosixFilePermission.GROUP_WRITE)
          || p.contains(PosixFilePermission.OTHERS_WRITE);
    } catch (UnsupportedOperationException notPosix) {
      return false; // Windows: the config folder's ACL decides
    }
  }

  private static String digest(String s) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
