package org.settingsreconciler.resource.defs;

import static org.settingsreconciler.resource.ValueKind.BOOLEAN;
import static org.settingsreconciler.resource.ValueKind.USERS_AND_GROUPS;
import static org.settingsreconciler.resource.ValueKind.USER_ID;

import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.resource.Access;
import org.settingsreconciler.resource.AllowList;
import org.settingsreconciler.resource.BoundAction;
import org.settingsreconciler.resource.CollectionKey;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import tools.jackson.databind.node.BooleanNode;

/**
 * The Copilot agent catalog (docs/graph-facts.md section 7; MicrosoftDocs/m365copilot-docs
 * {@code docs/api/admin-settings/package/}): the agents of the organization catalog, as Graph's package management
 * API lists them, keyed by the package id. Agents are published in Microsoft 365 (by Microsoft, partners or the
 * organization), never created or deleted here: the tool blocks and unblocks them with the actions made for it, hands
 * one to a new owner ({@code reassign}), and sets who may use and who gets it (PATCH). Every write is beta only and
 * delegated only; list and get are also in v1.0, but one resource goes to one version, so all of it goes to beta. An
 * Agent 365 licence is required, and the global cloud.
 */
public final class CopilotAgents {

  public static final String BLOCKED = "isBlocked";

  public static final ResourceDescriptor DESCRIPTOR =
      ResourceDescriptor.builder("copilot.agents")
          .title("Copilot agent")
          // The package id, matched ignoring case: a YAML id in another case must never read as an agent it does not
          // list (the allow-list would block it).
          .catalog("/copilot/admin/catalog/packages", new CollectionKey("id", true, null, true))
          .versions(GraphVersion.BETA)
          .odataType("#microsoft.graph.copilotPackageDetail")
          .property(PropertySpec.of(BLOCKED, BOOLEAN))
          // Not in the docs' property tables, but in Microsoft's metadata: the owner reassign changes. The docs call
          // reassign's userId "the user ID of the new package owner", so the YAML may name the user by UPN.
          .property(PropertySpec.of("ownerId", USER_ID))
          // The two properties the update page lists as updatable.
          .property(PropertySpec.of("allowedUsersAndGroups", USERS_AND_GROUPS))
          .property(PropertySpec.of("acquireUsersAndGroups", USERS_AND_GROUPS))
          // Blocked before the PATCH (it takes the agent away), unblocked last, once who may use it is as desired.
          .action(BoundAction.setting("block", BLOCKED, BooleanNode.TRUE)
              .destructiveBecause("blocks the agent for the whole organization: everyone using it loses it"))
          .action(BoundAction.passing("reassign", "ownerId", "userId"))
          .action(BoundAction.setting("unblock", BLOCKED, BooleanNode.FALSE))
          .allowList(new AllowList("agentsNotListed", "block"))
          .describedBy("displayName", "publisher")
          .errorHint(404, null, "Graph found no such agent: the catalog has no package with this id (agents are "
              + "published in Microsoft 365, not created by the tool; export lists the ids it has), or the tenant has "
              + "no package management API (it needs a Microsoft Agent 365 licence)")
          .errorHint(403, null, "the package management API needs a Microsoft Agent 365 licence in the tenant, and "
              + "CopilotPackages.Read.All to read, CopilotPackages.ReadWrite.All with delegated sign-in to change")
          .permissions(
              Permissions.of(
                      Access.delegatedOrApp("CopilotPackages.Read.All", Access.NO_ROLE),
                      Access.delegatedOnly("CopilotPackages.ReadWrite.All", Access.NO_ROLE))
                  .withAction("block", Access.delegatedOnly("CopilotPackages.ReadWrite.All", Access.NO_ROLE))
                  .withAction("reassign", Access.delegatedOnly("CopilotPackages.ReadWrite.All", Access.NO_ROLE))
                  .withAction("unblock", Access.delegatedOnly("CopilotPackages.ReadWrite.All", Access.NO_ROLE)))
          .globalOnly()
          .schema("resources/copilot.agents.schema.json")
          .build();

  private CopilotAgents() {}
}
