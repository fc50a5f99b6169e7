package org.settingsreconciler.sandbox;

/**
 * Told what a sandbox receives and how it answers, for whoever wants to watch: the tests that assert what a client
 * sent, the benchmark that counts round trips and 429s. The sandbox itself keeps none of it (a sandbox serving for
 * hours, or a plan of every user, would otherwise grow without end). Called on the sandbox's threads, so an
 * implementation must be thread-safe and quick.
 */
public interface SandboxListener {

  /**
   * One request as it arrived, before anything was checked: a round trip (a {@code $batch} envelope too), or one
   * request carried in a batch.
   *
   * @param path the path, version first, with its raw query ({@code /v1.0/users?$top=2}); a batch item's is its URL
   *     under the batch's version
   * @param body the body as sent ("" for none); a batch item's JSON body as JSON text
   * @param client who sent it, as {@link Served#client()} names it (the Authorization header as sent), or null when
   *     the request carried none
   */
  record Received(String method, String path, String body, boolean inBatch, String client) {}

  /**
   * One request (on its own or from a batch) after the sandbox decided its answer.
   *
   * @param client who sent it: the Authorization header as sent, since the bearer token names a client, as throttling
   *     counts
   * @param arrivedNanos when its round trip arrived ({@link System#nanoTime()})
   * @param status the answer's status (0 when an injected fault breaks the connection instead)
   * @param retryAfter the answer's Retry-After header, or null
   * @param throttled whether the answer is the sandbox's throttling (not an injected fault)
   */
  record Served(String client, String method, String path, String body, long arrivedNanos, int status,
      String retryAfter, boolean throttled) {}

  default void received(Received request) {}

  default void served(Served request) {}
}
