package org.settingsreconciler.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
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

  /** Where a redirect fault points: a host that can never resolve, so nothing could reach it even if followed. */
  static final String REDIRECT_TO = "https://graph.redirect.invalid";

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Router router = new Router();
  private final FaultTable faults = new FaultTable();
  private final StateFile stateFile;
  private final Listeners listeners = new Listeners();
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

  Listeners listeners() {
    return listeners;
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

  /**
   * Throttles each client to {@code perApp} requests per window and all clients together to {@code perTenant} (see
   * {@link Throttle}); 0 is no limit of that scope, and both 0 turns throttling off.
   */
  void throttle(int perApp, int perTenant, Duration window) {
    throttle(perApp, perTenant, window, System::nanoTime);
  }

  /** As {@link #throttle(int, int, Duration)}, with the throttle's time read from {@code clock} (nanoseconds). */
  void throttle(int perApp, int perTenant, Duration window, java.util.function.LongSupplier clock) {
    throttle = perApp == 0 && perTenant == 0 ? null : new Throttle(perApp, perTenant, window, clock);
  }

  void injectFault(Fault fault) {
    synchronized (faults) {
      faults.add(fault);
    }
  }

  void clearFaults() {
    synchronized (faults) {
      faults.clear();
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

  /** The armed fault for this request, used up by one, or null: decided as the request arrives. */
  Fault takeFault(SandboxRequest request) {
    synchronized (faults) {
      return faults.take(request.method(), SandboxRequests.faultPath(request)).orElse(null);
    }
  }

  /** Serves one authenticated request of a client, with the fault armed for it if there is one. */
  SandboxResponse serve(SandboxRequest request, String client, long arrived) {
    return serve(request, client, arrived, takeFault(request));
  }

  /**
   * Serves one authenticated request (on its own or from a batch) of a client: with its fault if it has one, else
   * throttled if throttling is on and the client or its tenant is past its budget, else normally.
   *
   * @param arrived when its round trip arrived (nanoTime)
   * @param fault the fault taken for it (see {@link #takeFault}), or null
   * @throws InjectedFault for a fault only the HTTP side can answer with
   */
  SandboxResponse serve(SandboxRequest request, String client, long arrived, Fault fault) {
    if (listeners.none()) {
      return answer(request, client, fault);
    }
    int status = 0;
    String retryAfter = null;
    boolean throttled = false;
    try {
      SandboxResponse response = answer(request, client, fault);
      status = response.status();
      retryAfter = response.headers().get("Retry-After");
      return response;
    } catch (GraphErrorException e) {
      status = e.status();
      retryAfter = e.headers().get("Retry-After");
      throttled = e instanceof Throttled;
      throw e;
    } finally {
      listeners.served(new SandboxListener.Served(client, request.method(), path(request), request.bodyText(), arrived,
          status, retryAfter, throttled));
    }
  }

  private SandboxResponse answer(SandboxRequest request, String client, Fault fault) {
    if (fault != null) {
      return faulted(request, fault);
    }
    Throttle t = throttle;
    if (t == null) {
      return serveNow(request);
    }
    Throttle.Decision d = t.admit(client);
    boolean identity = IdentityAndAccess.covers(request.segments());
    if (!d.admitted()) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Retry-After", Throttle.header(d.retryAfter()));
      if (identity) {
        // concepts/throttling-limits.md, "Throttled responses requests": <Scope>/<Limit>/<ApplicationId>/<TenantId>.
        // The sandbox knows no app registrations: a client's application id is a UUID made from its token.
        // The scope is the limit that refused: the client's own (Tenant_Application) or the tenant's (Tenant).
        headers.put("x-ms-throttle-scope", d.scope().header() + "/ReadWrite/"
            + UUID.nameUUIDFromBytes(client.getBytes(StandardCharsets.UTF_8)) + "/" + tenantId());
        headers.put("x-ms-throttle-information", "ResourceUnitLimitExceeded");
      }
      throw new Throttled(headers);
    }
    SandboxResponse served = serveNow(request);
    if (!identity || d.used() <= Throttle.WARN_ABOVE) {
      return served;
    }
    // Graph's early warning, on answers served only: "Returned only when the application consumed more than 0.8 of
    // its limit" (concepts/throttling-limits.md, "Regular responses requests").
    Map<String, String> headers = new LinkedHashMap<>(served.headers());
    headers.put("x-ms-throttle-limit-percentage", Throttle.percentage(d.used()));
    return new SandboxResponse(served.status(), served.body(), headers);
  }

  private String tenantId() {
    JsonNode id = state.organization().get("id");
    return id == null ? "" : id.asString();
  }

  /** Graph's 429 for a client (or its tenant) past its budget, told apart from an injected 429 for the listeners. */
  private static final class Throttled extends GraphErrorException {
    Throttled(Map<String, String> headers) {
      super(429, "TooManyRequests", "Please retry again later.", "429", Map.copyOf(headers));
    }
  }

  /** The request's path, version first, with its query. */
  private static String path(SandboxRequest request) {
    String query = request.rawQuery() == null ? "" : "?" + request.rawQuery();
    return request.version().prefix() + request.rawPath() + query;
  }

  private SandboxResponse faulted(SandboxRequest request, Fault f) {
    return switch (f.kind()) {
      case ERROR -> {
        Map<String, String> headers = Map.of();
        if (f.retryAfter() != null) {
          headers = Map.of("Retry-After", f.retryAfter());
        }
        throw new GraphErrorException(
            f.status(), f.code(), "The sandbox answered with an injected fault (" + f.status() + ").", null, headers);
      }
      case ERROR_IN_200 -> throw new GraphErrorException(
          200, f.code(), "The sandbox answered with an injected fault: an error in a 200 answer.");
      case REDIRECT -> new SandboxResponse(302, null, Map.of("Location",
          REDIRECT_TO + request.version().prefix() + request.rawPath()));
      case EMPTY -> {
        serveNow(request);
        yield new SandboxResponse(200, null, Map.of());
      }
      case RESET, MALFORMED -> throw new InjectedFault(f, null);
      case TIMEOUT, TRUNCATED -> throw new InjectedFault(f, serveNow(request));
    };
  }

  /** Serves one request against the state, under the state's lock. */
  private SandboxResponse serveNow(SandboxRequest request) {
    boolean alone = stateFile != null || Writes.isWrite(request.method());
    Lock held = alone ? lock.writeLock() : lock.readLock();
    held.lock();
    try {
      refreshFromFile();
      Router.Match match = router.route(request.version(), request.segments());
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
