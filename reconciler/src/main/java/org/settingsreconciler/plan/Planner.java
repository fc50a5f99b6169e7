package org.settingsreconciler.plan;

import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.resolve.NameResolver;
import org.settingsreconciler.resolve.UserDirectory;
import org.settingsreconciler.state.CurrentState;
import org.settingsreconciler.state.ReadProgress;
import org.settingsreconciler.state.StateReader;

/**
 * Resolves group and user names, reads what a desired state manages and diffs it: the shared first half of plan,
 * apply and check. Names are resolved here, once per run and before anything is read or written, so an unknown or
 * ambiguous name (resolve.UnresolvedNamesException), or a lookup that failed (resolve.NameLookupException), stops
 * the run with nothing sent but the lookup. A users: key whose user does not exist stops it the same way, once its
 * reads have answered 404 (see {@link UnknownUserKeys}).
 */
public final class Planner {

  private final StateReader reader;
  private final RecentCreates recent;
  private final Differ differ;

  public Planner(StateReader reader) {
    this(reader, RecentCreates.NONE);
  }

  /** A planner that holds back the creates {@code recent} says an earlier apply sent moments ago. */
  public Planner(StateReader reader, RecentCreates recent) {
    this.reader = reader;
    this.recent = recent;
    // Changes go to the versions the run's Graph root says, and to the organization id, as the reads do.
    this.differ = new Differ(reader.client().versions(), reader::organizationId);
  }

  public Plan plan(DesiredState desired) {
    return plan(desired, ReadProgress.silent());
  }

  /**
   * As {@link #plan(DesiredState)}, telling {@code progress} how many of the desired state's users have been read.
   * Each user's reads are compared as they arrive and then dropped (see DiffInProgress#keeps), so a plan of every
   * user holds their changes, not their state.
   */
  public Plan plan(DesiredState desired, ReadProgress progress) {
    DesiredState resolved = new NameResolver(reader.client()).resolve(desired);
    // Compared as the reads end, while later round trips are still on the wire: the client waits on them anyway.
    DiffInProgress diff = differ.start(resolved, recent);
    progress.start(reader.client().traffic());
    CurrentState current;
    try {
      current = reader.readFor(resolved, new CurrentState(new UsersReadCount(resolved, diff, progress)));
    } finally {
      progress.done();
    }
    Plan plan = diff.finish(current);
    // Names again, this time the users: keys: known to be wrong only once their reads answered 404.
    UnknownUserKeys.check(resolved, plan, new UserDirectory(reader.client()));
    return plan;
  }
}
