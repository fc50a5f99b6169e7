package org.settingsreconciler.resolve;

/** An Entra user as the directory answers it: only what name resolution needs. */
public record DirectoryUser(String id, String userPrincipalName) {}
