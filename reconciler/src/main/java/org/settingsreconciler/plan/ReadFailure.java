package org.settingsreconciler.plan;

import org.settingsreconciler.graph.GraphError;

/**
 * A managed object or collection that could not be read. It is an error, never drift: nothing is planned for it.
 *
 * @param address the object's address, or the collection's when the whole list failed
 */
public record ReadFailure(String address, GraphError error) {}
