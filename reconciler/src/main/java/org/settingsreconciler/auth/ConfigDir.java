package org.settingsreconciler.auth;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's configuration directory for this tool: {@code $XDG_CONFIG_HOME/settings-reconciler}, else
 * {@code %APPDATA%\settings-reconciler} on Windows, else {@code ~/.config/settings-reconciler}.
 */
public final class ConfigDir {

  static final String NAME = "settings-reconciler";

  private ConfigDir() {}

  public static Path of(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, NAME);
    }
    String appData = env.get("APPDATA");
    if (appData != null && !appData.isBlank()) {
      return Path.of(appData, NAME);
    }
    String home = env.get("HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("user.home");
    }
    return Path.of(home, ".config", NAME);
  }
}
