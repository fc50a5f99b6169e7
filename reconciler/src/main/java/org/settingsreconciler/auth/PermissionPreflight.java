package org.settingsreconciler.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.plan.Change;
import org.settingsreconciler.plan.ReadFailure;
import org.settingsreconciler.resource.defs.AddressParser;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.state.AccessCheck;

/**
 * Compares what the settings need (each descriptor's {@link Permissions}, its app-only flags and whether it exists
 * outside the global cloud) with what the token carries (its decoded claims), before any request: a read or write
 * that is bound to fail is not sent, and the message says exactly what is missing and how to get it. When the token
 * is not a JWT its permissions are unknown, and only the cloud is checked.
 */
public final class PermissionPreflight implements AccessCheck {

  /** A setting that the docs list for the global cloud only, in a run against another cloud. */
  public static final String NOT_IN_CLOUD = "notInThisCloud";

  /** Admin roles Microsoft documents for a delegated call, where it names one. */
  private static final Map<String, String[]> ROLES =
      Map.of("copilot.limitedMode", new String[] {"Global Reader", "Global Administrator"});

  private final Optional<TokenClaims> claims;
  private final Cloud cloud;
  private final Supplier<String> hint;
  private String delegatedHint;

  /**
   * @param delegatedHint how to sign in as an admin in this environment, for messages
   */
  public PermissionPreflight(Optional<TokenClaims> claims, Cloud cloud, String delegatedHint) {
    this(claims, cloud, () -> delegatedHint);
  }

  /**
   * @param hint works out how to sign in as an admin in this environment, for messages; asked only when a message
   *     needs it (it reads the saved sign-in, which a run with a ready token never needs)
   */
  public PermissionPreflight(Optional<TokenClaims> claims, Cloud cloud, Supplier<String> hint) {
    this.claims = claims;
    this.cloud = cloud;
    this.hint = hint;
  }

  private String delegatedHint() {
    if (delegatedHint == null) {
      delegatedHint = hint.get();
    }
    return delegatedHint;
  }

  public Optional<TokenClaims> claims() {
    return claims;
  }

