package org.settingsreconciler.secrets;

/** A secret found where it must not be: which one (by origin), in which form, where, and the text around it. */
public record Leak(Secret secret, String form, String where, String context) {

  @Override
  public String toString() {
    return secret.origin() + " (" + form + ") in " + where + ": ..." + context + "...";
  }
}
