package org.settingsreconciler.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The emulator without HTTP: routes a request, serves it against the state, and persists successful writes. One
 * lock serialises everything, which is plenty for a test and demo server and keeps handlers simple.
 */
final class SandboxService {

  private final Object lock = new Object();
  private final Router router = new Router();
  private final FaultTable faults = new FaultTable();
  private final StateFile stateFile;
  private SandboxState state;
  private URI baseUrl;
  private int pageSize = 100;

  SandboxService(SandboxState initial, StateFile stateFile) {
    this.state = initial;
    this.stateFile = stateFile;
  }

  void baseUrl(URI url) {
    synchronized (lock) {
      baseUrl = url;
    }
  }

  void pageSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("page size must be at least 1, not " + size);
    }
    synchronized (lock) {
      pageSize = size;
    }
  }

  void injectFault(Fault fault) {
    synchronized (lock) {
      faults.add(fault);
    }
  }

  JsonNode snapshot() {
    synchronized (lock) {
      refreshFromFile();
      return state.snapshot();
    }
  }

  void load(JsonNode seed) {
    SandboxState next = SandboxState.from(seed);
    synchronized (lock) {
      state = next;
      persist();
    }
  }

  /**
   * Serves one authenticated request.
   *
   * @param faultPath the path relative to /beta without query, as faults name it
   */
  SandboxResponse serve(SandboxRequest request, String faultPath) {
    synchronized (lock) {
      Optional<Fault> fault = faults.take(request.method(), faultPath);
      if (fault.isPresent()) {
        throw injected(fault.get());
      }
      refreshFromFile();
      Router.Match match = router.route(request.segments());
      Call call = new Call(request, match.user(), match.id(), state, baseUrl, pageSize);
      SandboxResponse response = match.handler().handle(call);
      if (Writes.isWrite(request.method()) && response.status() < 300) {
        persist();
      }
      return response;
    }
  }

  private static GraphErrorException injected(Fault f) {
    Map<String, String> headers = f.retryAfter() == null ? Map.of() : Map.of("Retry-After", f.retryAfter());
    return new GraphErrorException(
        f.status(), f.code(), "The sandbox answered with an injected fault (" + f.status() + ").", null, headers);
  }

  /** Picks up changes another process made to the shared state file. */
  private void refreshFromFile() {
    if (stateFile == null) {
      return;
    }
    try {
      stateFile.readIfChanged().ifPresent(json -> state = SandboxState.from(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void persist() {
    if (stateFile == null) {
      return;
    }
    try {
      stateFile.write(state.snapshot());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
