package org.settingsreconciler.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What was read from the tenant, by address: objects (singletons and fixed ids) and whole collections. A read
 * that failed is kept as a failure, so it is reported as an error and never mistaken for drift.
 */
public final class CurrentState {

  private final Map<String, ObjectRead> objects = new LinkedHashMap<>();
  private final Map<String, CollectionRead> collections = new LinkedHashMap<>();

  public synchronized void putObject(String address, ObjectRead read) {
    objects.put(address, read);
  }

  public synchronized void putCollection(String scopeAddress, CollectionRead read) {
    collections.put(scopeAddress, read);
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
