package org.settingsreconciler.apply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.settingsreconciler.files.ConfigDir;
import org.settingsreconciler.plan.Create;
import org.settingsreconciler.plan.PendingCreate;
import org.settingsreconciler.plan.RecentCreates;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The creates of the last minutes, per tenant, so that a run does not POST again what an earlier one sent and Graph
 * does not list yet. POST is not idempotent and Graph shows new items late: without this, an apply right after one
 * that reported "applied, not yet visible" creates the same items again, and two applies at once create every item
 * twice.
 *
 * <p>One owner-only JSON file per Graph root and tenant in the tool's config directory. Right before its POST wave
 * an apply claims its creates under a lock ({@link #claim}): a create another run claimed within the window is held
 * back, the others are recorded as being sent. After the read-back it settles them ({@link #settle}): what Graph
 * shows, or refused, is forgotten; what it accepted but does not show yet, or whose answer was lost, is kept until
 * the window ends. A plan consults it ({@link #heldBack}) and shows such a create as not created again. Entries older
 * than the window are dropped, so a create that never shows is made again by a later run.
 */
public final class CreateLedger implements RecentCreates {

  /** How long a create is held back after it was sent, unless configured otherwise. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  /** One create in the file; {@code run} is the apply that sent it, so each run settles only its own. */
  private record Entry(String scope, String key, String address, String path, Instant sentAt, PendingCreate.Kind kind,
      String run) {}

  private final Path file;
  private final String graphRoot;
  private final String tenant;
  private final Duration window;
  private final Clock clock;
  private final String run = UUID.randomUUID().toString();
  private Map<String, Entry> snapshot;

  private CreateLedger(Path file, String graphRoot, String tenant, Duration window, Clock clock) {
    this.file = file;
    this.graphRoot = graphRoot;
    this.tenant = tenant;
    this.window = window;
    this.clock = clock;
  }

  /**
   * The ledger of one tenant in {@code configDir}.
   *
   * @param graphRoot the Graph root (or what stands for the sandbox tenant), part of what names the tenant
   * @param tenant the tenant id, as far as it is known ("" when not)
   */
  public static CreateLedger in(Path configDir, String graphRoot, String tenant, Duration window, Clock clock) {
    String name = "recent-creates-" + digest(graphRoot + "\n" + tenant) + ".json";
    return new CreateLedger(configDir.resolve(name), graphRoot, tenant, window, clock);
  }

  /** No ledger: nothing is held back or recorded (no config directory, a throwaway sandbox, or switched off). */
  public static CreateLedger off() {
    return new CreateLedger(null, null, null, Duration.ZERO, Clock.systemUTC());
  }

  public boolean enabled() {
    return file != null;
  }

  /** The file, or null when off. */
  public Path file() {
    return file;
  }

  public Duration window() {
    return window;
  }

  @Override
  public synchronized Optional<PendingCreate> heldBack(Create create) {
    if (!enabled()) {
      return Optional.empty();
    }
    if (snapshot == null) {
      snapshot = live(read());
    }
    return Optional.ofNullable(snapshot.get(id(create))).map(e -> pending(create, e));
  }

  /**
   * Right before the POST wave: the creates another run sent within the window are held back (returned, by index
   * in {@code creates}); the others are recorded as sent now, by this run. With {@code recreate}, none is held back.
   */
  public Map<Integer, PendingCreate> claim(List<Create> creates, boolean recreate) {
    Map<Integer, PendingCreate> held = new LinkedHashMap<>();
    if (!enabled() || creates.isEmpty()) {
      return held;
    }
    Instant now = clock.instant();
    update(entries -> {
      for (int i = 0; i < creates.size(); i++) {
        Create c = creates.get(i);
        Entry e = entries.get(id(c));
        if (e != null && !recreate && !e.run().equals(run)) {
          held.put(i, pending(c, e));
          continue;
        }
        entries.put(id(c), new Entry(scope(c.resource().scopeAddress()), matchKey(c), c.address(), c.path(), now,
            PendingCreate.Kind.SENDING, run));
      }
    });
    return held;
  }

  /**
   * After the writes and the read-back: what became of each create this run claimed. One the tenant shows, or that
   * was refused, not sent or rolled back is forgotten; one accepted but not shown (or not read back), or whose
   * answer was lost, stays until the window ends.
   */
  public void settle(List<ChangeResult> results) {
    if (!enabled()) {
      return;
    }
    List<ChangeResult> creates = results.stream().filter(r -> r.change() instanceof Create).toList();
    if (creates.isEmpty()) {
      return;
    }
    update(entries -> {
      for (ChangeResult r : creates) {
        String id = id((Create) r.change());
        Entry e = entries.get(id);
        if (e == null || !e.run().equals(run)) {
          continue; // held back, or not this run's
        }
        PendingCreate.Kind kind = pendingKind(r);
        if (kind == null) {
          entries.remove(id);
        } else {
          entries.put(id, new Entry(e.scope(), e.key(), e.address(), e.path(), e.sentAt(), kind, run));
        }
      }
    });
  }

  /** Whether the create's result leaves it in the ledger, and as what; null to forget it. */
  private static PendingCreate.Kind pendingKind(ChangeResult r) {
    return switch (r.status()) {
      case APPLIED -> r.verification() == Verification.VERIFIED ? null : PendingCreate.Kind.ACCEPTED;
      case APPLIED_NOT_VISIBLE, ROLLBACK_FAILED -> PendingCreate.Kind.ACCEPTED;
      case MAYBE_APPLIED -> PendingCreate.Kind.ANSWER_LOST;
      default -> null;
    };
  }

  private PendingCreate pending(Create c, Entry e) {
    Duration age = Duration.between(e.sentAt(), clock.instant());
    Duration left = window.minus(age);
    return new PendingCreate(c, age.isNegative() ? Duration.ZERO : age, left.isNegative() ? Duration.ZERO : left,
        e.kind());
  }

  /** The entries still within the window. */
  private Map<String, Entry> live(Map<String, Entry> entries) {
    Instant now = clock.instant();
    entries.values().removeIf(e -> !e.sentAt().plus(window).isAfter(now));
    return entries;
  }

  private interface Edit {
    void apply(Map<String, Entry> entries);
  }

  /** Reads, edits and writes the file under a lock held against other threads and other processes. */
  private void update(Edit edit) {
    ReentrantLock local = IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new ReentrantLock());
    local.lock();
    try {
      try (FileChannel channel = openLockFile(); FileLock ignored = channel.lock()) {
        Map<String, Entry> entries = live(read());
        edit.apply(entries);
        write(entries);
        synchronized (this) {
          snapshot = entries;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update the ledger of recent creates " + file, e);
    } finally {
      local.unlock();
    }
  }

  /** The lock file beside the ledger, created owner-only if missing; never replaced, so every run locks the same. */
  private FileChannel openLockFile() throws IOException {
    Path lock = file.resolveSibling(file.getFileName() + ".lock");
    Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    return ConfigDir.createOwnerOnly(lock.toAbsolutePath().getParent())
        ? FileChannel.open(
            lock, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : FileChannel.open(lock, options);
  }

  /** The entries in the file; a missing or damaged file holds none (it only ever costs a duplicate). */
  private Map<String, Entry> read() {
    Map<String, Entry> out = new LinkedHashMap<>();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ledger of recent creates " + file, e);
    }
    try {
      for (JsonNode n : JSON.readTree(text).path("creates")) {
        Entry e = new Entry(n.get("scope").asString(), n.get("key").asString(), n.get("address").asString(),
            n.get("path").asString(), Instant.parse(n.get("sentAt").asString()),
            PendingCreate.Kind.valueOf(n.get("state").asString().toUpperCase(Locale.ROOT)), n.get("run").asString());
        out.put(scope(e.scope()) + "\n" + e.key(), e);
      }
    } catch (RuntimeException damaged) { // JacksonException, a missing field, an unknown state
      out.clear();
    }
    return out;
  }

  private void write(Map<String, Entry> entries) throws IOException {
    if (entries.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", 1);
    root.put("note", "settings-reconciler: creates sent in the last " + window.toMinutes() + " min that Graph may not "
        + "list yet; plan and apply do not send them again until then (apply --recreate-pending does)");
    root.put("graphRoot", graphRoot);
    root.put("tenant", tenant);
    ArrayNode list = root.putArray("creates");
    for (Entry e : new ArrayList<>(entries.values())) {
      ObjectNode n = list.addObject();
      n.put("address", e.address());
      n.put("scope", e.scope());
      n.put("key", e.key());
      n.put("path", e.path());
      n.put("sentAt", e.sentAt().toString());
      n.put("state", e.kind().name().toLowerCase(Locale.ROOT));
      n.put("run", e.run());
    }
    ConfigDir.writeOwnerOnly(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
  }

  /** A create's item: its collection and its key, compared the way the key compares. */
  private static String id(Create c) {
    return scope(c.resource().scopeAddress()) + "\n" + matchKey(c);
  }

  /**
   * A collection's address as the ledger compares it: in lower case, since Graph reads a user principal name
   * ignoring case, so {@code Adele@contoso.com}'s interests are {@code adele@contoso.com}'s.
   */
  private static String scope(String scopeAddress) {
    return scopeAddress.toLowerCase(Locale.ROOT);
  }

  private static String matchKey(Create c) {
    return c.resource().descriptor().key().matchForm(c.resource().key());
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
