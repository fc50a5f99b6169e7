package org.settingsreconciler.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.settingsreconciler.graph.GraphResult;
import org.settingsreconciler.model.CollectionScope;
import org.settingsreconciler.model.DesiredResource;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.state.CurrentState;
import org.settingsreconciler.state.ReadProgress;
import tools.jackson.databind.JsonNode;

/**
 * Counts the users a plan has read, for its progress lines: a user is read once every object and collection of theirs
 * the desired state manages has been. Hears reads before (and beside) the diff, on the thread that records them.
 */
final class UsersReadCount implements CurrentState.Listener {

  private final CurrentState.Listener diff;
  private final ReadProgress progress;
  /** Each user-scoped address still to be read, and whose it is. */
  private final Map<String, String> userOf = new HashMap<>();
  /** Each user's addresses still to be read. */
  private final Map<String, Integer> left = new HashMap<>();
  private int read;

  UsersReadCount(DesiredState desired, CurrentState.Listener diff, ReadProgress progress) {
    this.diff = diff;
    this.progress = progress;
    for (DesiredResource r : desired.resources()) {
      if (r.id().descriptor().shape() != Shape.COLLECTION && r.id().user() != null) {
        expect(r.address(), r.id().user());
      }
    }
    for (CollectionScope c : desired.collections()) {
      if (c.user() != null) {
        expect(c.address(), c.user());
      }
    }
    progress.usersTotal(left.size());
  }

  private void expect(String address, String user) {
    if (userOf.putIfAbsent(address, user) == null) {
      left.merge(user, 1, Integer::sum);
    }
  }

  @Override
  public boolean keeps(String address) {
    return diff.keeps(address);
  }

  @Override
  public void object(String address, GraphResult<JsonNode> read) {
    diff.object(address, read);
    heard(address);
  }

  @Override
  public void collection(String scopeAddress, GraphResult<List<JsonNode>> read) {
    diff.collection(scopeAddress, read);
    heard(scopeAddress);
  }

  private void heard(String address) {
    String user = userOf.remove(address);
    if (user != null && left.merge(user, -1, Integer::sum) == 0) {
      left.remove(user);
      progress.usersRead(++read);
    }
  }
}
