package org.settingsreconciler.run.fleet;

import java.util.Map;
import org.settingsreconciler.run.DesiredSource;
import org.settingsreconciler.run.GraphTarget;
import org.settingsreconciler.tenant.TenantConfig;

/**
 * What one tenant of a fleet runs the command with, made from its tenant.yaml and the command line.
 *
 * @param env the tenant's own environment: its credentials (see tenant.TenantEnvironment)
 * @param desired its layers and variables
 * @param graph its Graph (its cloud, tenant id and graphUrl, or its own sandbox), or null for a command that does not
 *     talk to Graph
 */
public record TenantRequest(TenantConfig tenant, Map<String, String> env, DesiredSource desired, GraphTarget graph) {}
