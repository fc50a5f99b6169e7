package org.settingsreconciler.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A stateful emulator of the Microsoft Graph endpoints the reconciler manages, under {@code /v1.0} and
 * {@code /beta} as each resource exists in them (both versions serve the same tenant), served over HTTP on the
 * loopback interface. It lets anyone run the tool without a tenant ({@code --sandbox}), backs the standalone
 * {@code sandbox} command, and serves as the test backend. Routes come from {@link Endpoints} (Microsoft's docs), types and
 * versions from Microsoft's metadata; behaviour follows docs/graph-facts.md.
 *
 * <pre>{@code
 * try (GraphSandbox sandbox = GraphSandbox.start(0, null, null)) {
 *   URI graph = sandbox.baseUrl(); // http://127.0.0.1:PORT, without a version
 * }
 * }</pre>
 */
public final class GraphSandbox implements AutoCloseable {

  private static final String DEMO_TENANT = "sandbox/demo-tenant.json";
  private static final String LOOPBACK = "127.0.0.1";
  private static final int THREADS = 32;
  /** Idle keep-alive connections the JDK server keeps open before it closes connections after each answer. */
  static final int MAX_IDLE_CONNECTIONS = 5000;

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, the body then waits for the
    // client's delayed ACK, about 40 ms per response. Read once, when the JDK server's config class loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    // Once it holds 200 idle connections, the JDK server closes every connection as soon as its answer is sent,
    // without saying so (no "Connection: close"); a client sending its next request on it gets a reset, and for a
    // POST or PATCH that is "maybe applied". Idle connections pile up where many clients share one JVM and sandbox
    // (a test suite running the CLI in-process: each run's client keeps its connections until it is collected), so
    // allow many; the server still closes each after 30 s idle.
    if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
      System.setProperty("sun.net.httpserver.maxIdleConnections", String.valueOf(MAX_IDLE_CONNECTIONS));
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final SandboxService service;
  private final FaultAnswers faultAnswers = new FaultAnswers();
  private final URI baseUrl;
  private boolean closed;

  private GraphSandbox(HttpServer server, ExecutorService executor, SandboxService service) {
    this.server = server;
    this.executor = executor;
    this.service = service;
    this.baseUrl = URI.create("http://" + LOOPBACK + ":" + server.getAddress().getPort());
    service.baseUrl(baseUrl);
  }

  /**
   * Starts a sandbox.
   *
   * @param port the port, or 0 for any free one; only 127.0.0.1 is bound, so nothing off this machine can reach it
   * @param stateFile where to keep the state between runs and processes (loaded if it exists, else created from
   *     the seed, and rewritten after every successful write), or null to keep it in memory only
   * @param seed the tenant to start from in the seed format, or null for {@link #demoTenant()}
   * @throws IllegalArgumentException if the seed (or state file) is not in the seed format
   * @throws IOException if the state file cannot be read, or is not a regular file (a device, pipe or link)
   */
  public static GraphSandbox start(int port, Path stateFile, JsonNode seed) throws IOException {
    return start(port, stateFile, seed, true);
  }

  /**
   * Starts a sandbox that may or may not write its state file.
   *
   * @param persist whether the state file is written (created from the seed, rewritten after every write); without,
   *     it is only read, if it exists, as the tenant to start from, and changes stay in memory: commands that do not
   *     apply (plan, check, export) never touch the file
   */
  public static GraphSandbox start(int port, Path stateFile, JsonNode seed, boolean persist) throws IOException {
    StateFile file = stateFile == null ? null : new StateFile(stateFile);
    SandboxState initial;
    if (file != null && file.exists()) {
      initial = SandboxState.from(file.read());
    } else {
      initial = SandboxState.from(seed == null ? demoTenant() : seed);
      if (file != null && persist) {
        file.write(initial.snapshot()); // so other processes sharing the file start from the same tenant
      }
    }
    SandboxService service = new SandboxService(initial, persist ? file : null);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 0);
    // Enough threads that a client running many requests at once is limited by itself and the simulated latency,
    // not by the sandbox (the state itself is guarded by one lock).
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
    server.setExecutor(executor);
    GraphSandbox sandbox = new GraphSandbox(server, executor, service);
    server.createContext("/", new ExchangeHandler(service, sandbox.faultAnswers));
    server.start();
    return sandbox;
  }

  /** The bundled demo tenant (a fresh copy each call), from the classpath resource {@value #DEMO_TENANT}. */
  public static JsonNode demoTenant() {
    try (InputStream in = GraphSandbox.class.getClassLoader().getResourceAsStream(DEMO_TENANT)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + DEMO_TENANT + " is missing from the build");
      }
      return SandboxJson.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JacksonException e) {
      throw new IllegalStateException(DEMO_TENANT + " is not valid JSON", e);
    }
  }

  /** A tenant nobody configured: every singleton at its documented default, empty collections, no users. */
  public static JsonNode emptyTenant() {
    return TenantDefaults.emptyTenant();
  }

  /**
   * The Graph root clients should use, e.g. {@code http://127.0.0.1:PORT} (no version, no trailing slash): requests
   * go under {@code /v1.0} or {@code /beta}. A client may also use the root of one version, as with Graph.
   */
  public URI baseUrl() {
    return baseUrl;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** A deep copy of the current state, in the seed format. */
  public JsonNode snapshot() {
    return service.snapshot();
  }

  /** Replaces the whole state (and the state file, if any). */
  public void load(JsonNode state) {
    service.load(state);
  }

  /**
   * Tells {@code listener} of every request from now on and of how each was answered (see {@link SandboxListener}).
   * The sandbox keeps nothing of them itself.
   */
  public void listen(SandboxListener listener) {
    service.listeners().add(listener);
  }

  /**
   * Arms a fault: the next {@code fault.times()} matching requests get it. Faults are tried in the order they were
   * armed, and a request gets the first that matches.
   */
  public void injectFault(Fault fault) {
    service.injectFault(fault);
  }

  /** Disarms every fault: the sandbox behaves again. */
  public void clearFaults() {
    service.clearFaults();
  }

  /**
   * The most items one page of any list holds, {@code $top} or not; small values exercise next-link paging. By
   * default pages are Graph's: 100 items, or up to 999 with {@code $top}.
   */
  public void setPageSize(int pageSize) {
    service.pageSize(pageSize);
  }

  /** How long every HTTP round trip (a batch counts once) waits before it is served, as over a real network. */
  public void setLatency(Duration latency) {
    service.latency(latency);
  }

  /**
   * Throttles like Graph: each client (bearer token) may make {@code budget} requests per {@code window}, batch
   * items counted one by one; past it, requests get 429 with a decimal Retry-After of the time left in the window,
   * longer each time a client is throttled again right after its last wait (see {@code Throttle}). Identity and access
   * answers carry Graph's headers for it: {@code x-ms-throttle-limit-percentage} past 0.8 of the budget, and the
   * scope and reason on 429s ({@code IdentityAndAccess}). No budget is shared by the clients: see
   * {@link #setThrottle(int, int, Duration)} for that.
   *
   * @param budget requests per window, or 0 to turn throttling off
   */
  public void setThrottle(int budget, Duration window) {
    setThrottle(budget, 0, window);
  }

  /**
   * Throttles like Graph with both of its common limits, "per app per tenant" and "per tenant for all apps"
   * (concepts/throttling-limits.md): each client (bearer token, one app) may make {@code perApp} requests per
   * {@code window}, and all clients together {@code perTenant}; a request is admitted only if both have room. When
   * the tenant's budget runs out every client is refused, each told the time left in the tenant's window (longer each
   * time the tenant is throttled again right after its last wait), and identity and access 429s say {@code
   * x-ms-throttle-scope: Tenant/...} instead of {@code Tenant_Application/...}. The early warning
   * ({@code x-ms-throttle-limit-percentage}) tells the larger of the two shares used.
   *
   * @param perApp requests per window and client, or 0 for no limit per client
   * @param perTenant requests per window of all clients together, or 0 for none; both 0 turns throttling off
   */
  public void setThrottle(int perApp, int perTenant, Duration window) {
    service.throttle(perApp, perTenant, window);
  }

  /** As {@link #setThrottle(int, Duration)}, with the throttle's time from {@code clock} (nanoseconds): for tests. */
  void setThrottle(int budget, Duration window, java.util.function.LongSupplier clock) {
    setThrottle(budget, 0, window, clock);
  }

  /**
   * As {@link #setThrottle(int, int, Duration)}, with the throttle's time from {@code clock} (nanoseconds): for tests.
   */
  void setThrottle(int perApp, int perTenant, Duration window, java.util.function.LongSupplier clock) {
    service.throttle(perApp, perTenant, window, clock);
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      server.stop(0);
      executor.shutdownNow();
      faultAnswers.close();
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "graph-sandbox-" + n.incrementAndGet());
      t.setDaemon(true); // a forgotten sandbox must not keep the CLI's JVM alive
      return t;
    };
  }
}
