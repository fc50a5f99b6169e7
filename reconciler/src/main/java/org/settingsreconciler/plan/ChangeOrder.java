package org.settingsreconciler.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Which changes of a list must have succeeded before another is sent: the one before it to the same address (a reset
 * and the delete Graph allows only after it), and every change at an address it depends on ({@link
 * Change#dependsOn()}). Plans are listed in an order that respects this, and apply sends a change only once its
 * prerequisites succeeded: the one rule both follow.
 */
public final class ChangeOrder {

  private ChangeOrder() {}

  /**
   * The key of the object a change writes: its address, ignoring case, since keys that differ only in case may name
   * the same object in Graph.
   */
  public static String objectKey(String address) {
    return address.toLowerCase(Locale.ROOT);
  }

  /** For each change, the indices of its prerequisites in {@code changes}: a dependency the list lacks is none. */
  public static List<Set<Integer>> prerequisites(List<Change> changes) {
    Map<String, List<Integer>> at = new HashMap<>();
    for (int i = 0; i < changes.size(); i++) {
      at.computeIfAbsent(objectKey(changes.get(i).address()), k -> new ArrayList<>()).add(i);
    }
    List<Set<Integer>> out = new ArrayList<>(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      Change c = changes.get(i);
      Set<Integer> before = new LinkedHashSet<>();
      List<Integer> same = at.get(objectKey(c.address()));
      int position = same.indexOf(i);
      if (position > 0) {
        before.add(same.get(position - 1));
      }
      for (String address : c.dependsOn()) {
        for (int j : at.getOrDefault(objectKey(address), List.of())) {
          if (j != i) {
            before.add(j);
          }
        }
      }
      out.add(before);
    }
    return out;
  }

  /**
   * The changes in an order where each comes after its prerequisites, and otherwise in the order given (a change
   * moves only as far as its dependencies make it).
   *
   * @throws IllegalStateException when the dependencies form a cycle, which no plan can order
   */
  public static List<Change> ordered(List<Change> changes) {
    List<Set<Integer>> before = prerequisites(changes);
    int[] waiting = new int[changes.size()];
    List<List<Integer>> after = new ArrayList<>();
    changes.forEach(c -> after.add(new ArrayList<>()));
    for (int i = 0; i < changes.size(); i++) {
      waiting[i] = before.get(i).size();
      for (int j : before.get(i)) {
        after.get(j).add(i);
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < changes.size(); i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    List<Change> out = new ArrayList<>(changes.size());
    while (!ready.isEmpty()) {
      int i = ready.poll();
      out.add(changes.get(i));
      for (int next : after.get(i)) {
        if (--waiting[next] == 0) {
          ready.add(next);
        }
      }
    }
    if (out.size() != changes.size()) {
      throw new IllegalStateException("the changes' dependencies form a cycle");
    }
    return out;
  }
}
