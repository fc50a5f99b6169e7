package org.settingsreconciler.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.settingsreconciler.hostile.HostileTenant.Reply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Microsoft Graph of the test suite's own that misbehaves on purpose. It is a small HTTP/1.1 server on a plain
 * {@link ServerSocket}, one request per connection, so that it can also fail below HTTP: reset a connection halfway
 * through a body, close it without a word, stall before the headers. It serves {@link HostileTenant} at
 * {@code /beta}, with JSON batching at {@code /beta/$batch}.
 *
 * <p>One {@link Trick} is armed at a time, aimed at one request (method and path): every round trip that carries that
 * request, alone or inside a batch, gets the trick instead of an honest answer. The server logs every request it was
 * sent (batch items too) and every write it carried out, so a test can hold what the tool says against what
 * happened. Neither the sandbox nor WireMock is involved: nothing here shares code with the tool's idea of Graph.
 */
final class HostileGraph implements AutoCloseable {

  private static final String ROOT = "/beta";

  /** One request as it arrived: batch items are logged too, with {@code inBatch} set. */
  record Sent(String method, String path, boolean inBatch, String authorization, Instant at) {}

  private record Armed(Trick trick, String method, String path, AtomicInteger strikes) {}

  private final ServerSocket server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "hostile-graph");
    t.setDaemon(true);
    return t;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final HostileTenant tenant = new HostileTenant();
  private final List<Sent> sent = new CopyOnWriteArrayList<>();
  /** Each Retry-After this server gave, by path: no request to that path may come before it. */
  private final Map<String, Instant> notBefore = new ConcurrentHashMap<>();
  private final AtomicInteger earlyRetries = new AtomicInteger();
  private final AtomicInteger requestIds = new AtomicInteger();
  private volatile Armed armed;

  HostileGraph() {
    try {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pool.execute(this::accept);
  }

  String graphUrl() {
    return "http://127.0.0.1:" + server.getLocalPort() + ROOT;
  }

  HostileTenant tenant() {
    return tenant;
  }

  /** From now on, {@code trick} answers every round trip that carries {@code method path}. */
  void arm(Trick trick, String method, String path) {
    armed = new Armed(trick, method, path, new AtomicInteger());
  }

  /** The tenant back to its seed, no trick armed, the logs empty, and any stalled connection dropped. */
  void reset() {
    armed = null;
    tenant.reset();
    sent.clear();
    notBefore.clear();
    earlyRetries.set(0);
    open.forEach(HostileGraph::closeQuietly);
  }

  /** How many times the armed trick struck. */
  int strikes() {
    Armed a = armed;
    return a == null ? 0 : a.strikes().get();
  }

  List<Sent> sent() {
    return List.copyOf(sent);
  }

  /** The requests that would change the tenant, batch items included and batch envelopes not. */
  List<Sent> writesSent() {
    return sent.stream().filter(s -> !s.method().equals("GET") && !s.path().equals("/$batch")).toList();
  }

  /** Requests sent to a path before the Retry-After this server gave for it had passed. */
  int earlyRetries() {
    return earlyRetries.get();
  }

  // ---- the socket ----

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        pool.execute(() -> serve(s));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setSoTimeout(10_000);
      Request r = Request.read(s.getInputStream());
      if (r != null) {
        answer(r, new Socketed(s));
      }
    } catch (IOException | RuntimeException gone) {
      // The client went away, or a trick closed the socket under its own feet: either is the point.
    } finally {
      open.remove(s);
    }
  }

  /** A request as read off the socket; the target is relative to the version root. */
  private record Request(String method, String target, Map<String, String> headers, String body) {

    static Request read(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          return null;
        }
        head.write(b);
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
      String[] start = lines[0].split(" ");
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
        }
      }
      int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
      String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      String target = start[1].startsWith(ROOT) ? start[1].substring(ROOT.length()) : start[1];
      return new Request(start[0], target, headers, body);
    }
  }

  /** The connection of one round trip, as a wire trick handles it. */
  final class Socketed {
    private final Socket socket;

    private Socketed(Socket socket) {
      this.socket = socket;
    }

    /** An HTTP answer, with the request-id Graph puts on every answer. */
    void send(Reply r) throws IOException {
      byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder("HTTP/1.1 " + r.status() + " Hostile\r\n");
      if (!r.body().isEmpty()) {
        head.append("Content-Type: ").append(r.contentType()).append("\r\n");
      }
      r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("request-id: hostile-").append(requestIds.incrementAndGet()).append("\r\n");
      head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
      raw(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      raw(body);
      remember(r);
    }

    void raw(byte[] bytes) throws IOException {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
    }

    /** A TCP reset: the connection is dropped, not closed. */
    void reset() throws IOException {
      socket.setSoLinger(true, 0);
      socket.close();
    }

    void close() throws IOException {
      socket.close();
    }

    /** Holds the connection without a word until the test moves on (or 20 s pass). */
    void stall() {
      long until = System.nanoTime() + 20_000_000_000L;
      while (!socket.isClosed() && System.nanoTime() < until) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  // ---- answering ----

  private void answer(Request r, Socketed socket) throws IOException {
    if (r.method().equals("POST") && r.target().equals("/$batch")) {
      batch(r, socket);
      return;
    }
    log(r.method(), r.target(), false, r.headers().get("Authorization"));
    JsonNode body = r.body().isEmpty() ? null : parseOrNull(r.body());
    Armed a = strike(r.method(), r.target());
    Reply honest = tenant.handle(r.method(), r.target(), body, carriesOut(a, r.method()));
    if (a == null || a.trick().behaviour() instanceof Trick.Batch) {
      socket.send(honest);
    } else if (a.trick().behaviour() instanceof Trick.Item item) {
      socket.send(item.rewrite().apply(honest));
    } else if (a.trick().behaviour() instanceof Trick.Wire wire) {
      wire.act().answer(socket, honest);
    }
  }

  private void batch(Request r, Socketed socket) throws IOException {
    String authorization = r.headers().get("Authorization");
    log("POST", "/$batch", false, authorization);
    JsonNode root = parseOrNull(r.body());
    ArrayNode responses = HostileTenant.JSON.createArrayNode();
    Armed hit = null;
    String hitId = null;
    for (JsonNode item : root.get("requests")) {
      String id = item.get("id").asString();
      String method = item.get("method").asString();
      String url = item.get("url").asString();
      log(method, url, true, authorization);
      Armed a = strike(method, url);
      Reply reply = tenant.handle(method, url, item.get("body"), carriesOut(a, method));
      if (a != null && a.trick().behaviour() instanceof Trick.Item rewrite) {
        reply = rewrite.rewrite().apply(reply);
      } else if (a != null) {
        hit = a;
        hitId = id;
      }
      responses.add(item(id, reply));
    }
    Reply envelope = Reply.json(200, HostileTenant.JSON.createObjectNode().set("responses", responses));
    if (hit == null) {
      socket.send(envelope);
    } else if (hit.trick().behaviour() instanceof Trick.Batch mangle) {
      mangle.mangle().accept(responses, hitId);
      socket.send(Reply.json(200, HostileTenant.JSON.createObjectNode().set("responses", responses)));
    } else if (hit.trick().behaviour() instanceof Trick.Wire wire) {
      wire.act().answer(socket, envelope);
    }
  }

  /** A batch item: JSON bodies as JSON, anything else as the string Graph would put there. */
  private ObjectNode item(String id, Reply reply) {
    ObjectNode n = HostileTenant.JSON.createObjectNode();
    n.put("id", id);
    n.put("status", reply.status());
    ObjectNode headers = n.putObject("headers");
    headers.put("Content-Type", reply.contentType());
    reply.headers().forEach(headers::put);
    if (!reply.body().isEmpty()) {
      JsonNode parsed = reply.contentType().startsWith("application/json") ? parseOrNull(reply.body()) : null;
      n.set("body", parsed != null ? parsed : HostileTenant.JSON.getNodeFactory().stringNode(reply.body()));
    }
    remember(reply);
    return n;
  }

  /** The armed trick, counted as struck, when it is aimed at this request and has strikes left; else null. */
  private Armed strike(String method, String target) {
    Armed a = armed;
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    if (a == null || !a.method().equals(method) || !a.path().equals(path)) {
      return null;
    }
    int n = a.strikes().incrementAndGet();
    if (a.trick().times() > 0 && n > a.trick().times()) {
      a.strikes().decrementAndGet();
      return null;
    }
    return a;
  }

  private static boolean carriesOut(Armed a, String method) {
    return a == null || method.equals("GET") || a.trick().carriesOut();
  }

  private void log(String method, String target, boolean inBatch, String authorization) {
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    Instant now = Instant.now();
    Instant promised = notBefore.get(path);
    if (promised != null && now.isBefore(promised)) {
      earlyRetries.incrementAndGet();
    }
    sent.add(new Sent(method, target, inBatch, authorization, now));
  }

  /** Notes a Retry-After this server gave (seconds or an HTTP date), for the path the trick is aimed at. */
  private void remember(Reply r) {
    String retryAfter = r.headers().get("Retry-After");
    Armed a = armed;
    if (retryAfter == null || a == null) {
      return;
    }
    Instant until = retryAfter.strip().matches("\\d+")
        ? Instant.now().plusSeconds(Long.parseLong(retryAfter.strip()))
        : ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    notBefore.put(a.path(), until);
  }

  private static JsonNode parseOrNull(String s) {
    try {
      return HostileTenant.JSON.readTree(s);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** An HTTP date as Retry-After may carry it: RFC 9110's IMF-fixdate, {@code Wed, 21 Oct 2026 07:28:00 GMT}. */
  static String httpDate(Instant at) {
    return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
        .format(at.atZone(ZoneOffset.UTC));
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // already closed
    }
    new ArrayList<>(open).forEach(HostileGraph::closeQuietly);
    pool.shutdownNow();
  }
}