  /**
   * Settings in the desired state that do not exist in this cloud, each with where it is written. Plans refuse to
   * start with any: the YAML asks for something the cloud cannot have.
   */
  public static List<String> cloudProblems(DesiredState state, Cloud cloud) {
    if (cloud == Cloud.global) {
      return List.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (DesiredResource r : state.resources()) {
      if (r.id().descriptor().globalOnly()) {
        out.putIfAbsent(r.address(), r.address() + " (" + r.location() + ")");
      }
    }
    for (CollectionScope c : state.collections()) {
      if (c.descriptor().globalOnly()) {
        out.putIfAbsent(c.address(), c.address() + " (" + c.location() + ")");
      }
    }
    return out.values().stream()
        .map(a -> a + " exists only in the global cloud; this run is for --cloud " + cloud.name())
        .toList();
  }

  /**
   * What makes the token unusable for Graph at all: another audience (a token for Azure Resource Manager, say), or
   * expired. Checked before any request.
   */
  public Optional<String> tokenProblem(Instant now) {
    if (claims.isEmpty()) {
      return Optional.empty();
    }
    TokenClaims c = claims.get();
    if (c.audience() != null && !Cloud.isGraphAudience(c.audience())) {
      return Optional.of(
          "the access token is for " + c.audience() + ", not Microsoft Graph: get one for "
              + cloud.graphHost() + " (with the Azure CLI: az account get-access-token --resource-type ms-graph)");
    }
    if (c.audience() != null && !cloud.isAudience(c.audience())) {
      // Tokens are not interchangeable between clouds.
      return Optional.of(
          "the access token is for " + c.audience() + ", but this run is for --cloud " + cloud.name() + " ("
              + cloud.graphHost() + ")");
    }
    if (c.expiresAt() != null && !now.isBefore(c.expiresAt())) {
      return Optional.of("the access token expired at " + c.expiresAt() + ": get a new one");
    }
    return Optional.empty();
  }

  /** Why this token cannot read {@code d}, or empty. */
  public Optional<String> readProblem(ResourceDescriptor d) {
    return problem(d, false);
  }

  /** Why this token cannot write {@code d}, or empty. */
  public Optional<String> writeProblem(ResourceDescriptor d) {
    return problem(d, true);
  }

  @Override
  public Optional<GraphError> refuseRead(ResourceDescriptor d) {
    if (d.globalOnly() && cloud != Cloud.global) {
      return Optional.of(
          new GraphError(0, NOT_IN_CLOUD, null, d.type() + " exists only in the global cloud", null, null));
    }
    return readProblem(d).map(p -> GraphError.notSent(p, remedy(d, false)));
  }

  /** One line per resource type the plan would write without the permission, with the remedy; empty if none. */
  public List<String> writeRefusals(List<Change> changes) {
    Map<ResourceDescriptor, Integer> counts = new LinkedHashMap<>();
    for (Change c : changes) {
      counts.merge(c.resource().descriptor(), 1, Integer::sum);
    }
    List<String> out = new ArrayList<>();
    counts.forEach(
        (d, n) -> {
          if (d.globalOnly() && cloud != Cloud.global) {
            out.add(d.type() + " (" + n + " change" + (n == 1 ? "" : "s") + "): exists only in the global cloud");
            return;
          }
          writeProblem(d)
              .ifPresent(p -> out.add(p + " (" + n + " change" + (n == 1 ? "" : "s") + "). " + remedy(d, true)));
        });
    return out;
  }

  @Override
  public GraphError explain(ResourceDescriptor d, GraphError e, boolean write) {
    if (e.status() != 403 || claims.isEmpty()) {
      return e;
    }
    Optional<String> problem = problem(d, write);
    if (problem.isPresent()) {
      return e.withHint(problem.get() + ". " + remedy(d, write));
    }
    TokenClaims c = claims.get();
    String permission = write ? d.permissions().write() : d.permissions().read();
    String[] roles = ROLES.get(d.type());
    String why =
        c.appOnly()
            ? "Graph refused it anyway: check that admin consent is current for the app"
            : "Graph refused it anyway: the signed-in user needs an admin role for it"
                + (roles == null ? "" : " (" + roles[write ? 1 : 0] + ")");
    return e.withHint(d.type() + " needs " + permission + "; this token (" + c.kind() + ") has it, so " + why);
  }

  /**
   * The settings among {@code failures} that were not read because this token cannot read them, grouped by how to
   * fix it, as one paragraph for after the plan; empty when there are none.
   */
  public Optional<String> advice(List<ReadFailure> failures) {
    List<ResourceDescriptor> refused = new ArrayList<>();
    for (ReadFailure f : failures) {
      ResourceDescriptor d = AddressParser.typeOf(f.address());
      if (f.error() != null && f.error().notSent() && !refused.contains(d)) {
        refused.add(d);
      }
    }
    if (refused.isEmpty() || claims.isEmpty()) {
      return Optional.empty();
    }
    List<String> needDelegated = new ArrayList<>();
    List<String> needPermission = new ArrayList<>();
    for (ResourceDescriptor d : refused) {
      if (claims.get().appOnly() && !d.permissions().appOnlyRead()) {
        String[] roles = ROLES.get(d.type());
        needDelegated.add(d.type() + " (" + d.permissions().read() + "; to apply: " + d.permissions().write()
            + (roles == null ? "" : ", as " + roles[1]) + ")");
      } else {
        needPermission.add(d.type() + " (" + d.permissions().read() + ")");
      }
    }
    StringBuilder b = new StringBuilder();
    b.append("These settings were not read: this token (").append(claims.get().kind()).append(") cannot read them.");
    if (!needDelegated.isEmpty()) {
      b.append("\n  Need delegated sign-in (a signed-in admin): ").append(String.join("; ", needDelegated)).append('.');
      b.append("\n  To manage them: ").append(delegatedHint()).append('.');
    }
    if (!needPermission.isEmpty()) {
      b.append("\n  Missing permissions: ").append(String.join(", ", needPermission)).append('.');
      b.append("\n  Grant them to the app registration (with admin consent) and sign in again.");
    }
    b.append("\n  `reconciler permissions PATH...` lists every permission the desired state needs.");
    return Optional.of(b.toString());
  }

  private Optional<String> problem(ResourceDescriptor d, boolean write) {
    if (claims.isEmpty()) {
      return Optional.empty();
    }
    TokenClaims c = claims.get();
    Permissions p = d.permissions();
    String permission = write ? p.write() : p.read();
    boolean appOnlyAllowed = write ? p.appOnlyWrite() : p.appOnlyRead();
    if (c.appOnly() && !appOnlyAllowed) {
      return Optional.of(d.type() + " needs delegated sign-in with " + permission + "; this token is app-only");
    }
    if (!c.has(permission)) {
      String has = c.permissions().isEmpty() ? "has no Graph permissions" : "has " + String.join(", ", c.permissions());
      return Optional.of(
          d.type() + " needs " + (c.appOnly() ? "the application permission " : "the delegated permission ")
              + permission + "; this token (" + c.kind() + ") " + has);
    }
    return Optional.empty();
  }

  private String remedy(ResourceDescriptor d, boolean write) {
    TokenClaims c = claims.orElseThrow();
    Permissions p = d.permissions();
    boolean appOnlyAllowed = write ? p.appOnlyWrite() : p.appOnlyRead();
    String permission = write ? p.write() : p.read();
    String[] roles = ROLES.get(d.type());
    String role = roles == null ? "" : " with the " + roles[write ? 1 : 0] + " role";
    if (c.appOnly() && !appOnlyAllowed) {
      return "Sign in as an admin" + role + ": " + delegatedHint();
    }
    return "Grant " + permission + " (" + (c.appOnly() ? "application" : "delegated")
        + " permission) to the app registration with admin consent, then sign in again";
  }
}
