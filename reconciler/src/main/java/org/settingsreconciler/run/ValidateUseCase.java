package org.settingsreconciler.run;

import org.settingsreconciler.model.DesiredState;

/**
 * {@code validate}: loads the desired state offline (YAML, schema, duplicate keys, variables) and tells every error
 * in it at once. Nothing is sent anywhere.
 */
public final class ValidateUseCase {

  public record Request(RunContext ctx, DesiredSource desired) {}

  /** @param state the desired state as loaded, or null when it is invalid (its errors were told) */
  public record Result(int exit, DesiredState state) implements RunOutcome {}

  private ValidateUseCase() {}

  public static Result run(Request request) {
    DesiredState state = request.desired().load(request.ctx());
    return new Result(state == null ? ExitCode.ERROR : ExitCode.OK, state);
  }
}
