package org.settingsreconciler.graph;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Many requests handed over at once, so they can share batches and round trips. Add requests and lists, then
 * {@link #run()}. Callbacks run one at a time on the thread that called {@code run()}, so they need no locking,
 * and they may add more work to this bulk (the next change to an address, the reads for a page of users).
 *
 * <pre>{@code
 * Bulk bulk = client.bulk();
 * bulk.send(GraphRequest.get("/v1.0/admin/people/pronouns"), outcome -> ...);
 * bulk.list("/beta/users/adele@contoso.com/profile/interests", null, list -> ...);
 * bulk.run();
 * }</pre>
 */
public final class Bulk {

  private final Dispatcher dispatcher;
  private final Origin origin;

  Bulk(Dispatcher dispatcher, Origin origin) {
    this.dispatcher = dispatcher;
    this.origin = origin;
  }

  /** Sends one request; {@code done} hears how it ended. */
  public Bulk send(GraphRequest request, Consumer<GraphResult<GraphResponse>> done) {
    dispatcher.start(new SendJob(origin.wire(request), done));
    return this;
  }

  /**
   * Reads every page of a list.
   *
   * @param onPage hears each page's items as the page arrives, or null
   * @param done hears the whole list, or why it could not be read
   */
  public Bulk list(String path, Consumer<List<JsonNode>> onPage, Consumer<GraphResult<List<JsonNode>>> done) {
    return list(path, item -> Optional.empty(), onPage, done);
  }

  /**
   * As {@link #list(String, Consumer, Consumer)}, where every item must pass {@code check}: it says what is wrong
   * with an item (worded to follow "Graph answered with"), or nothing. A list with an item that fails it is not read.
   */
  public Bulk list(String path, Function<JsonNode, Optional<String>> check, Consumer<List<JsonNode>> onPage,
      Consumer<GraphResult<List<JsonNode>>> done) {
    dispatcher.start(new ListJob(origin, path, check, onPage, done));
    return this;
  }

  /**
   * Reads a list as a stream: each page's items go to {@code onPage} and are not kept, and the next page is asked
   * for only once {@code onPage}'s second argument is run (at once, or from a later callback of this bulk). A reader
   * that runs it only when the work a page started has drained keeps in memory no more than a few pages need, however
   * long the list (every user of a large tenant).
   *
   * @param ended hears that the list ended: null when every page was read, else why it could not be
   */
  public Bulk stream(String path, Function<JsonNode, Optional<String>> check,
      BiConsumer<List<JsonNode>, Runnable> onPage, Consumer<GraphError> ended) {
    dispatcher.start(new ListJob(origin, path, check, new ListJob.Streamed() {
      @Override
      public void page(List<JsonNode> items, Runnable more) {
        onPage.accept(items, more);
      }

      @Override
      public void ended(GraphError error) {
        ended.accept(error);
      }

      @Override
      public void start(Job job) {
        dispatcher.start(job);
      }
    }));
    return this;
  }

  /** Sends everything, including what callbacks add, and returns when all of it has ended. */
  public void run() {
    dispatcher.run();
  }
}
