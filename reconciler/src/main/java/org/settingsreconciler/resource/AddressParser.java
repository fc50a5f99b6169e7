package org.settingsreconciler.resource;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an address back into a {@link ResourceId}: {@code people.pronouns},
 * {@code copilot.policySettings["microsoft.copilot.allowwebsearch"]},
 * {@code users["adele@contoso.com"].interests["Chelsea FC"]}. Used for saved plans.
 */
public final class AddressParser {

  private AddressParser() {}

  public static ResourceId parse(String address) {
    List<String> names = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    int i = 0;
    StringBuilder name = new StringBuilder();
    while (i < address.length()) {
      char c = address.charAt(i);
      if (c == '.') {
        if (name.length() > 0) {
          names.add(name.toString());
          name.setLength(0);
        }
        i++;
      } else if (c == '[') {
        if (name.length() > 0) {
          names.add(name.toString());
          name.setLength(0);
        }
        StringBuilder key = new StringBuilder();
        i = readQuoted(address, i + 1, key);
        if (i >= address.length() || address.charAt(i) != ']') {
          throw new IllegalArgumentException("bad address: " + address);
        }
        keys.add(key.toString());
        names.add(null);
        i++;
      } else {
        name.append(c);
        i++;
      }
    }
    if (name.length() > 0) {
      names.add(name.toString());
    }
    return resolve(address, names, keys);
  }

  /**
   * The resource type an address belongs to; unlike {@link #parse} it also takes a collection's own address
   * ({@code users["a@b.c"].interests}).
   */
  public static ResourceDescriptor typeOf(String address) {
    if (address.startsWith("users[")) {
      int end = address.indexOf("].");
      String rest = address.substring(end + 2);
      int bracket = rest.indexOf('[');
      return descriptor("users." + (bracket < 0 ? rest : rest.substring(0, bracket)), address);
    }
    String[] parts = address.split("[.\\[]", 3);
    if (parts.length < 2) {
      throw new IllegalArgumentException("bad address: " + address);
    }
    return descriptor(parts[0] + "." + parts[1], address);
  }

  private static ResourceId resolve(String address, List<String> parts, List<String> keys) {
    // parts holds names, with null where a quoted key stood.
    if (parts.size() >= 3 && "users".equals(parts.get(0)) && parts.get(1) == null) {
      String type = "users." + parts.get(2);
      ResourceDescriptor d = descriptor(type, address);
      String key = parts.size() > 3 ? keys.get(1) : null;
      return new ResourceId(d, keys.get(0), key);
    }
    if (parts.size() < 2 || parts.get(0) == null || parts.get(1) == null) {
      throw new IllegalArgumentException("bad address: " + address);
    }
    ResourceDescriptor d = descriptor(parts.get(0) + "." + parts.get(1), address);
    return new ResourceId(d, null, keys.isEmpty() ? null : keys.get(0));
  }

  private static ResourceDescriptor descriptor(String type, String address) {
    return ResourceRegistry.byType(type)
        .orElseThrow(() -> new IllegalArgumentException("unknown resource type in address: " + address));
  }

  private static int readQuoted(String s, int i, StringBuilder out) {
    if (i >= s.length() || s.charAt(i) != '"') {
      throw new IllegalArgumentException("bad address: " + s);
    }
    i++;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        switch (n) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> out.append(n);
        }
      } else {
        out.append(c);
      }
      i++;
    }
    throw new IllegalArgumentException("bad address: " + s);
  }
}
