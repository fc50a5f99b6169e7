package org.settingsreconciler.state;

import java.util.List;

/** A page of the tenant's users and everything of theirs that was read, handed on once all of it was. */
public record UserPage(List<String> users, CurrentState state) {}
