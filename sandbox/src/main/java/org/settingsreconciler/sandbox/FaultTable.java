package org.settingsreconciler.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The injected faults still armed, each with its remaining count. Not thread-safe: the service synchronizes on it. */
final class FaultTable {

  private static final class Armed {
    final Fault fault;
    int remaining;

    Armed(Fault fault) {
      this.fault = fault;
      this.remaining = fault.times();
    }
  }

  private final List<Armed> armed = new ArrayList<>();

  void add(Fault fault) {
    armed.add(new Armed(fault));
  }

  void clear() {
    armed.clear();
  }

  /** The first armed fault matching the request, used up by one. */
  Optional<Fault> take(String method, String requestPath) {
    for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
      Armed a = it.next();
      if (a.fault.matches(method, requestPath)) {
        if (a.remaining != Fault.ALWAYS && --a.remaining == 0) {
          it.remove();
        }
        return Optional.of(a.fault);
      }
    }
    return Optional.empty();
  }
}
