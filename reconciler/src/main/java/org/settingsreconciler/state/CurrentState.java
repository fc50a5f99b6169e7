package org.settingsreconciler.state;

import tools.jackson.databind.JsonNode;
import org.settingsreconciler.graph.GraphResult;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What was read from the tenant, by address: objects (singletons and fixed ids) and whole collections. A read
 * that failed is kept as a failure, so it is reported as an error and never mistaken for drift.
 */
public final class CurrentState {

  /** Hears of each read as it is recorded, on the thread that records it (so a plan can be made as reads end). */
  public interface Listener {
    void object(String address, GraphResult<JsonNode> read);

    void collection(String scopeAddress, GraphResult<List<JsonNode>> read);

    /**
     * Whether the state keeps a read (asked before the listener hears of it). A plan of many users says no for each
     * user's reads, which it compares as they arrive, so the plan keeps changes, not the tenant's state.
     */
    default boolean keeps(String address) {
      return true;
    }
  }

  private static final Listener NOBODY = new Listener() {
    @Override
    public void object(String address, GraphResult<JsonNode> read) {}

    @Override
    public void collection(String scopeAddress, GraphResult<List<JsonNode>> read) {}
  };

  private final Map<String, GraphResult<JsonNode>> objects = new LinkedHashMap<>();
  private final Map<String, GraphResult<List<JsonNode>>> collections = new LinkedHashMap<>();
  private final Listener listener;

  public CurrentState() {
    this(NOBODY);
  }

  public CurrentState(Listener listener) {
    this.listener = listener;
  }

  public void putObject(String address, GraphResult<JsonNode> read) {
    if (listener.keeps(address)) {
      synchronized (this) {
        objects.put(address, read);
      }
    }
    listener.object(address, read);
  }

  public void putCollection(String scopeAddress, GraphResult<List<JsonNode>> read) {
    if (listener.keeps(scopeAddress)) {
      synchronized (this) {
        collections.put(scopeAddress, read);
      }
    }
    listener.collection(scopeAddress, read);
  }

  /** How many reads are kept: what a plan of many users is measured by (see {@link Listener#keeps}). */
  public synchronized int kept() {
    return objects.size() + collections.size();
  }

  public synchronized GraphResult<JsonNode> object(String address) {
    return objects.get(address);
  }

  public synchronized GraphResult<List<JsonNode>> collection(String scopeAddress) {
    return collections.get(scopeAddress);
  }

  public synchronized Map<String, GraphResult<JsonNode>> objects() {
    return Map.copyOf(objects);
  }
}
