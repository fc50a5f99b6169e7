package org.settingsreconciler.load;

import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Stops composing at the first YAML 1.1 merge key ({@code <<}), which snakeyaml-engine would otherwise flatten
 * silently. Watching the events as the composer takes them reads the document once; a separate pass over the events
 * first read every document twice, which a desired state of thousands of users notices.
 */
final class MergeKeyGuard implements Parser {

  /** Thrown at the merge key's event, before the composer acts on it. */
  static final class Found extends RuntimeException {
    private final transient ScalarEvent event;

    Found(ScalarEvent event) {
      super("merge key", null, false, false);
      this.event = event;
    }

    ScalarEvent event() {
      return event;
    }
  }

  private final Parser parser;

  MergeKeyGuard(Parser parser) {
    this.parser = parser;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    return parser.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    return checked(parser.peekEvent());
  }

  @Override
  public Event next() {
    return checked(parser.next());
  }

  @Override
  public boolean hasNext() {
    return parser.hasNext();
  }

  private static Event checked(Event event) {
    if (event instanceof ScalarEvent scalar
        && scalar.getScalarStyle() == ScalarStyle.PLAIN
        && scalar.getValue().equals("<<")) {
      throw new Found(scalar);
    }
    return event;
  }
}
