package org.settingsreconciler.state;

import org.settingsreconciler.graph.GraphResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.settingsreconciler.graph.Bulk;
import org.settingsreconciler.graph.Envelope;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.graph.GraphRequest;
import org.settingsreconciler.graph.GraphResponse;
import org.settingsreconciler.graph.VersionChoice;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resource.Operation;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.resource.Scope;
import org.settingsreconciler.resource.Shape;
import tools.jackson.databind.JsonNode;

/**
 * Reads the tenant's current state: only what a desired state manages (for plan, apply and check), or every
 * resource (for export). Every object and collection is handed to the client at once, so the reads share batches
 * and round trips; each is read once, and a failure is recorded against its address while the others go on.
 */
public final class StateReader {

  /**
   * Every user, only the two properties an export needs, in the largest pages Graph serves for users; under the
   * version the run's root chooses for directory reads.
   */
  static final String USERS = "/users?$select=id,userPrincipalName&$top=999";

  private final GraphClient client;
  private final AccessCheck access;
  private final Supplier<String> organization;

  /** A reader that learns the tenant's organization id itself, from {@code GET /organization}, if it needs it. */
  public StateReader(GraphClient client) {
    this(client, AccessCheck.NONE);
  }

  /** A reader that sends no read {@code access} refuses, and explains Graph's refusals with it. */
  public StateReader(GraphClient client, AccessCheck access) {
    this(client, access, () -> Organization.read(client).id());
  }

  /**
   * As {@link #StateReader(GraphClient, AccessCheck)}, with the tenant's organization id from {@code organization}
   * (null when it is not known): the run's own, learned once, so the paths under the organization object
   * ({@code /organization/{organization}/...}) cost no read of their own. It is asked only when such a resource is
   * read, and once.
   */
  public StateReader(GraphClient client, AccessCheck access, Supplier<String> organization) {
    this.client = client;
    this.access = access;
    this.organization = once(organization);
  }

  private static Supplier<String> once(Supplier<String> supplier) {
    return new Supplier<>() {
      private String value;
      private boolean asked;

      @Override
      public synchronized String get() {
        if (!asked) {
          value = supplier.get();
          asked = true;
        }
        return value;
      }
    };
  }

  /**
   * The tenant's organization id, which the paths under its organization object hold; null when it is not known, or
   * is no id a path can hold. Changes to those resources are planned with it too.
   */
  public String organizationId() {
    String id = organization.get();
    return id != null && ResourceId.isOneSegment(id) ? id : null;
  }

  /** The client this reader reads through, for lookups that belong to the same run (group names). */
  public GraphClient client() {
    return client;
  }

  public CurrentState readFor(DesiredState desired) {
    return readFor(desired, new CurrentState());
  }

  /**
   * Reads what {@code desired} manages into {@code into}, whose listener hears of each read as it ends; and the
   * collections its references need to be judged (see {@link ReferenceReads}).
   */
  public CurrentState readFor(DesiredState desired, CurrentState into) {
    Map<String, ResourceId> objects = new LinkedHashMap<>();
    for (DesiredResource r : desired.resources()) {
      if (r.id().descriptor().shape() != Shape.COLLECTION) {
        objects.putIfAbsent(r.address(), r.id());
      }
    }
    List<CollectionRef> collections = new ArrayList<>();
    for (CollectionScope c : desired.collections()) {
      collections.add(new CollectionRef(c.descriptor(), c.user()));
    }
    for (CollectionRef c : ReferenceReads.of(desired)) {
      if (collections.stream().noneMatch(managed -> managed.address().equals(c.address()))) {
        collections.add(c);
      }
    }
    return read(objects.values(), collections, into);
  }

  /** Reads every tenant-scoped resource (every item of a catalog), and the user-scoped ones of the given users. */
  public CurrentState readAll(List<String> users) {
    List<ResourceId> objects = new ArrayList<>();
    List<CollectionRef> collections = new ArrayList<>();
    tenantWide(objects, collections);
    users.forEach(u -> usersOwn(u, objects, collections));
    CurrentState state = new CurrentState();
    Bulk bulk = client.bulk();
    add(bulk, objects, collections, state);
    catalogs().forEach(d -> addCatalog(bulk, d, state));
    bulk.run();
    return state;
  }

