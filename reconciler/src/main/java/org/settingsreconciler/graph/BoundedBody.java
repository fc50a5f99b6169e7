package org.settingsreconciler.graph;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit. A larger body is cut off there and marked, and the rest is not
 * received, so a misbehaving server cannot fill the memory. Collecting the whole body before the answer is handed
 * on lets one deadline cover the round trip, headers and body alike: a server that stalls halfway through a body
 * times out like one that never answers.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Bytes> {

  /** A body as received: its bytes, and whether it went past the limit (then only the first bytes are kept). */
  record Bytes(byte[] data, boolean tooLarge) {}

  private final int limit;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final CompletableFuture<Bytes> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private BoundedBody(int limit) {
    this.limit = limit;
  }

  static HttpResponse.BodyHandler<Bytes> handler(int limit) {
    return info -> new BoundedBody(limit);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return; // cut off: what still arrives is dropped
    }
    for (ByteBuffer b : buffers) {
      if (received.size() + b.remaining() > limit) {
        subscription.cancel();
        result.complete(new Bytes(received.toByteArray(), true));
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      received.writeBytes(chunk);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(new Bytes(received.toByteArray(), false));
  }

  @Override
  public CompletionStage<Bytes> getBody() {
    return result;
  }
}
