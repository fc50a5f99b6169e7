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
    if (items.size() + value.size() > MAX_ITEMS) {
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
    items.addAll(page);
    if (onPage != null) {
      onPage.accept(page);
    }
    if (next == null) {
      done.accept(GraphResult.items(items));
    }
    return next;
  }

  @Override
  void failed(GraphError error) {
    done.accept(GraphResult.failed(error));
  }

  @Override
  boolean generative() {
    return onPage != null;
  }
}