  /**
   * Reads every tenant-scoped resource into {@code tenantWide}, lists the tenant's users, and reads their user-scoped
   * resources as a stream: each page of users starts the reads of its users, and is handed to {@code to} (in Graph's
   * page order, sorted within the page; see {@link UsersByPage}) once they have all ended, and then dropped. The
   * next page is listed only while few are open, so memory holds a few pages of users, not the tenant's.
   *
   * @param progress hears how many users have been listed and read
   */
  public AllUsersRead readAllUsers(CurrentState tenantWide, Consumer<UserPage> to, ReadProgress progress) {
    List<ResourceId> objects = new ArrayList<>();
    List<CollectionRef> collections = new ArrayList<>();
    tenantWide(objects, collections);
    Bulk bulk = client.bulk();
    add(bulk, objects, collections, tenantWide);
    catalogs().forEach(d -> addCatalog(bulk, d, tenantWide));
    int[] read = {0};
    UsersByPage pages = new UsersByPage(ResourceRegistry.userScoped().size(), (users, into) -> {
      List<ResourceId> theirObjects = new ArrayList<>();
      List<CollectionRef> theirCollections = new ArrayList<>();
      users.forEach(u -> usersOwn(u, theirObjects, theirCollections));
      add(bulk, theirObjects, theirCollections, into);
    }, page -> {
      read[0] += page.users().size();
      progress.usersRead(read[0]);
      to.accept(page);
    });
    GraphError[] usersError = {null};
    bulk.stream(client.versions().directoryPath(USERS), item -> Optional.empty(), (page, more) -> {
      pages.listed(page, more);
      progress.usersListed(pages.usersListed(), false);
    }, error -> {
      usersError[0] = error;
      progress.usersListed(pages.usersListed(), error == null);
    });
    bulk.run();
    return new AllUsersRead(read[0], usersError[0]);
  }

  /** Reads the given objects and whole collections, all at once. */
  public CurrentState read(Collection<ResourceId> objects, Collection<CollectionRef> collections) {
    return read(objects, collections, new CurrentState());
  }

  private CurrentState read(Collection<ResourceId> objects, Collection<CollectionRef> collections, CurrentState into) {
    Bulk bulk = client.bulk();
    add(bulk, objects, collections, into);
    bulk.run();
    return into;
  }

  /** Every user-scoped resource of {@code user}: their settings (objects) and their collections. */
  private static void usersOwn(String user, List<ResourceId> objects, List<CollectionRef> collections) {
    for (ResourceDescriptor d : ResourceRegistry.userScoped()) {
      if (d.shape() == Shape.COLLECTION) {
        collections.add(new CollectionRef(d, user));
      } else {
        objects.add(new ResourceId(d, user, null));
      }
    }
  }

  /** What a whole read of the tenant reads of its tenant-wide resources, but catalogs (see {@link #addCatalog}). */
  private static void tenantWide(List<ResourceId> objects, List<CollectionRef> collections) {
    for (ResourceDescriptor d : ResourceRegistry.tenantScoped()) {
      switch (d.shape()) {
        case SINGLETON -> objects.add(ResourceId.singleton(d));
        case FIXED_IDS -> d.fixedIds().forEach(id -> objects.add(new ResourceId(d, null, id)));
        case COLLECTION -> collections.add(new CollectionRef(d, null));
        case CATALOG -> { }
      }
    }
  }

  private static List<ResourceDescriptor> catalogs() {
    return ResourceRegistry.tenantScoped().stream().filter(d -> d.shape() == Shape.CATALOG).toList();
  }

  /**
   * Reads a whole catalog: its list, and each item it lists by its own GET, queued as each page arrives (Graph's list
   * shows less of an item than its GET: an agent's access lists only come with the item).
   */
  private void addCatalog(Bulk bulk, ResourceDescriptor d, CurrentState into) {
    CollectionRef list = new CollectionRef(d, null);
    var refused = refusal(d);
    if (refused.isPresent()) {
      into.putCollection(list.address(), GraphResult.failed(refused.get()));
      return;
    }
    VersionChoice versions = client.versions();
    bulk.list(list.basePath(versions), item -> AnswerShape.ofItem(d, item), page -> {
      List<ResourceId> items = new ArrayList<>();
      for (JsonNode item : page) {
        String id = d.key().keyOf(item);
        if (id != null && AnswerShape.ofItem(d, item).isEmpty()) {
          items.add(new ResourceId(d, null, id));
        }
      }
      add(bulk, items, List.of(), into);
    }, o -> into.putCollection(list.address(), collectionRead(d, o)));
  }

