package org.settingsreconciler.access;

import org.settingsreconciler.text.Plural;
import org.settingsreconciler.auth.TokenClaims;
import org.settingsreconciler.auth.Cloud;
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
import org.settingsreconciler.resource.Access;
import org.settingsreconciler.resource.defs.AddressParser;
import org.settingsreconciler.resource.Operation;
import org.settingsreconciler.resource.Permissions;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.state.AccessCheck;

/**
 * Compares what the settings need (each descriptor's {@link Permissions}: per operation the permission, whether
 * app-only tokens may use it, and the directory role a signed-in admin needs; and whether the setting exists outside
 * the global cloud) with what the token carries (its decoded claims), before any request: a read or write that is
 * bound to fail is not sent, and the message says exactly what is missing and how to get it, role included. When the
 * token is not a JWT its permissions are unknown, and only the cloud is checked.
 */
public final class PermissionPreflight implements AccessCheck {

  /** A setting that the docs list for the global cloud only, in a run against another cloud. */
  public static final String NOT_IN_CLOUD = "notInThisCloud";

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



  /** Why this token cannot read {@code d}, or empty. */
  public Optional<String> readProblem(ResourceDescriptor d) {
    return problem(d, Operation.READ);
  }

  /** Why this token cannot send {@code op} (a write) to {@code d}, or empty. */
  public Optional<String> writeProblem(ResourceDescriptor d, Operation op) {
    return problem(d, op);
  }

  @Override
  public Optional<GraphError> refuseRead(ResourceDescriptor d) {
    if (d.globalOnly() && cloud != Cloud.global) {
      return Optional.of(
          new GraphError(0, NOT_IN_CLOUD, null, d.type() + " exists only in the global cloud", null, null));
    }
    return readProblem(d).map(p -> GraphError.notSent(p, remedy(d, Operation.READ)));
  }

  /**
   * One line per resource type and problem the plan would meet writing without the permission, with the remedy (the
   * role included); empty if none. Writes of one type that fail for the same reason share a line.
   */
  public List<String> writeRefusals(List<Change> changes) {
    // Keyed by problem and remedy: writes of one type that need different roles get a line each.
    record Refusal(String problem, String remedy) {} // remedy null: the cloud lacks the type
    Map<Refusal, Integer> counts = new LinkedHashMap<>();
    for (Change c : changes) {
      ResourceDescriptor d = c.resource().descriptor();
      Operation op = c.operation();
      if (d.globalOnly() && cloud != Cloud.global) {
        counts.merge(new Refusal(d.type(), null), 1, Integer::sum);
      } else {
        writeProblem(d, op).ifPresent(p -> counts.merge(new Refusal(p, remedy(d, op)), 1, Integer::sum));
      }
    }
    List<String> out = new ArrayList<>();
    counts.forEach((r, n) -> {
      String changed = Plural.count(n, "change");
      out.add(r.remedy() == null
          ? r.problem() + " (" + changed + "): exists only in the global cloud"
          : r.problem() + " (" + changed + "). " + r.remedy());
    });
    return out;
  }

  @Override
  public GraphError explain(ResourceDescriptor d, GraphError e, Operation op) {
    if (e.status() != 403 || claims.isEmpty()) {
      return e;
    }
    Optional<String> problem = problem(d, op);
    if (problem.isPresent()) {
      return e.withHint(problem.get() + ". " + remedy(d, op));
    }
    TokenClaims c = claims.get();
    Access a = d.permissions().of(op);
    String why =
        c.appOnly()
            ? "Graph refused it anyway: check that admin consent is current for the app"
            : "Graph refused it anyway: the signed-in user needs an admin role for it"
                + a.namedRole().map(r -> " (" + r + ")").orElse("");
    return e.withHint(
        d.type() + " needs " + a.permission(c.appOnly()) + "; this token (" + c.kind() + ") has it, so " + why);
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
      Permissions p = d.permissions();
      if (claims.get().appOnly() && !p.read().appOnly()) {
        String writeRoles = AccessPhrases.writeRoles(p);
        needDelegated.add(d.type() + " (" + p.read().delegated() + as(p.read()) + "; to apply: "
            + AccessPhrases.writePermissions(p) + (writeRoles.isEmpty() ? "" : ", as " + writeRoles) + ")");
      } else {
        boolean appOnly = claims.get().appOnly();
        needPermission.add(d.type() + " (" + p.read().permission(appOnly) + (appOnly ? "" : as(p.read())) + ")");
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

  /** ", as Global Reader" where the docs name a role for the operation; else empty. */
  private static String as(Access a) {
    return a.namedRole().map(r -> ", as " + r).orElse("");
  }

  private Optional<String> problem(ResourceDescriptor d, Operation op) {
    if (claims.isEmpty()) {
      return Optional.empty();
    }
    TokenClaims c = claims.get();
    Access a = d.permissions().of(op);
    if (c.appOnly() && !a.appOnly()) {
      return Optional.of(d.type() + " needs delegated sign-in with " + a.delegated() + "; this token is app-only");
    }
    String permission = a.permission(c.appOnly());
    if (!c.has(permission)) {
      String has = c.permissions().isEmpty() ? "has no Graph permissions" : "has " + String.join(", ", c.permissions());
      return Optional.of(
          d.type() + " needs " + (c.appOnly() ? "the application permission " : "the delegated permission ")
              + permission + "; this token (" + c.kind() + ") " + has);
    }
    return Optional.empty();
  }

  /**
   * How to get what {@code op} on {@code d} needs: delegated sign-in as an admin with the role the docs name, or the
   * permission granted (and, for a signed-in admin, the role too).
   */
  private String remedy(ResourceDescriptor d, Operation op) {
    TokenClaims c = claims.orElseThrow();
    Access a = d.permissions().of(op);
    String role = a.namedRole().map(r -> " with the " + r + " role").orElse("");
    if (c.appOnly() && !a.appOnly()) {
      return "Sign in as an admin" + role + ": " + delegatedHint();
    }
    if (c.appOnly()) {
      return "Grant " + a.application()
          + " (application permission) to the app registration with admin consent, then sign in again";
    }
    return "Grant " + a.delegated() + " (delegated permission) to the app registration with admin consent, then "
        + "sign in again" + (role.isEmpty() ? "" : " as an admin" + role);
  }
}
