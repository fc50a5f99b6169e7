package org.settingsreconciler.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import tools.jackson.databind.JsonNode;

/**
 * The emulator without HTTP: routes a request, serves it against the state, and persists successful writes. Writes
 * take the state's lock alone; reads share it, so a client reading thousands of users at once is not held up by
 * the sandbox. With a state file every request takes the lock alone, since any request may reload the file.
 */
final class SandboxService {

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Router router = new Router();
  private final FaultTable faults = new FaultTable();
  private final StateFile stateFile;
  private final LoadCounters counters = new LoadCounters();
  private volatile SandboxState state;
  private volatile URI baseUrl;
  /** The most items a page holds, or 0 for Graph's own paging (see {@link Pager}). */
  private volatile int pageSize;
  private volatile long latencyMillis;
  private volatile Throttle throttle;

  SandboxService(SandboxState initial, StateFile stateFile) {
    this.state = initial;
    this.stateFile = stateFile;
  }

  void baseUrl(URI url) {
    baseUrl = url;
  }

  void pageSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("page size must be at least 1, not " + size);
    }
    pageSize = size;
  }

  LoadCounters counters() {
    return counters;
  }

  long latencyMillis() {
    return latencyMillis;
  }

  void latency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    latencyMillis = latency.toMillis();
  }

  /** Throttles each client to {@code budget} requests per window; a budget of 0 turns throttling off. */
  void throttle(int budget, Duration window) {
    throttle = budget == 0 ? null : new Throttle(budget, window);
  }

  void injectFault(Fault fault) {
    synchronized (faults) {
      faults.add(fault);
    }
  }

  JsonNode snapshot() {
    lock.writeLock().lock();
    try {
      refreshFromFile();
      return state.snapshot();
    } finally {
      lock.writeLock().unlock();
    }
  }

  void load(JsonNode seed) {
    SandboxState next = SandboxState.from(seed);
    lock.writeLock().lock();
    try {
      state = next;
      persist();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Serves one authenticated request (on its own or from a batch) of a client, throttled if throttling is on.
   *
   * @param client who sent it, as throttling counts
   * @param arrived when its round trip arrived (nanoTime)
   */
  SandboxResponse serve(SandboxRequest request, String client, long arrived) {
    Throttle t = throttle;
    if (t != null) {
      String query = request.rawQuery() == null ? "" : "?" + request.rawQuery();
      // Method, URL and body: what makes a request the same request when it is sent again.
      String line = request.method() + " " + request.rawPath() + query + " " + request.bodyText();
      Throttle.Decision d = t.admit(client, line, arrived);
      if (d.early()) {
        counters.earlyRetries.incrementAndGet();
      }
      if (!d.admitted()) {
        counters.throttled.incrementAndGet();
        throw new GraphErrorException(
            429, "TooManyRequests", "Please retry again later.", "429",
            Map.of("Retry-After", Throttle.header(d.retryAfter())));
      }
    }
    return serve(request, SandboxRequests.faultPath(request));
  }

  /**
   * Serves one authenticated request.
   *
   * @param faultPath the path relative to /beta without query, as faults name it
   */
  SandboxResponse serve(SandboxRequest request, String faultPath) {
    Optional<Fault> fault;
    synchronized (faults) {
      fault = faults.take(request.method(), faultPath);
    }
    if (fault.isPresent()) {
      throw injected(fault.get());
    }
    boolean alone = stateFile != null || Writes.isWrite(request.method());
    Lock held = alone ? lock.writeLock() : lock.readLock();
    held.lock();
    try {
      refreshFromFile();
      Router.Match match = router.route(request.segments());
      Call call = new Call(request, match.user(), match.id(), state, baseUrl, pageSize);
      SandboxResponse response = match.handler().handle(call);
      if (Writes.isWrite(request.method()) && response.status() < 300) {
        persist();
      }
      return response;
    } finally {
      held.unlock();
    }
  }

  private static GraphErrorException injected(Fault f) {
    Map<String, String> headers = f.retryAfter() == null ? Map.of() : Map.of("Retry-After", f.retryAfter());
    return new GraphErrorException(
        f.status(), f.code(), "The sandbox answered with an injected fault (" + f.status() + ").", null, headers);
  }

  /** Picks up changes another process made to the shared state file. */
  private void refreshFromFile() {
    if (stateFile == null) {
      return;
    }
    try {
      stateFile.readIfChanged().ifPresent(json -> state = SandboxState.from(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void persist() {
    if (stateFile == null) {
      return;
    }
    try {
      stateFile.write(state.snapshot());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
