package org.settingsreconciler.resource;

/** Whether a resource exists once per tenant or once per user (under {@code users.<upn>} in the YAML). */
public enum Scope {
  TENANT,
  USER
}
