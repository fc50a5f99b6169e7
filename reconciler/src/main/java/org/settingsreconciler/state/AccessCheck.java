package org.settingsreconciler.state;

import java.util.Optional;
import org.settingsreconciler.graph.GraphError;
import org.settingsreconciler.resource.Operation;
import org.settingsreconciler.resource.ResourceDescriptor;

/**
 * What the run's credential can do, consulted before every read: a read that is bound to fail (an app-only token
 * for a delegated-only setting, a missing permission, a setting that does not exist in this cloud) is recorded as
 * failed without sending it, and a refusal Graph does send (403) is explained with what the token carries.
 */
public interface AccessCheck {

  /** No check: the sandbox, or a token that cannot be inspected. */
  AccessCheck NONE =
      new AccessCheck() {
        @Override
        public Optional<GraphError> refuseRead(ResourceDescriptor d) {
          return Optional.empty();
        }

        @Override
        public GraphError explain(ResourceDescriptor d, GraphError e, Operation op) {
          return e;
        }
      };

  /** Why reading {@code d} is bound to fail, as the error to record instead of sending; empty to send it. */
  Optional<GraphError> refuseRead(ResourceDescriptor d);

  /** {@code e}, with what the credential lacks added when Graph refused (403). */
  GraphError explain(ResourceDescriptor d, GraphError e, Operation op);
}
