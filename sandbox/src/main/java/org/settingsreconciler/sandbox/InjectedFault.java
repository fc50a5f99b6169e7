package org.settingsreconciler.sandbox;

/**
 * Thrown while serving a request to answer it with a fault that only the HTTP side can carry out: a reset
 * connection, a held-back, malformed or truncated answer. Unchecked, like {@link GraphErrorException}.
 */
final class InjectedFault extends RuntimeException {

  private final Fault fault;
  private final SandboxResponse served;

  /** @param served the answer of the request, when the fault carried it out; else null */
  InjectedFault(Fault fault, SandboxResponse served) {
    super(fault.describe(), null, false, false);
    this.fault = fault;
    this.served = served;
  }

  Fault fault() {
    return fault;
  }

  SandboxResponse served() {
    return served;
  }
}
