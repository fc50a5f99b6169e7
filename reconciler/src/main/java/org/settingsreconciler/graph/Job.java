package org.settingsreconciler.graph;

/**
 * One piece of work for the {@link Dispatcher}: a request, or a list read page by page. It hands out one request at a
 * time and hears how each ended; retries are the dispatcher's business, not the job's.
 */
abstract class Job {

  /** The first request to send. */
  abstract Wire first();

  /**
   * The current request succeeded.
   *
   * @return the next request of this job (a list's next page), or null when the job is done
   * @throws GraphException when the answer, though a success, cannot be used; the job then fails with it
   */
  abstract Wire succeeded(GraphResponse response) throws GraphException;

  /** The job failed for good; it gets no further calls. */
  abstract void failed(GraphError error);

  /**
   * Whether an answer of this job may start further jobs (a listing whose pages feed more reads). While such a
   * job is in flight, a batch that is not full waits for the work its answer brings, rather than go half empty.
   */
  boolean generative() {
    return false;
  }
}
