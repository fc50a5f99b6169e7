package org.settingsreconciler.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.settingsreconciler.graph.GraphException;
import org.settingsreconciler.load.ConfigError;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.model.Location;
import org.settingsreconciler.resolve.DirectoryUser;
import org.settingsreconciler.resolve.UnresolvedNamesException;
import org.settingsreconciler.resolve.UserDirectory;
import org.settingsreconciler.resource.ResourceId;

/**
 * A key under {@code users:} that names no user is an error at that key, as an unknown {@code {user: upn}} is at its
 * value, not a read that "could not be read". Graph answers every read under such a user 404; the same 404 can mean
 * something else (a setting the service lacks), so only the users whose reads answered 404 are looked up, through the
 * lookup {@code {user: upn}} uses: a plan whose reads all succeed costs no request more, however many users it has.
 * A user the lookup finds keeps its failures as they were; a lookup that itself fails hides nothing either.
 */
final class UnknownUserKeys {

  private UnknownUserKeys() {}

  /**
   * Throws {@link UnresolvedNamesException} naming each users: key of {@code desired} whose reads in {@code plan}
   * answered 404 and whose user the directory does not have.
   */
  static void check(DesiredState desired, Plan plan, UserDirectory directory) {
    Map<String, String> userOfAddress = addressesByUser(desired);
    Set<String> suspects = new LinkedHashSet<>();
    for (ReadFailure f : plan.failures()) {
      String user = userOfAddress.get(f.address());
      if (user != null && f.error() != null && f.error().status() == 404) {
        suspects.add(user);
      }
    }
    if (suspects.isEmpty()) {
      return;
    }
    Map<String, Optional<DirectoryUser>> found;
    try {
      found = directory.byPrincipalNames(suspects);
    } catch (GraphException e) {
      return; // the reads' own failures stand, each "could not be read"
    }
    List<ConfigError> errors = new ArrayList<>();
    for (String user : suspects) {
      Location at = desired.userKeys().get(user);
      if (found.getOrDefault(user, Optional.empty()).isEmpty() && at != null) {
        errors.add(new ConfigError(at, "users[" + ResourceId.quote(user) + "]",
            "no Entra user has the principal name " + ResourceId.quote(user) + ". Check the name (Graph matches it "
                + "ignoring case), or write the user's id instead"));
      }
    }
    if (!errors.isEmpty()) {
      throw new UnresolvedNamesException(errors, "user principal name");
    }
  }

  /** The user each address of the desired state's user-scoped objects and collections belongs to. */
  private static Map<String, String> addressesByUser(DesiredState desired) {
    Map<String, String> out = new LinkedHashMap<>();
    for (DesiredResource r : desired.resources()) {
      if (r.id().user() != null) {
        out.put(r.address(), r.id().user());
      }
    }
    for (CollectionScope c : desired.collections()) {
      if (c.user() != null) {
        out.put(c.address(), c.user());
      }
    }
    return out;
  }
}
