package org.settingsreconciler.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The emulator without HTTP: routes a request, serves it against the state, and persists successful writes. One
 * lock serialises everything, which is plenty for a test and demo server and keeps handlers simple.
 */
final class SandboxService {

  private final Object lock = new Object();
  private final Router router = new Router();
  private final FaultTable faults = new FaultTable();
  private final StateFile stateFile;
  private final LoadCounters counters = new LoadCounters();
  private SandboxState state;
  private URI baseUrl;
  private int pageSize = 100;
  private volatile long latencyMillis;
  private volatile Throttle throttle;

  SandboxService(SandboxState initial, StateFile stateFile) {
    this.state = initial;
    this.stateFile = stateFile;
  }

  void baseUrl(URI url) {
    synchronized (lock) {
      baseUrl = url;
    }
  }

  void pageSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("page size must be at least 1, not " + size);
    }
    synchronized (lock) {
      pageSize = size;
    }
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
    synchronized (lock) {
      faults.add(fault);
    }
  }

  JsonNode snapshot() {
    synchronized (lock) {
      refreshFromFile();
      return state.snapshot();
    }
  }

  void load(JsonNode seed) {
    SandboxState next = SandboxState.from(seed);
    synchronized (lock) {
      state = next;
      persist();
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
    synchronized (lock) {
      Optional<Fault> fault = faults.take(request.method(), faultPath);
      if (fault.isPresent()) {
        throw injected(fault.get());
      }
      refreshFromFile();
      Router.Match match = router.route(request.segments());
      Call call = new Call(request, match.user(), match.id(), state, baseUrl, pageSize);
      SandboxResponse response = match.handler().handle(call);
      if (Writes.isWrite(request.method()) && response.status() < 300) {
        persist();
      }
      return response;
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
