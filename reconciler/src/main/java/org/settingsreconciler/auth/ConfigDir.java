package org.settingsreconciler.auth;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The user's configuration directory for this tool: {@code $XDG_CONFIG_HOME/settings-reconciler}, else
 * {@code %APPDATA%\settings-reconciler} on Windows, else {@code $HOME/.config/settings-reconciler}. Only the CLI's
 * environment is consulted: with none of these set there is no such directory (and so no saved sign-in).
 */
public final class ConfigDir {

  static final String NAME = "settings-reconciler";

  private ConfigDir() {}

  public static Optional<Path> of(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Optional.of(Path.of(xdg, NAME));
    }
    String appData = env.get("APPDATA");
    if (appData != null && !appData.isBlank()) {
      return Optional.of(Path.of(appData, NAME));
    }
    String home = env.get("HOME");
    if (home != null && !home.isBlank()) {
      return Optional.of(Path.of(home, ".config", NAME));
    }
    return Optional.empty();
  }
}
