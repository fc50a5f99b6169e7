package org.settingsreconciler.load;

import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.Scope;
import org.settingsreconciler.resource.Shape;
import org.settingsreconciler.resource.defs.AddressParser;
import org.settingsreconciler.resource.defs.ResourceRegistry;

/**
 * A JSON Pointer into the YAML written as plans write addresses ({@link ResourceId#address()}), then the keys below:
 * {@code /users/megan.bowen@contoso.com/interests/Rock Climbing/categories} is
 * {@code users["megan.bowen@contoso.com"].interests["Rock Climbing"].categories}. Dotted paths were ambiguous as
 * soon as a user principal name or an item's key held a dot; users and collection keys are always quoted, and any
 * other key is quoted where it holds a dot, a bracket, a quote or a space, so every address reads back one way.
 */
public final class KeyAddress {

  private KeyAddress() {}

  public static String of(String pointer) {
    if (pointer.isEmpty()) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (String raw : pointer.substring(1).split("/", -1)) {
      names.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    boolean user = names.get(0).equals("users") && names.size() >= 2;
    int start = user ? 2 : 0;
    ResourceDescriptor d = resourceAt(names, start, user);
    StringBuilder b = new StringBuilder();
    int next;
    if (d == null) {
      b.append(user
          ? AddressParser.write(List.of(new AddressParser.Segment("users", false),
              new AddressParser.Segment(names.get(1), true)))
          : written(names.get(0), true));
      next = user ? 2 : 1;
    } else {
      next = start + (user ? 0 : 1) + d.yamlPath().size();
      String upn = user ? names.get(1) : null;
      if (d.shape() != Shape.SINGLETON && next < names.size()) {
        b.append(new ResourceId(d, upn, names.get(next)).address());
        next++;
      } else {
        b.append(ResourceId.scopeAddress(d, upn));
      }
    }
    for (String name : names.subList(next, names.size())) {
      b.append(name.matches("\\d+") ? "[" + name + "]" : written(name, false));
    }
    return b.toString();
  }

  /** The resource whose YAML path the names lead through from {@code start}, the longest (a nested one) first. */
  private static ResourceDescriptor resourceAt(List<String> names, int start, boolean user) {
    ResourceDescriptor best = null;
    for (ResourceDescriptor d : ResourceRegistry.all()) {
      if ((d.scope() == Scope.USER) != user) {
        continue;
      }
      List<String> path = new ArrayList<>();
      if (!user) {
        path.add(d.yamlSection());
      }
      path.addAll(d.yamlPath());
      boolean leads = names.size() - start >= path.size() && names.subList(start, start + path.size()).equals(path);
      if (leads && (best == null || d.yamlPath().size() > best.yamlPath().size())) {
        best = d;
      }
    }
    return best;
  }

  /** A key as addresses write a name ({@code .name}) where it reads back as one, else quoted ({@code ["a.b"]}). */
  private static String written(String name, boolean first) {
    boolean plain = !name.isEmpty() && name.chars()
        .noneMatch(c -> c == '.' || c == '[' || c == ']' || c == '"' || Character.isWhitespace(c));
    return new AddressParser.Segment(name, !plain).written(first);
  }
}
