package org.settingsreconciler.cli;

import org.settingsreconciler.run.ExitCode;
import org.settingsreconciler.run.UserError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.settingsreconciler.auth.Login;
import org.settingsreconciler.auth.TokenCacheFile;
import picocli.CommandLine.Command;

@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description = "Forget the sign-in that login saved (deletes its token cache).")
final class LogoutCommand implements Callable<Integer> {

  private final CliContext ctx;

  LogoutCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    Optional<Path> deleted;
    try {
      deleted = Login.signOut(ctx.env());
    } catch (IOException e) {
      throw new UserError("cannot delete the saved sign-in: " + e.getMessage());
    }
    if (deleted.isPresent()) {
      ctx.out().println("Signed out: deleted " + deleted.get() + ".");
    } else {
      ctx.out().println("Not signed in" + TokenCacheFile.defaultPath(ctx.env()).map(p -> " (there is no " + p + ")")
          .orElse("") + ".");
    }
    return ExitCode.OK;
  }
}
