package org.settingsreconciler.graph;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests to Microsoft Graph: bearer token, JSON in and out, JSON batching and bounded concurrency, retries
 * where Graph allows them, a pace learned from Graph's throttling ({@link RatePolicy}), and Graph's error JSON turned
 * into {@link GraphError}. Callers hand over all their
 * requests at once ({@link #bulk()}, {@link #sendAll}, {@link #listAll}); the single-request methods are the same
 * machinery with one request.
 */
public final class GraphClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Origin origin;
  private final HttpTransport transport;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Throughput throughput;
  /** One per client: every bulk's requests draw on the same rates and wait out the same Retry-After. */
  private final Pacer pacer;

  /** How long one round trip may take, from sending to the last byte of the answer, unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /**
   * @param timeout the longest wait for one round trip's whole answer; a read that times out is tried again, a
   *     write is not (it may have been carried out)
   * @param rate how the pace is learned once Graph throttles
   */
  public GraphClient(
      URI root, AccessTokenProvider tokens, RetryPolicy retry, Sleeper sleeper, Throughput throughput,
      Duration timeout, RatePolicy rate) {
    this.origin = new Origin(root);
    this.transport = new HttpTransport(origin, tokens, timeout);
    this.retry = retry;
    this.sleeper = sleeper;
    this.throughput = throughput;
    this.pacer = new Pacer(rate, sleeper.nanoTime());
  }

  public GraphClient(
      URI root, AccessTokenProvider tokens, RetryPolicy retry, Sleeper sleeper, Throughput throughput,
      Duration timeout) {
    this(root, tokens, retry, sleeper, throughput, timeout, RatePolicy.DEFAULT);
  }

  public GraphClient(URI root, AccessTokenProvider tokens, RetryPolicy retry, Sleeper sleeper, Throughput throughput) {
    this(root, tokens, retry, sleeper, throughput, DEFAULT_TIMEOUT);
  }

  public GraphClient(URI root, AccessTokenProvider tokens, RetryPolicy retry, Sleeper sleeper) {
    this(root, tokens, retry, sleeper, Throughput.DEFAULT);
  }

  public GraphClient(URI root, AccessTokenProvider tokens, Throughput throughput) {
    this(root, tokens, RetryPolicy.DEFAULT, Sleeper.REAL, throughput);
  }

  public GraphClient(URI root, AccessTokenProvider tokens) {
    this(root, tokens, Throughput.DEFAULT);
  }

  /**
   * Builds, on the calling thread, the HTTP client the next GraphClient will use, so a command can have it built in
   * the background while it reads its input. Sends nothing.
   */
  public static void prepare() {
    HttpTransport.prepare();
  }

  /** The Graph root as given: without a version, or ending in the one version every request goes to. */
  public URI root() {
    return origin.root();
  }

  /** Which version each request goes to, as the root says: paths must start with the version this chooses. */
  public VersionChoice versions() {
    return origin.versions();
  }

  public Throughput throughput() {
    return throughput;
  }

  /**
   * Sends one line per request and per answer to {@code sink} (RECONCILER_DEBUG=1): method, URL, headers and status,
   * and one per rate learned from throttling. The Authorization header is always shown as {@code Bearer [redacted]};
   * bodies are not shown.
   */
  public void debugTo(java.util.function.Consumer<String> sink) {
    transport.debugTo(sink);
    pacer.debugTo(sink);
  }

  /**
   * Whether any request may have left this process for Graph: answered, or lost after its connection was made. False
   * while every attempt failed before sending (a refused connection, an unknown host, a TLS handshake), so "nothing
   * was sent" can be said only when it is true.
   */
  public boolean anythingSent() {
    return transport.roundTripsSent() > 0;
  }

  /** What this client has on the wire right now, and how often Graph has throttled it: for progress lines. */
  public Traffic traffic() {
    return transport.traffic();
  }

  /**
   * Starts each named workload ({@code users}, {@code admin}, ...: the first path segment after the version) at a
   * rate an earlier run learned, in requests a second, instead of at full speed until Graph throttles. Call before
   * sending; a workload already sent to keeps its own. From there each rate is learned on as any known one.
   */
  public void startAt(java.util.Map<String, Double> perSecond) {
    pacer.startAt(perSecond, sleeper.nanoTime());
  }

  /**
   * What a later run may start each workload Graph has taught a rate to at, in requests a second: the rate now, or 0.95
   * of the rate Graph last stopped it at if that is more.
   */
  public java.util.Map<String, Double> learnedRates() {
    return pacer.learned();
  }

  /** A new set of requests to send together. */
  public Bulk bulk() {
    return new Bulk(new Dispatcher(transport, retry, sleeper, throughput, pacer), origin);
  }

  /** Sends every request (batched, concurrently) and returns how each ended, in the order given. */
  public List<GraphResult<GraphResponse>> sendAll(List<GraphRequest> requests) {
    List<GraphResult<GraphResponse>> out = new ArrayList<>(Collections.nCopies(requests.size(), null));
    Bulk bulk = bulk();
    for (int i = 0; i < requests.size(); i++) {
      int index = i;
      bulk.send(requests.get(i), o -> out.set(index, o));
    }
    bulk.run();
    return out;
  }

  /** Reads every page of every list (batched, concurrently), in the order given. */
  public List<GraphResult<List<JsonNode>>> listAll(List<String> paths) {
    List<GraphResult<List<JsonNode>>> out = new ArrayList<>(Collections.nCopies(paths.size(), null));
    Bulk bulk = bulk();
    for (int i = 0; i < paths.size(); i++) {
      int index = i;
      bulk.list(paths.get(i), null, o -> out.set(index, o));
    }
    bulk.run();
    return out;
  }

  /** GETs one object, unwrapping the documented {@code {"value": {...}}} envelope. */
  public JsonNode getObject(String path) throws GraphException {
    return Envelope.unwrapSingle(send(GraphRequest.get(path)).body());
  }

  /** GETs every item of a list, following {@code @odata.nextLink} pages. */
  public List<JsonNode> list(String path) throws GraphException {
    GraphResult<List<JsonNode>> o = listAll(List.of(path)).get(0);
    if (!o.ok()) {
      throw new GraphException(o.error());
    }
    return new ArrayList<>(o.value());
  }

  public GraphResponse send(GraphRequest request) throws GraphException {
    GraphResult<GraphResponse> o = sendAll(List.of(request)).get(0);
    if (!o.ok()) {
      throw new GraphException(o.error());
    }
    return o.value();
  }

  /** Graph's error JSON in raw bytes as a {@link GraphError}; see {@link Responses#errorFrom}. */
  static GraphError errorFrom(int status, byte[] bytes, String requestId) {
    JsonNode body = null;
    boolean unreadable = false;
    try {
      body = bytes.length == 0 ? null : JSON.readTree(bytes);
    } catch (tools.jackson.core.JacksonException e) {
      unreadable = true;
    }
    return Responses.errorFrom(status, body, unreadable, requestId);
  }
}
