package org.settingsreconciler.sandbox;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** For tests of the sandbox itself: a fresh demo tenant on a free loopback port for every test, and a client. */
abstract class FreshSandbox {

  GraphSandbox sandbox;
  /** What the sandbox received and served, from its start. */
  SandboxProbe probe;
  SandboxClient client;

  @BeforeEach
  void startSandbox() throws IOException {
    sandbox = GraphSandbox.start(0, null, null);
    probe = SandboxProbe.on(sandbox);
    client = new SandboxClient(sandbox);
  }

  @AfterEach
  void stopSandbox() {
    sandbox.close();
  }
}
