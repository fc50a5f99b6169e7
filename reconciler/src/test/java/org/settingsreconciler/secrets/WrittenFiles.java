package org.settingsreconciler.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The files one CLI run wrote, found without knowing what the tool writes: every regular file under the directories
 * its arguments and environment point into, under every test's temporary directory ({@link ScannedTempDirs}), and at
 * the top of the working directory, is fingerprinted before the run, and those new or changed after it are the
 * run's. So a saved plan, a report, exported YAML, an updated desired-state file, a sandbox state file, a file written
 * where no argument points, or a file type the tool learns to write later, are all found, and the files the test
 * wrote as input are not.
 *
 * <p>A path's directory is watched whole (the tool creates missing parents and writes next to its inputs), unless it
 * is one too broad to walk on every run (the working directory and its parents, the home and temp directories, a
 * file system root): then only the path itself is.
 */
final class WrittenFiles {

  /**
   * The device-code sign-in's token cache is never scanned: its job is to hold tokens (README, "Device code"). Its
   * own tests check that it is private to its owner.
   */
  static final String TOKEN_CACHE = "token-cache.json";

  /** More files than this under one watched directory means a test points the tool at a tree too big to watch. */
  static final int MAX_FILES = 5_000;

  /** The content, and the inode and time: a file written again with the same content was still written. */
  private record Fingerprint(long size, long crc, Object fileKey, FileTime modified) {}

  private final Set<Path> directories = new LinkedHashSet<>();
  private final Set<Path> singles = new LinkedHashSet<>();
  private final Map<Path, Fingerprint> before;

  private WrittenFiles(Iterable<String> candidates) {
    for (String candidate : candidates) {
      Path path = asPath(candidate);
      if (path == null) {
        continue;
      }
      Path dir = Files.isDirectory(path) ? path : existingAncestor(path.getParent());
      if (dir == null || tooBroad(dir)) {
        singles.add(path);
      } else {
        directories.add(dir);
      }
    }
    directories.add(ScannedTempDirs.ROOT);
    // A directory inside another watched one is walked with it.
    directories.removeIf(d -> directories.stream().anyMatch(o -> !o.equals(d) && d.startsWith(o)));
    before = fingerprints();
  }

  /** Starts watching what {@code args} and the paths in {@code env} point into; call before the run. */
  static WrittenFiles watch(Map<String, String> env, String... args) {
    List<String> candidates = new ArrayList<>();
    for (String arg : args) {
      // --out=FILE as well as --out FILE
      candidates.add(arg.startsWith("--") && arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : arg);
    }
    // Only absolute paths: a relative value in the environment is not a path the tool would write to.
    env.values().stream().filter(v -> v != null && v.startsWith("/")).forEach(candidates::add);
    return new WrittenFiles(candidates);
  }

  /** The files new or changed since {@link #watch}, the token cache aside. */
  List<Path> written() {
    List<Path> out = new ArrayList<>();
    fingerprints().forEach((file, now) -> {
      if (!now.equals(before.get(file)) && !file.getFileName().toString().equals(TOKEN_CACHE)) {
        out.add(file);
      }
    });
    return out;
  }

  /** Everything watched, for the ledger's own tests. */
  Set<Path> watchedDirectories() {
    return directories;
  }

  private static Path asPath(String candidate) {
    if (candidate.isEmpty() || candidate.startsWith("-") || candidate.contains("://") || candidate.contains("\n")) {
      return null;
    }
    try {
      return Path.of(candidate).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return null;
    }
  }

  private static Path existingAncestor(Path path) {
    Path p = path;
    while (p != null && !Files.isDirectory(p)) {
      p = p.getParent();
    }
    return p;
  }

  private static boolean tooBroad(Path dir) {
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
    return dir.getParent() == null || cwd.startsWith(dir) || dir.equals(home) || dir.equals(tmp);
  }

  private Map<Path, Fingerprint> fingerprints() {
    Map<Path, Fingerprint> out = new LinkedHashMap<>();
    for (Path dir : directories) {
      walk(dir, out);
    }
    for (Path file : singles) {
      if (Files.isRegularFile(file)) {
        fingerprint(file, out);
      }
    }
    // A relative name the tool resolved against the working directory: its top level only (it holds the build).
    try (Stream<Path> top = Files.list(Path.of("").toAbsolutePath())) {
      top.filter(Files::isRegularFile).forEach(f -> fingerprint(f.normalize(), out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void walk(Path dir, Map<Path, Fingerprint> out) {
    int[] seen = {0};
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          return d.getFileName() != null && d.getFileName().toString().equals(".git")
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile()) {
            if (++seen[0] > MAX_FILES) {
              throw new IllegalStateException("the secret scan would watch more than " + MAX_FILES + " files under "
                  + dir + " on every run: point the run's files at a @TempDir");
            }
            fingerprint(file, out);
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // a temporary file gone while walking
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fingerprint(Path file, Map<Path, Fingerprint> out) {
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      byte[] bytes = Files.readAllBytes(file);
      CRC32 crc = new CRC32();
      crc.update(bytes);
      out.put(file, new Fingerprint(bytes.length, crc.getValue(), attrs.fileKey(), attrs.lastModifiedTime()));
    } catch (IOException gone) {
      // removed between listing and reading: not a file the run left behind
    }
  }

  @Override
  public String toString() {
    return "watching " + directories + " and " + singles;
  }
}
