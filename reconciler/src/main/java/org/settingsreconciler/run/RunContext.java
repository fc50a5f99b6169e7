package org.settingsreconciler.run;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import org.settingsreconciler.secrets.Secrets;

/**
 * What a run takes from outside itself: the environment (credentials, tuning), the clock, its redaction point, whether
 * someone is there to answer a sign-in prompt, where such prompts go, and its view.
 *
 * @param prompts where sign-in prompts go (a device code to enter), masked like everything the run shows
 */
public record RunContext(Map<String, String> env, Clock clock, Secrets secrets, boolean interactive,
    PrintStream prompts, RunView view) {}
