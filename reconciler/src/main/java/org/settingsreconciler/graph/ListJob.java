package org.settingsreconciler.graph;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Every item of a list: the first page, then each {@code @odata.nextLink} as its page arrives. A list whose paging
 * breaks (or goes round in a circle) fails as a whole, so a partial list is never mistaken for the tenant's.
 */
final class ListJob extends Job {

  static final int MAX_PAGES = 10_000;

  /**
   * The most items one list may hold: ten times the users of the largest tenants the tool is built for, and far
   * more than any settings collection. Past it a list fails as a whole, as a Graph that pages on and on with full
   * pages would otherwise fill the memory before the page cap is reached.
   */
  static final int MAX_ITEMS = 1_000_000;

  private final Origin origin;
  private final Wire first;
  /** The version the list is read in: a relative next link is relative to its root. */
  private final GraphVersion listVersion;
  private final Function<JsonNode, Optional<String>> check;
  private final Consumer<List<JsonNode>> onPage;
  private final Consumer<GraphResult<List<JsonNode>>> done;
  private final List<JsonNode> items = new ArrayList<>();
  /** For a list read as a stream: who hears each page and says when the next may be asked for; else null. */
  private final Streamed streamed;
  private int itemCount;
  /** Every page asked for so far. */
  private final Set<URI> visited = new HashSet<>();
  private int pages;

  /**
   * @param check what is wrong with an item (worded to follow "Graph answered with"), or empty: a page with an item
   *     that fails it fails the whole list, naming that page's request-id
   * @param onPage hears of each page's items as it arrives (to start work on them), or null
   */
  ListJob(Origin origin, String path, Function<JsonNode, Optional<String>> check, Consumer<List<JsonNode>> onPage,
      Consumer<GraphResult<List<JsonNode>>> done) {
    this.origin = origin;
    this.first = origin.get(path);
    this.listVersion = first.version();
    this.visited.add(first.uri());
    this.check = check;
    this.onPage = onPage;
    this.done = done;
    this.streamed = null;
  }

  /**
   * A list read as a stream (see {@link Bulk#stream}): its items are handed on page by page and not kept, and each
   * next page is asked for only once {@code streamed} says so, so a reader that falls behind holds back the listing
   * instead of piling up the work the pages start.
   */
  ListJob(Origin origin, String path, Function<JsonNode, Optional<String>> check, Streamed streamed) {
    this.origin = origin;
    this.first = origin.get(path);
    this.listVersion = first.version();
    this.visited.add(first.uri());
    this.check = check;
    this.onPage = null;
    this.done = null;
    this.streamed = streamed;
  }

  /** How a streamed list hands on its pages and learns when to go on. */
  interface Streamed {
    /**
     * A page's items, and what to run, once, when the next page may be asked for (at once from within this call, or
     * later from another callback of the same bulk); it is ignored after the last page.
     */
    void page(List<JsonNode> items, Runnable more);

    /** The list ended: null when every page was read, else why it could not be. */
    void ended(GraphError error);

    /** Starts a job on the bulk this list belongs to (the next page's request, when it may go). */
    void start(Job job);
  }
  @Override
  Wire first() {
    return first;
  }

  @Override
  Wire succeeded(GraphResponse r) throws GraphException {
    JsonNode value = r.body() == null ? null : r.body().get("value");
    if (value == null || !value.isArray()) {
      throw Responses.malformed("a list response without a value array", r.status(), r.requestId());
    }
    if (++pages > MAX_PAGES) {
      throw new GraphException(new GraphError(0, "tooManyPages", null, "paging did not end", r.requestId(), null));
    }
    JsonNode link = r.body().get("@odata.nextLink");
    if (link != null && !link.isNull() && !link.isString()) {
      throw Responses.malformed("an @odata.nextLink that is not a string", r.status(), r.requestId());
    }
    Wire next = link == null || link.isNull() ? null : origin.nextPage(link.asString(), listVersion, r.status(),
        r.requestId());
    if (next != null && !visited.add(next.uri())) {
      // Graph's next links carry a fresh skip token each time: one back to a page already read loops for ever.
      throw Responses.malformed("an @odata.nextLink back to a page already read", r.status(), r.requestId());
    }
    if (itemCount + value.size() > MAX_ITEMS) {
      throw new GraphException(new GraphError(0, "tooManyItems", null,
          "the list holds more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_ITEMS) + " items",
          r.requestId(), null));
    }
    List<JsonNode> page = new ArrayList<>(value.size());
    for (JsonNode item : value) {
      Optional<String> problem = check.apply(item);
      if (problem.isPresent()) {
        throw Responses.malformed(problem.get(), r.status(), r.requestId());
      }
      page.add(item);
    }
    itemCount += page.size();
    if (streamed != null) {
      return streamedPage(page, next);
    }
    items.addAll(page);
    if (onPage != null) {
      onPage.accept(page);
    }
    if (next == null) {
      done.accept(GraphResult.items(items));
    }
    return next;
  }

  /**
   * Hands a streamed page on; the next page's request is returned at once if the reader says so while it hears of the
   * page, or started later as a job of its own when it says so then.
   */
  private Wire streamedPage(List<JsonNode> page, Wire next) {
    boolean[] now = {false};
    boolean[] hearing = {true};
    boolean[] asked = {false};
    streamed.page(page, () -> {
      if (next == null || asked[0]) {
        return;
      }
      asked[0] = true;
      if (hearing[0]) {
        now[0] = true;
      } else {
        streamed.start(new NextPage(next));
      }
    });
    hearing[0] = false;
    if (next == null) {
      streamed.ended(null);
    }
    return now[0] ? next : null;
  }

  /** A streamed list's next page, started once its reader is ready for it; the list goes on from its answer. */
  private final class NextPage extends Job {
    private final Wire wire;

    NextPage(Wire wire) {
      this.wire = wire;
    }

    @Override
    Wire first() {
      return wire;
    }

    @Override
    Wire succeeded(GraphResponse response) throws GraphException {
      return ListJob.this.succeeded(response);
    }

    @Override
    void failed(GraphError error) {
      ListJob.this.failed(error);
    }

    @Override
    boolean generative() {
      return true;
    }
  }

  @Override
  void failed(GraphError error) {
    if (streamed != null) {
      streamed.ended(error);
    } else {
      done.accept(GraphResult.failed(error));
    }
  }

  @Override
  boolean generative() {
    return onPage != null || streamed != null;
  }
}