  /**
   * Queues the reads; one the permission preflight refuses, or of a resource the Graph version the root names lacks,
   * is recorded as not read and never sent.
   */
  private void add(
      Bulk bulk, Collection<ResourceId> objects, Collection<CollectionRef> collections, CurrentState into) {
    VersionChoice versions = client.versions();
    for (ResourceId id : objects) {
      var refused = refusal(id.descriptor()).or(() -> unusableUser(id.user())).or(() -> unknownOrganization(id));
      if (refused.isPresent()) {
        into.putObject(id.address(), GraphResult.failed(refused.get()));
        continue;
      }
      String path = id.objectPath(versions, null, this::organizationId);
      bulk.send(GraphRequest.get(path), o -> into.putObject(id.address(), objectRead(id, o)));
    }
    for (CollectionRef c : collections) {
      var refused = refusal(c.descriptor()).or(() -> unusableUser(c.user()));
      if (refused.isPresent()) {
        into.putCollection(c.address(), GraphResult.failed(refused.get()));
        continue;
      }
      ResourceDescriptor d = c.descriptor();
      bulk.list(c.basePath(versions), item -> AnswerShape.ofItem(d, item), null,
          o -> into.putCollection(c.address(), collectionRead(d, o)));
    }
  }

  /** A user name from the tenant's user list (or the command line) that would not stay one segment of the path. */
  private static Optional<GraphError> unusableUser(String user) {
    return user == null || ResourceId.isOneSegment(user) ? Optional.empty() : Optional.of(GraphError.notSent(
        "the user principal name " + ResourceId.quote(user) + " cannot be one segment of a URL path", null));
  }

  /** A resource under the organization object cannot be addressed while the tenant's organization id is unknown. */
  private Optional<GraphError> unknownOrganization(ResourceId id) {
    if (!id.descriptor().underOrganization() || organizationId() != null) {
      return Optional.empty();
    }
    return Optional.of(GraphError.notSent("the tenant's organization id, which the path " + id.descriptor().path()
        + " holds, is not known: the token names no tenant and GET /organization gave no usable id",
        "grant the permission GET /organization needs (User.Read, or Organization.Read.All for an app)"));
  }

  /** Why a read of {@code d} is not sent: the Graph version the root names lacks it, or the preflight refuses it. */
  private Optional<GraphError> refusal(ResourceDescriptor d) {
    return VersionCheck.refusal(d, client.versions()).or(() -> access.refuseRead(d));
  }

  /** The object Graph answered, if it is the resource's data (see {@link AnswerShape}); else why it is not. */
  private GraphResult<JsonNode> objectRead(ResourceId id, GraphResult<GraphResponse> o) {
    if (!o.ok()) {
      return GraphResult.failed(explain(id.descriptor(), o.error()));
    }
    GraphResponse r = o.value();
    JsonNode object = Envelope.unwrapSingle(r.body());
    return AnswerShape.ofEnvelope(id, r.body()).or(() -> AnswerShape.ofObject(id, object))
        .map(problem -> GraphResult.<JsonNode>failed(GraphError.malformed(problem, r.status(), r.requestId())))
        .orElseGet(() -> GraphResult.of(NestedAnnotations.strip(id.descriptor(), object)));
  }

  private GraphResult<List<JsonNode>> collectionRead(ResourceDescriptor d, GraphResult<List<JsonNode>> o) {
    return o.ok() ? GraphResult.items(o.value().stream().map(item -> NestedAnnotations.strip(d, item)).toList())
        : GraphResult.failed(explain(d, o.error()));
  }

  private GraphError explain(ResourceDescriptor d, GraphError e) {
    return access.explain(d, ErrorExplainer.explain(d, e, Operation.READ), Operation.READ);
  }
}
