package org.settingsreconciler.state;

import org.settingsreconciler.graph.GraphError;

/**
 * How a read of every user ended (their pages went to the reader's consumer as they were read): how many users were
 * read, and why the user list could not be read in full, if it could not.
 */
public record AllUsersRead(int users, GraphError usersError) {}
