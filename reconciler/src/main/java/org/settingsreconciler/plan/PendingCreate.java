package org.settingsreconciler.plan;

import java.time.Duration;

/**
 * A create the plan does not send again: an earlier apply sent it moments ago, and Graph, which shows new items
 * late, does not list it yet. POST is not idempotent, so sending it again would make a duplicate. Kept (by the
 * ledger of recent creates, see apply.CreateLedger) for a window after it was sent; after that, or with
 * {@code --recreate-pending}, a plan that still does not see the item creates it again.
 *
 * @param change the create that is not sent
 * @param age how long ago it was sent
 * @param left how long until it is no longer held back
 */
public record PendingCreate(Create change, Duration age, Duration left, Kind kind) {

  /** What the earlier apply knows of the create. */
  public enum Kind {
    /** Graph accepted it (201), and it did not show yet when that apply read back. */
    ACCEPTED,
    /** Graph's answer was lost: it may or may not have been made. */
    ANSWER_LOST,
    /** Another apply has sent it and has not finished (or stopped before it could say how it went). */
    SENDING
  }

  public String address() {
    return change.address();
  }

  /** What is the case: "created 3 min ago, not yet visible; not created again". */
  public String problem() {
    String ago = ago(age);
    return switch (kind) {
      case ACCEPTED -> "created " + ago + ", not yet visible; not created again";
      case ANSWER_LOST -> "sent " + ago + " (Graph's answer was lost), not yet visible; not created again";
      case SENDING -> "being created by another apply (sent " + ago + "); not created again";
    };
  }

  public String advice() {
    return "if it still does not show " + in(left) + ", a plan then creates it again; apply --recreate-pending "
        + "creates it now";
  }

  private static String ago(Duration d) {
    long minutes = d.toMinutes();
    return minutes < 1 ? "less than a minute ago" : minutes + " min ago";
  }

  private static String in(Duration d) {
    long minutes = (d.toSeconds() + 59) / 60;
    return minutes <= 1 ? "within a minute" : "in " + minutes + " min";
  }
}
