package org.settingsreconciler.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file a user named (on the command line, in the environment or in a YAML file) safely: only a regular file,
 * and at most as many bytes as its kind may hold. A device ({@code /dev/zero}) would otherwise fill the memory, a
 * named pipe hang the run, and a file of gigabytes take minutes to be refused. Every read of a user-given file goes
 * through here.
 *
 * <p>The type is checked before the file is opened, since opening a named pipe blocks until someone writes to it; a
 * file swapped for a pipe between the two is not guarded against (that needs a writer to the directory already).
 */
public final class UserFile {

  private static final int MIB = 1024 * 1024;

  /** The kinds of file read, and the most each may hold (docs/guides/options.md, "Files the tool reads and writes"). */
  public enum Kind {
    /** Desired-state YAML, var files, tenant.yaml, layer.yaml. */
    YAML("a YAML file", 4 * MIB, true),
    /** A certificate with its private key (PEM or PKCS#12). */
    CERTIFICATE("a certificate file", MIB, true),
    /** A federated token (a JWT of a few kilobytes). */
    FEDERATED_TOKEN("a federated token file", 64 * 1024, true),
    /** A saved plan ({@code apply --plan}); large tenants make large plans. */
    PLAN("a plan file", 256 * MIB, true),
    /** The sandbox's state ({@code --sandbox-state}): written too, so a link is refused rather than replaced. */
    SANDBOX_STATE("a sandbox state file", 256 * MIB, false),
    /** A tenant's sandbox seed (tenant.yaml's sandboxSeed), only read. */
    SANDBOX_SEED("a sandbox seed file", 256 * MIB, true),
    /** The device-code token cache. */
    TOKEN_CACHE("the token cache", 16 * MIB, true),
    /**
     * The rates earlier runs learned (learned-rates-*.json): a few hundred bytes; written too, so a link is refused
     * rather than followed to something else.
     */
    RATE_MEMORY("the memory of learned rates", MIB, false);

    final String description;
    final int maxBytes;
    final boolean followLinks;

    Kind(String description, int maxBytes, boolean followLinks) {
      this.description = description;
      this.maxBytes = maxBytes;
      this.followLinks = followLinks;
    }

    public int maxBytes() {
      return maxBytes;
    }

    /** The cap in words: "4 MiB", "64 KiB". */
    public String limit() {
      return maxBytes >= MIB ? maxBytes / MIB + " MiB" : maxBytes / 1024 + " KiB";
    }
  }

  private UserFile() {}

  /**
   * The file's bytes.
   *
   * @throws UnusableFileException when it is missing, not a regular file, or larger than {@code kind} may be
   * @throws IOException when it cannot be read (permissions, I/O)
   */
  public static byte[] read(Path path, Kind kind) throws IOException {
    checkRegular(path, kind);
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes(kind.maxBytes + 1);
      if (bytes.length > kind.maxBytes) {
        throw tooLarge(kind);
      }
      return bytes;
    } catch (NoSuchFileException e) {
      throw new UnusableFileException("no such file");
    }
  }

  /** Throws unless {@code path} is a regular file (through a link, where its kind allows) within the size limit. */
  public static void checkRegular(Path path, Kind kind) throws IOException {
    BasicFileAttributes a;
    try {
      a = kind.followLinks
          ? Files.readAttributes(path, BasicFileAttributes.class)
          : Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new UnusableFileException("no such file");
    }
    if (!a.isRegularFile()) {
      throw new UnusableFileException("not a regular file: it is " + typeOf(path, a) + " (" + kind.description
          + " must be a regular file)");
    }
    if (a.size() > kind.maxBytes) {
      throw tooLarge(kind);
    }
  }

  private static UnusableFileException tooLarge(Kind kind) {
    return new UnusableFileException("larger than " + kind.limit() + ", the most " + kind.description + " may hold");
  }

  /** What a path that is not a regular file is, in words: "a named pipe", "a character device". */
  static String typeOf(Path path, BasicFileAttributes a) {
    if (a.isSymbolicLink()) {
      return "a symbolic link";
    }
    if (a.isDirectory()) {
      return "a directory";
    }
    try {
      // The file type bits of st_mode, where the platform has the "unix" view (Linux, macOS).
      int type = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
      switch (type) {
        case 0010000: return "a named pipe (FIFO)";
        case 0020000: return "a character device";
        case 0060000: return "a block device";
        case 0140000: return "a socket";
        default: break;
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
      // no unix view: say it in general terms
    }
    return "a device, pipe or socket";
  }
}
