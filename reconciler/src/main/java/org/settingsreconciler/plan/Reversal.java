package org.settingsreconciler.plan;

import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The changes that undo a change an apply made, for {@code apply --rollback-on-failure}: they put back the values
 * the change was planned against ("before"). They are ordinary changes, sent and reported like any other.
 */
public final class Reversal {

  static final String UNDO_CREATE = "rolls back this run's create";

  private static final ItemRemoval.Reasons UNDO_CREATE_REASONS = new ItemRemoval.Reasons(
      UNDO_CREATE + "; Graph deletes it only after this reset",
      UNDO_CREATE + "; Graph never deletes this item, so it is reset instead");

  private Reversal() {}

  /** A PATCH of every property the update set back to the value it replaced (decided by {@link PatchBuilder}). */
  public static Update ofUpdate(Update applied, JsonNode now) {
    ObjectNode body = PatchBuilder.revert(applied, now);
    // What the tenant holds now is what this run wrote: that is what the reversal is planned against.
    ObjectNode before = PatchBuilder.beforeOf(body, merged(now, applied.body()));
    List<PropertyChange> props = new ArrayList<>();
    body.properties().forEach(e -> props.add(new PropertyChange(e.getKey(), before.get(e.getKey()), e.getValue(), null)));
    return new Update(applied.resource(), applied.path(), body, before, props, "rolls back this run's update");
  }

  /**
   * Removes an item this run created, the way pruning removes one: a DELETE, after the reset Graph requires first
   * where it requires one. Empty when Graph never deletes such an item and it needs no reset either.
   *
   * @param created the tenant's copy of the created item (it must carry its id where Graph makes the ids)
   */
  public static List<Change> ofCreate(Create applied, JsonNode created) {
    ResourceId id = applied.resource();
    // Undone in the version it was made in.
    String path = id.objectPath(applied.version(), id.descriptor().key().graphIdOf(created));
    return ItemRemoval.of(id, path, created, UNDO_CREATE_REASONS);
  }

  /**
   * Creates an item this run deleted again, with the key and managed values it had. Graph gives it a new id; its
   * server-made fields (dates, the id) cannot be restored.
   */
  public static Create ofDelete(Delete applied) {
    ResourceId id = applied.resource();
    ResourceDescriptor d = id.descriptor();
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    d.key().writeInto(body, id.key());
    List<PropertyChange> props = new ArrayList<>();
    for (PropertySpec p : d.properties()) {
      JsonNode value = applied.before().get(p.name());
      if (value != null && !value.isNull()) {
        body.set(p.name(), value);
        props.add(new PropertyChange(p.name(), null, value, null));
      }
    }
    return new Create(id, id.basePath(applied.version()), body, props);
  }

  /**
   * The action that sets the property an applied action set back to the value it replaced (block is undone by
   * unblock, a reassign by a reassign to the owner before), at the item's path in the version it was sent to; empty
   * when no action of the resource reaches that value (an owner that was null).
   */
  public static java.util.Optional<Invoke> ofInvoke(Invoke applied) {
    String property = applied.spec().property();
    JsonNode was = applied.before().get(property);
    String item = applied.path().substring(0, applied.path().length() - applied.name().length() - 1);
    return applied.resource().descriptor().actionReaching(property, was).map(a -> {
      ObjectNode before = applied.effect();
      List<PropertyChange> props = List.of(new PropertyChange(property, before.get(property), was, null));
      return new Invoke(applied.resource(), item + "/" + a.name(), a.name(), a.body(was), before, props,
          "rolls back this run's " + applied.name());
    });
  }

  private static JsonNode merged(JsonNode now, ObjectNode written) {
    ObjectNode out = now != null && now.isObject() ? ((ObjectNode) now).deepCopy() : JsonNodeFactory.instance.objectNode();
    written.properties().forEach(e -> out.set(e.getKey(), e.getValue()));
    return out;
  }
}
