package org.settingsreconciler.sandbox;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How stored objects go on the wire: with {@code @odata.type} first and an {@code @odata.context}, as Graph sends
 * them. State holds objects without annotations; they are added here, on the way out.
 */
final class Representations {

  /** Graph's service root; context URLs are informational, so they name the real service as the docs show. */
  private static final String SERVICE = "https://graph.microsoft.com";

  private Representations() {}

  /**
   * The context URL of what {@code relative} names ({@code users}, {@code admin/people/pronouns}) in the version the
   * call came in: {@code https://graph.microsoft.com/v1.0/$metadata#users}.
   */
  static String context(Call call, String relative) {
    return SERVICE + call.request().version().prefix() + "/$metadata#" + relative;
  }

  /**
   * The context URL of a resource: its Graph path, with a user-scoped one rooted at {@code users('<id>')} and one
   * under the organization object at {@code organization('<id>')}.
   */
  static String contextPath(Call call, Endpoint d, SandboxState.User user) {
    String path = d.path().substring(1);
    if (d.underOrganization()) {
      path = path.replace("/{organization}", "('" + SandboxJson.text(call.state().organization().get("id")) + "')");
    }
    return context(call, user == null ? path : path.replace("/{user}", "('" + user.id() + "')"));
  }

  /** A copy of the stored object led by its {@code @odata.type}. */
  static ObjectNode typed(Endpoint d, ObjectNode stored) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("@odata.type", d.odataType());
    stored.properties().forEach(e -> out.set(e.getKey(), e.getValue().deepCopy()));
    return out;
  }

  /**
   * One entity as GET answers it. Where the docs show the object wrapped as {@code {"value":{...}}} (the
   * endpoint says so), it is wrapped the same way, with the context outside.
   */
  static ObjectNode entity(String contextPath, Endpoint d, ObjectNode stored, boolean wrap) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("@odata.context", contextPath + "/$entity");
    if (wrap) {
      out.set("value", typed(d, stored));
    } else {
      out.setAll(typed(d, stored));
    }
    return out;
  }
}
