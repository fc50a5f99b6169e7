package org.settingsreconciler.graph;

import java.util.function.Consumer;

/** A single request whose answer is handed over as it is. */
final class SendJob extends Job {

  private final Wire wire;
  private final Consumer<Outcome> done;

  SendJob(Wire wire, Consumer<Outcome> done) {
    this.wire = wire;
    this.done = done;
  }

  @Override
  Wire first() {
    return wire;
  }

  @Override
  Wire succeeded(GraphResponse response) {
    done.accept(Outcome.of(response));
    return null;
  }

  @Override
  void failed(GraphError error) {
    done.accept(Outcome.failed(error));
  }
}
