package org.settingsreconciler.auth;

import java.util.Optional;
import org.settingsreconciler.graph.CredentialException;

/**
 * The sign-in of one command: the chosen credential, and (after the first token) what the token says of itself.
 * Signing in is lazy, so a command that stops early (invalid YAML, a setting the cloud lacks) sends no token request
 * either. What the token may do is judged above this package (access.PermissionPreflight).
 */
public final class SignIn {

  private final SignInContext context;
  private final Credential credential;
  /** Null until signed in; then the token's claims, empty when it is not a JWT. */
  private Optional<TokenClaims> claims;

  private SignIn(SignInContext context, Credential credential) {
    this.context = context;
    this.credential = credential;
  }

  /** Chooses the credential ({@code --auth}); reads its files and variables but sends nothing. */
  public static SignIn prepare(SignInContext s) throws CredentialException {
    return new SignIn(s, new TokensMasked(CredentialChain.select(s), s));
  }

  public Credential credential() {
    return credential;
  }

  public SignInContext context() {
    return context;
  }

  /**
   * Signs in (the first token) and reads the token's claims (empty when it is not a JWT); fails when the token cannot
   * serve Graph at all (see {@link TokenCheck}).
   */
  public synchronized Optional<TokenClaims> claims() throws CredentialException {
    if (claims == null) {
      Optional<TokenClaims> read = TokenClaims.decode(credential.token());
      Optional<String> problem = TokenCheck.problem(read, context.cloud(), context.clock().instant());
      if (problem.isPresent()) {
        throw new CredentialException(problem.get());
      }
      claims = read;
    }
    return claims;
  }

  /** One line for stderr: how the run signed in and what the token may do. Never the token. */
  public String summary() {
    StringBuilder b = new StringBuilder("Signed in with ").append(credential.description());
    if (this.claims == null) {
      return b.toString();
    }
    Optional<TokenClaims> claims = this.claims;
    if (claims.isEmpty()) {
      return b.append(" (the token is not a JWT: its permissions are checked by Graph only)").toString();
    }
    TokenClaims c = claims.get();
    b.append(c.appOnly() ? ": app-only token" : ": delegated token" + (c.user() == null ? "" : " of " + c.user()));
    b.append(c.permissions().isEmpty()
        ? ", with no Graph permissions"
        : "; " + (c.appOnly() ? "application" : "delegated") + " permissions: " + String.join(", ", c.permissions()));
    return b.toString();
  }

  /** How an admin gets delegated sign-in here: the saved login if there is one, else `login`. */
  public String delegatedHint() {
    return delegatedHint(context);
  }

  static String delegatedHint(SignInContext s) {
    Optional<SavedLogin> saved =
        TokenCacheFile.forEnvironment(s.env()).login().filter(l -> l.fits(s));
    String cloudFlag = s.cloud() == Cloud.global ? "" : " --cloud " + s.cloud().name();
    if (saved.isPresent()) {
      return "run with --auth device-code to use the sign-in of "
          + (saved.get().username() == null ? "the admin" : saved.get().username())
          + " that `reconciler login` saved";
    }
    return "run `reconciler login" + cloudFlag + "` (device code; AZURE_CLIENT_ID names a public client app "
        + "registration), then run with --auth device-code";
  }
}
