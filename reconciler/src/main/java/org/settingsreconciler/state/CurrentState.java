package org.settingsreconciler.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What was read from the tenant, by address: objects (singletons and fixed ids) and whole collections. A read
 * that failed is kept as a failure, so it is reported as an error and never mistaken for drift.
 */
public final class CurrentState {

  /** Hears of each read as it is recorded, on the thread that records it (so a plan can be made as reads end). */
  public interface Listener {
    void object(String address, ObjectRead read);

    void collection(String scopeAddress, CollectionRead read);
  }

  private static final Listener NOBODY = new Listener() {
    @Override
    public void object(String address, ObjectRead read) {}

    @Override
    public void collection(String scopeAddress, CollectionRead read) {}
  };

  private final Map<String, ObjectRead> objects = new LinkedHashMap<>();
  private final Map<String, CollectionRead> collections = new LinkedHashMap<>();
  private final Listener listener;

  public CurrentState() {
    this(NOBODY);
  }

  public CurrentState(Listener listener) {
    this.listener = listener;
  }

  public void putObject(String address, ObjectRead read) {
    synchronized (this) {
      objects.put(address, read);
    }
    listener.object(address, read);
  }

  public void putCollection(String scopeAddress, CollectionRead read) {
    synchronized (this) {
      collections.put(scopeAddress, read);
    }
    listener.collection(scopeAddress, read);
  }

  public synchronized ObjectRead object(String address) {
    return objects.get(address);
  }

  public synchronized CollectionRead collection(String scopeAddress) {
    return collections.get(scopeAddress);
  }

  public synchronized Map<String, ObjectRead> objects() {
    return Map.copyOf(objects);
  }
}
