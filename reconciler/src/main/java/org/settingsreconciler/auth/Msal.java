package org.settingsreconciler.auth;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalServiceException;
import java.net.MalformedURLException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.settingsreconciler.graph.CredentialException;
import org.settingsreconciler.graph.TlsFailure;

/**
 * The msal4j calls the app-only credentials share, and msal4j's failures turned into messages that say what failed.
 * A message may carry what Entra echoed (a secret, a token): it is shown through the run's one redaction point
 * (secrets.Secrets), which knows the credentials.
 *
 * <p>Instance discovery is off: the authority hosts of the four clouds are known, so msal4j would only spend a
 * request confirming them, and an authority override (AZURE_AUTHORITY_HOST) would need the discovery endpoint too.
 */
final class Msal {

  /** msal4j retries and times out on its own; this only bounds a hung future. */
  private static final long TIMEOUT_SECONDS = 120;

  private Msal() {}

  static ConfidentialClientApplication confidential(
      SignInContext s, String clientId, String tenant, IClientCredential credential) throws CredentialException {
    try {
      return ConfidentialClientApplication.builder(clientId, credential)
          .authority(s.authority(tenant))
          .instanceDiscovery(false)
          .validateAuthority(false)
          .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new CredentialException(
          "the sign-in authority " + s.authority(tenant) + " is not valid: " + e.getMessage());
    }
  }

  /** The client credentials grant: an app-only token for the cloud's Graph scope. */
  static AccessToken clientCredentials(ConfidentialClientApplication app, String scope, String what)
      throws CredentialException {
    ClientCredentialParameters p = ClientCredentialParameters.builder(Set.of(scope)).build();
    return toToken(await(app.acquireToken(p), what));
  }

  static AccessToken toToken(IAuthenticationResult result) {
    Instant expires =
        result.expiresOnDate() == null ? Instant.now().plusSeconds(300) : result.expiresOnDate().toInstant();
    return new AccessToken(result.accessToken(), expires);
  }

  static <T> T await(CompletableFuture<T> future, String what) throws CredentialException {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException e) {
      throw failure(what, e);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new CredentialException(what + " failed: no answer from the sign-in service in " + TIMEOUT_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CredentialException(what + " was interrupted");
    }
  }

  /**
   * What went wrong, in one line. A {@link CredentialException} raised by our own callbacks (a federated token that
   * cannot be read) is passed through as it is; msal4j's own errors keep their code and first line (Entra's AADSTS
   * text), which tell an admin what to fix; trace and correlation lines are dropped.
   */
  static CredentialException failure(String what, Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof CredentialException ce) {
        return ce;
      }
    }
    SSLHandshakeException tls = TlsFailure.handshakeIn(t);
    if (tls != null) {
      return new CredentialException(what + " failed: " + TlsFailure.describe("the sign-in service", tls));
    }
    Throwable cause = t;
    while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    StringBuilder b = new StringBuilder(what).append(" failed: ");
    if (cause instanceof MsalServiceException se && se.statusCode() != null && se.statusCode() > 0) {
      b.append("HTTP ").append(se.statusCode()).append(' ');
    }
    if (cause instanceof MsalException me && me.errorCode() != null) {
      b.append(me.errorCode()).append(": ");
    }
    b.append(firstLine(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
    return new CredentialException(b.toString());
  }

  static String firstLine(String s) {
    String line = s.strip();
    int nl = line.indexOf('\n');
    if (nl >= 0) {
      line = line.substring(0, nl).strip();
    }
    int trace = line.indexOf(" Trace ID:");
    return trace > 0 ? line.substring(0, trace).strip() : line;
  }
}
