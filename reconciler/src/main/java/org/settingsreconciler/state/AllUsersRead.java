package org.settingsreconciler.state;

import java.util.List;
import org.settingsreconciler.graph.GraphError;

/**
 * The tenant as read for an export of every user: the users found (sorted, so exports diff well), what was read,
 * and why the user list could not be read in full, if it could not.
 */
public record AllUsersRead(List<String> users, CurrentState state, GraphError usersError) {}
