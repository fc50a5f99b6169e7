package org.settingsreconciler.cli;

import org.settingsreconciler.run.ExitCode;
import org.settingsreconciler.run.UserError;
import java.util.concurrent.Callable;
import org.settingsreconciler.auth.AuthMethod;
import org.settingsreconciler.auth.Cloud;
import org.settingsreconciler.auth.Login;
import org.settingsreconciler.auth.SignInContext;
import org.settingsreconciler.auth.TokenClaims;
import org.settingsreconciler.graph.CredentialException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Sign in as an admin with a device code (delegated) and keep the sign-in for later runs.",
      "Needs AZURE_CLIENT_ID: a public client app registration with the delegated permissions (see permissions)."
    })
final class LoginCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Mixin CloudOptions cloud = new CloudOptions();

  LoginCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    SignInContext s =
        SignInContext.of(AuthMethod.DEVICE_CODE, cloud.tenant, cloud.cloud == null ? Cloud.global : cloud.cloud, ctx.env(), ctx.err(), true,
            ctx.secrets());
    Login.Result r;
    try {
      r = Login.signIn(s);
    } catch (CredentialException e) {
      throw new UserError("login failed: " + e.getMessage());
    }
    ctx.out().println("Signed in as " + (r.username() == null ? "(unknown user)" : r.username()) + " to tenant "
        + r.tenant() + ".");
    r.claims().map(TokenClaims::permissions).ifPresent(
        p -> ctx.out().println("Delegated permissions granted: " + (p.isEmpty() ? "none" : String.join(", ", p))));
    ctx.out().println("Saved to " + r.cacheFile() + " (owner-only). Later runs use it with --auth device-code, or "
        + "--auth auto when no other credential is set; `reconciler logout` removes it.");
    return ExitCode.OK;
  }
}
