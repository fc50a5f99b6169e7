package org.settingsreconciler.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.settingsreconciler.graph.CredentialException;

/** The {@code login} and {@code logout} commands' work: a fresh device code sign-in saved for later runs, or none. */
public final class Login {

  /**
   * Who signed in and what the token carries.
   *
   * @param claims the new access token's claims, if it is a JWT: login shows the delegated permissions granted
   */
  public record Result(String username, String tenant, Path cacheFile, Optional<TokenClaims> claims) {}

  private Login() {}

  /** Replaces any saved sign-in with a new one (one account at a time keeps "which account?" out of every run). */
  public static Result signIn(SignInContext s) throws CredentialException {
    TokenCacheFile cache = TokenCacheFile.forEnvironment(s.env());
    Path path = cache.path();
    if (path == null) {
      throw new CredentialException("there is no home directory in the environment to keep the sign-in in: set HOME");
    }
    try {
      cache.delete();
    } catch (IOException e) {
      throw new CredentialException("cannot replace the saved sign-in " + path + ": " + e.getClass().getSimpleName());
    }
    DeviceCodeCredential credential = new DeviceCodeCredential(s, cache, true);
    AccessToken token;
    try {
      token = credential.signIn();
    } catch (java.io.UncheckedIOException e) {
      throw new CredentialException("cannot save the sign-in to " + path + ": " + e.getCause().getClass().getSimpleName());
    }
    SavedLogin saved = cache.login().orElseThrow();
    return new Result(saved.username(), saved.homeTenant(), path, TokenClaims.decode(token.value()));
  }

  /** Deletes the saved sign-in; the path of the deleted file, or empty when there was none. */
  public static Optional<Path> signOut(Map<String, String> env) throws IOException {
    TokenCacheFile cache = TokenCacheFile.forEnvironment(env);
    return cache.delete() ? Optional.of(cache.path()) : Optional.empty();
  }
}
