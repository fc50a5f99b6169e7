package org.settingsreconciler.graph;

import java.util.function.Consumer;

/** A single request whose answer is handed over as it is. */
final class SendJob extends Job {

  private final Wire wire;
  private final Consumer<GraphResult<GraphResponse>> done;

  SendJob(Wire wire, Consumer<GraphResult<GraphResponse>> done) {
    this.wire = wire;
    this.done = done;
  }

  @Override
  Wire first() {
    return wire;
  }

  @Override
  Wire succeeded(GraphResponse response) {
    done.accept(GraphResult.of(response));
    return null;
  }

  @Override
  void failed(GraphError error) {
    done.accept(GraphResult.failed(error));
  }
}
