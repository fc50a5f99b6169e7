package org.settingsreconciler.run;

import org.settingsreconciler.state.ReadProgress;

/**
 * What a run tells the person or pipeline running it while it works, apart from its result: the use cases of this
 * package never print, they tell their view (as Terraform's operations tell their views and hooks). The command line
 * shows these on stderr; a fleet tenant's are held back with the rest of its output.
 */
public interface RunView {

  /** Something worth knowing that changes nothing (a sandbox fault armed, a setting left out of an export). */
  void note(String text);

  /** Something that may be a mistake, with where it was written when it was. */
  void warning(String text);

  /** Something that stops the run, or this part of it. */
  void error(String text);

  /** A line said as it is: how the run signed in, what a refusal means, advice on getting access. */
  void say(String text);

  /** The Graph client's trace, with RECONCILER_DEBUG=1. */
  void debug(String line);

  /**
   * Where a long read of the tenant (plan, check, export) says it is still going, a new one for each read; silent
   * unless the view's reader sees its lines as they come.
   */
  default ReadProgress readProgress() {
    return ReadProgress.silent();
  }
}
