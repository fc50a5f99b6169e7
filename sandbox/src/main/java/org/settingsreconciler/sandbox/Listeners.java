package org.settingsreconciler.sandbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The listeners of one sandbox, told in the order they were added. Nothing is built for them while there are none. */
final class Listeners implements SandboxListener {

  private final List<SandboxListener> all = new CopyOnWriteArrayList<>();

  void add(SandboxListener listener) {
    all.add(listener);
  }

  boolean none() {
    return all.isEmpty();
  }

  @Override
  public void received(Received request) {
    all.forEach(l -> l.received(request));
  }

  @Override
  public void served(Served request) {
    all.forEach(l -> l.served(request));
  }
}
