package org.settingsreconciler.hostile;

import java.io.IOException;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.settingsreconciler.hostile.HostileTenant.Reply;
import tools.jackson.databind.node.ArrayNode;

/**
 * One way the hostile Graph answers badly, aimed at one request, and what a careful client must make of it.
 *
 * @param carriesOut for a write: whether the server carries it out before answering badly (the tool cannot know;
 *     only reading the tenant back can tell)
 * @param times how many times it strikes before the server behaves again; 0 for every time
 * @param read what the tool must make of a read it hits
 * @param write what the tool must make of a write it hits
 * @param slow it makes the client wait out its timeout: the run gets a short one
 */
record Trick(String name, Behaviour behaviour, boolean carriesOut, int times, Read read, Write write, boolean slow) {

  /** What a read that meets the trick must end as. */
  enum Read {
    /** "could not be read", exit 1, never drift, nothing written. */
    UNREADABLE,
    /** The trick wears off or does no harm: the run ends as against an honest Graph. */
    RECOVERS
  }

  /** What a write that meets the trick must end as. */
  enum Write {
    /** Graph said no, clearly: the write is reported failed, and it was not carried out. */
    REFUSED,
    /** The write's fate is unknown from the answer: it is judged by reading the tenant back, never reported failed. */
    UNKNOWN,
    /** The write went through: it is reported applied. */
    ACCEPTED
  }

  /** Where the trick acts. */
  sealed interface Behaviour permits Item, Wire, Batch {}

  /** The answer to the request itself is replaced: the whole HTTP answer when it goes alone, its item in a batch. */
  record Item(UnaryOperator<Reply> rewrite) implements Behaviour {}

  /** The round trip that carries the request (alone or in a batch) is answered on the socket, as the trick likes. */
  record Wire(Act act) implements Behaviour {}

  /** The $batch answer that carries the request is mangled (the request's item id is given). Batched runs only. */
  record Batch(BiConsumer<ArrayNode, String> mangle) implements Behaviour {}

  /** What a wire trick does with the socket, given the honest answer it replaces. */
  @FunctionalInterface
  interface Act {
    void answer(HostileGraph.Socketed socket, Reply honest) throws IOException;
  }

  boolean batchOnly() {
    return behaviour instanceof Batch;
  }

  @Override
  public String toString() {
    return name;
  }
}
