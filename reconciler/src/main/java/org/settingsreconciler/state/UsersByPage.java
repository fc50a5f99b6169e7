package org.settingsreconciler.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.settingsreconciler.graph.GraphResult;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's users read page by page, for an export of every user: each page of {@code GET /users} starts the
 * reads of its users' settings, and once every read of a page has ended the page is handed on whole (its users and
 * what was read of them) and dropped. Pages are handed on in Graph's order, each page's users sorted by name (ignoring
 * case), so an export is the same for the same tenant; a tenant of one page (up to 999 users) is sorted throughout.
 * At most {@link #AHEAD} pages are open at once: the next page of users is asked for only when fewer are, so memory
 * holds a few pages' users, never the tenant's.
 */
final class UsersByPage {

  /** One page being read while the next is listed: the round trips stay full, and memory holds two pages. */
  static final int AHEAD = 2;

  /** Hears of each page of users once everything of theirs has been read. */
  @FunctionalInterface
  public interface Reader {
    /** Queues the reads of {@code users} into {@code into}; each recorded read is heard by its listener. */
    void read(List<String> users, CurrentState into);
  }

  /** A page of users whose reads are under way. */
  private final class Page implements CurrentState.Listener {
    final List<String> users;
    final CurrentState state = new CurrentState(this);
    int outstanding;

    Page(List<String> users, int reads) {
      this.users = users;
      this.outstanding = reads;
    }

    @Override
    public void object(String address, GraphResult<JsonNode> read) {
      ended();
    }

    @Override
    public void collection(String scopeAddress, GraphResult<List<JsonNode>> read) {
      ended();
    }

    private void ended() {
      outstanding--;
      handOn();
    }
  }

  private final int readsPerUser;
  private final Reader reader;
  private final Consumer<UserPage> to;
  private final Deque<Page> open = new ArrayDeque<>();
  /** The users seen so far, by name ignoring case: one listed twice (a directory changing as it is paged) is read once. */
  private final Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
  /** The listing's go-on, held while {@link #AHEAD} pages are open. */
  private Runnable more;
  private int pagesListed;
  private int usersListed;

  /**
   * @param readsPerUser how many reads {@code reader} queues for each user (each ends in one recorded read)
   */
  UsersByPage(int readsPerUser, Reader reader, Consumer<UserPage> to) {
    this.readsPerUser = readsPerUser;
    this.reader = reader;
    this.to = to;
  }

  /** A page of {@code GET /users} arrived; {@code more} asks for the next. */
  void listed(List<JsonNode> page, Runnable more) {
    pagesListed++;
    List<String> users = new ArrayList<>();
    for (JsonNode user : page) {
      JsonNode upn = user.get("userPrincipalName");
      String name = upn != null && upn.isString() ? upn.asString() : "";
      if (!name.isBlank() && seen.add(name)) {
        users.add(name);
      }
    }
    users.sort(String.CASE_INSENSITIVE_ORDER);
    usersListed += users.size();
    Page p = new Page(users, users.size() * readsPerUser);
    open.addLast(p);
    this.more = more;
    reader.read(users, p.state);
    handOn();
  }

  /** How many pages of users have been listed, and how many users they named. */
  int pagesListed() {
    return pagesListed;
  }

  int usersListed() {
    return usersListed;
  }

  /** Hands on every page at the front whose reads have all ended, then lets the listing go on if few are open. */
  private void handOn() {
    while (!open.isEmpty() && open.peekFirst().outstanding == 0) {
      Page done = open.pollFirst();
      to.accept(new UserPage(done.users, done.state));
    }
    if (more != null && open.size() < AHEAD) {
      Runnable go = more;
      more = null;
      go.run();
    }
  }
}
