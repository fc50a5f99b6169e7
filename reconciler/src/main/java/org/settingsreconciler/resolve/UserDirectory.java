package org.settingsreconciler.resolve;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.settingsreconciler.graph.Bulk;
import org.settingsreconciler.graph.Envelope;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.graph.GraphException;
import org.settingsreconciler.graph.GraphRequest;
import org.settingsreconciler.graph.GraphResult;
import org.settingsreconciler.graph.GraphResponse;
import org.settingsreconciler.resource.Access;
import org.settingsreconciler.resource.ResourceId;
import tools.jackson.databind.JsonNode;

/**
 * Looks Entra users up by user principal name through {@code GET /users/{upn}?$select=id,userPrincipalName}, one
 * request per name, all sent at once (batched). Graph matches a principal name ignoring case; one it does not know
 * answers 404, which is no user rather than a failed lookup. Needs {@link #ACCESS}.
 */
public final class UserDirectory {

  /**
   * What these lookups need: the permissions data behind Microsoft's "Get user" names User.ReadBasic.All the least
   * privileged for {@code /users/{id}}, delegated and application alike, and no directory role (docs/permissions.md).
   */
  public static final Access ACCESS = Access.delegatedOrApp("User.ReadBasic.All", Access.NO_ROLE);

  private final GraphClient client;

  public UserDirectory(GraphClient client) {
    this.client = client;
  }

  /** The user of each principal name, keyed by the name as asked; empty where the directory has none. */
  public Map<String, Optional<DirectoryUser>> byPrincipalNames(Collection<String> names) throws GraphException {
    List<String> distinct = names.stream().distinct().toList();
    // Answers may arrive on the client's threads.
    Map<String, GraphResult<GraphResponse>> answers = new ConcurrentHashMap<>();
    Bulk bulk = client.bulk();
    for (String name : distinct) {
      if (!ResourceId.isOneSegment(name)) {
        continue; // "." or "..": no user is named so, and it would not stay one segment of the path
      }
      String path = client.versions().directoryPath(ResourceId.userPath(name) + "?$select=id,userPrincipalName");
      bulk.send(GraphRequest.get(path), o -> answers.put(name, o));
    }
    bulk.run();
    Map<String, Optional<DirectoryUser>> out = new LinkedHashMap<>();
    for (String name : distinct) {
      GraphResult<GraphResponse> o = answers.get(name);
      if (o == null || (!o.ok() && o.error().status() == 404)) {
        out.put(name, Optional.empty());
        continue;
      }
      if (!o.ok()) {
        throw new GraphException(o.error());
      }
      out.put(name, Optional.of(user(Envelope.unwrapSingle(o.value().body()), o.value())));
    }
    return out;
  }

  /** A user as Graph answered it; one without an id cannot stand for a name. */
  private static DirectoryUser user(JsonNode u, GraphResponse r) throws GraphException {
    JsonNode id = u == null ? null : u.get("id");
    if (id == null || !id.isString() || id.asString().isEmpty()) {
      throw new GraphException(GraphError.malformed("a user without its id", r.status(), r.requestId()));
    }
    JsonNode upn = u.get("userPrincipalName");
    return new DirectoryUser(id.asString(), upn != null && upn.isString() ? upn.asString() : null);
  }
}
