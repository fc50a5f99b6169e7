package org.settingsreconciler.auth;

import org.settingsreconciler.files.ConfigDir;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.settingsreconciler.files.AtomicFiles;
import org.settingsreconciler.files.UserFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The persistent sign-in of {@code login}: msal4j's token cache (access and refresh tokens) and who signed in, in
 * {@code token-cache.json} in the user's config directory. The file is readable by its owner only (0600, in a 0700
 * directory) and replaced atomically, so a crash never leaves half a cache. Later runs read it and refresh tokens
 * silently; {@code logout} deletes it.
 */
public final class TokenCacheFile {

  static final String FILE_NAME = "token-cache.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path path;
  private SavedLogin login;
  private String msalCache;

  private TokenCacheFile(Path path, SavedLogin login, String msalCache) {
    this.path = path;
    this.login = login;
    this.msalCache = msalCache;
  }

  /** Where the file lives for this environment; empty when the environment names no home directory. */
  public static Optional<Path> defaultPath(Map<String, String> env) {
    return ConfigDir.of(env).map(d -> d.resolve(FILE_NAME));
  }

  /** The file for this environment, or an empty cache that cannot be saved when there is no home directory. */
  public static TokenCacheFile forEnvironment(Map<String, String> env) {
    return defaultPath(env).map(TokenCacheFile::open).orElseGet(() -> new TokenCacheFile(null, null, null));
  }

  /** Reads the file; a missing or unreadable one is an empty cache (the user signs in again). */
  public static TokenCacheFile open(Path path) {
    String text;
    try {
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        return new TokenCacheFile(path, null, null);
      }
      text = new String(UserFile.read(path, UserFile.Kind.TOKEN_CACHE), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the token cache " + path + ": " + e.getMessage(), e);
    }
    try {
      JsonNode root = JSON.readTree(text);
      JsonNode l = root.get("login");
      SavedLogin login = null;
      if (l != null && l.isObject()) {
        login =
            new SavedLogin(
                str(l, "clientId"),
                str(l, "tenant"),
                Cloud.valueOf(str(l, "cloud")),
                str(l, "authorityHost"),
                str(l, "username"),
                str(l, "homeAccountId"));
      }
      JsonNode msal = root.get("msal");
      return new TokenCacheFile(path, login, msal == null || msal.isNull() ? null : JSON.writeValueAsString(msal));
    } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
      // A damaged cache only costs a new sign-in.
      return new TokenCacheFile(path, null, null);
    }
  }

  /** The file, or null when the environment names no home directory. */
  public Path path() {
    return path;
  }

  public Optional<SavedLogin> login() {
    return Optional.ofNullable(login);
  }

  /** Keeps msal4j's cache in this file: msal4j reads it before, and writes it after, every token lookup. */
  ITokenCacheAccessAspect aspect() {
    return new ITokenCacheAccessAspect() {
      @Override
      public void beforeCacheAccess(ITokenCacheAccessContext context) {
        synchronized (TokenCacheFile.this) {
          if (msalCache != null) {
            context.tokenCache().deserialize(msalCache);
          }
        }
      }

      @Override
      public void afterCacheAccess(ITokenCacheAccessContext context) {
        if (context.hasCacheChanged()) {
          synchronized (TokenCacheFile.this) {
            msalCache = context.tokenCache().serialize();
            write();
          }
        }
      }
    };
  }

  synchronized void saveLogin(SavedLogin l) {
    this.login = l;
    write();
  }

  /** Removes the file; false if there was none. */
  public synchronized boolean delete() throws IOException {
    login = null;
    msalCache = null;
    return path != null && Files.deleteIfExists(path);
  }

  private void write() {
    if (path == null) {
      throw new UncheckedIOException(
          new IOException("there is no home directory in the environment to keep the sign-in in: set HOME"));
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", 1);
    root.put("note", "settings-reconciler sign-in: holds refresh tokens; keep private; `reconciler logout` deletes it");
    if (login != null) {
      ObjectNode l = root.putObject("login");
      l.put("clientId", login.clientId());
      l.put("tenant", login.tenant());
      l.put("cloud", login.cloud().name());
      l.put("authorityHost", login.authorityHost());
      l.put("username", login.username());
      l.put("homeAccountId", login.homeAccountId());
    }
    if (msalCache != null) {
      root.set("msal", JSON.readTree(msalCache));
    }
    try {
      ConfigDir.writeOwnerOnly(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the token cache " + path, e);
    }
  }

  /** Writes owner-only (see files.AtomicFiles); a missing directory is made 0700. */
  static void writeOwnerOnly(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir) && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      try {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (FileAlreadyExistsException raced) {
        // created meanwhile
      }
    }
    AtomicFiles.writeOwnerOnly(file, content.getBytes(StandardCharsets.UTF_8));
  }

  private static String str(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? null : v.asString();
  }
}
