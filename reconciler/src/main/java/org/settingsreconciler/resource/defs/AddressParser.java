package org.settingsreconciler.resource.defs;

import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;

/**
 * Reads an address back: {@code people.pronouns}, {@code copilot.policySettings["microsoft.copilot.allowwebsearch"]},
 * {@code users["adele@contoso.com"].interests["Chelsea FC"]}. {@link #parse} makes the {@link ResourceId} of a whole
 * address (saved plans); {@link #segments} splits any address, or the start of one, into its names and quoted keys
 * (targets).
 */
public final class AddressParser {

  /** One part of an address: a name ({@code people}, {@code interests}) or a quoted key, unquoted. */
  public record Segment(String text, boolean key) {

    /** The segment as an address writes it: {@code .name} (bare when first) or {@code ["key"]}. */
    public String written(boolean first) {
      return key ? "[" + ResourceId.quote(text) + "]" : first ? text : "." + text;
    }
  }

  private AddressParser() {}

  public static ResourceId parse(String address) {
    return resolve(address, segments(address));
  }

  /**
   * The names and keys of an address, in order.
   *
   * @throws IllegalArgumentException saying what is wrong: an empty name, a key without quotes, an unclosed quote
   */
  public static List<Segment> segments(String address) {
    List<Segment> out = new ArrayList<>();
    int i = 0;
    while (i < address.length()) {
      char c = address.charAt(i);
      if (c == '[') {
        if (i + 1 >= address.length() || address.charAt(i + 1) != '"') {
          int end = address.indexOf(']', i);
          String inside = end < 0 ? address.substring(i + 1) : address.substring(i + 1, end);
          throw new IllegalArgumentException("a key is written in brackets and double quotes: [" + ResourceId.quote(
              inside) + "]");
        }
        StringBuilder key = new StringBuilder();
        i = readQuoted(address, i + 1, key);
        if (i >= address.length() || address.charAt(i) != ']') {
          throw new IllegalArgumentException("a key's closing quote is followed by ']', as in [\"key\"]");
        }
        out.add(new Segment(key.toString(), true));
        i++;
        if (i < address.length() && address.charAt(i) != '.' && address.charAt(i) != '[') {
          throw new IllegalArgumentException("a key is followed by '.' or '[', not '" + address.charAt(i) + "'");
        }
      } else {
        if (c == '.') {
          if (out.isEmpty()) {
            throw new IllegalArgumentException("an address starts with a name, not '.'");
          }
          i++;
        }
        int start = i;
        while (i < address.length() && address.charAt(i) != '.' && address.charAt(i) != '[') {
          char n = address.charAt(i);
          if (n == ']' || n == '"' || Character.isWhitespace(n)) {
            throw new IllegalArgumentException("'" + n + "' in a name; a key that holds it is written in brackets"
                + " and double quotes, as in [\"key\"]");
          }
          i++;
        }
        if (i == start) {
          throw new IllegalArgumentException("an empty name: a '.' must be followed by a name");
        }
        out.add(new Segment(address.substring(start, i), false));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("an empty address");
    }
    return out;
  }

  /** The address the segments spell, as ResourceId writes addresses. */
  public static String write(List<Segment> segments) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      b.append(segments.get(i).written(i == 0));
    }
    return b.toString();
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

  /**
   * A type's names (a section and a setting, or {@code users}, a quoted user and the names of a user's setting, which
   * may be nested: {@code users["a@b.c"].settings.itemInsights}), then at most one quoted key.
   */
  private static ResourceId resolve(String address, List<Segment> s) {
    boolean user = s.size() >= 3 && !s.get(0).key() && "users".equals(s.get(0).text()) && s.get(1).key();
    int first = user ? 2 : 0;
    int end = s.size() > first && s.get(s.size() - 1).key() ? s.size() - 1 : s.size();
    List<String> names = new ArrayList<>();
    for (Segment name : s.subList(first, end)) {
      if (name.key()) {
        throw new IllegalArgumentException("bad address: " + address);
      }
      names.add(name.text());
    }
    if (names.size() < (user ? 1 : 2)) {
      throw new IllegalArgumentException("bad address: " + address);
    }
    ResourceDescriptor d = descriptor((user ? "users." : "") + String.join(".", names), address);
    return new ResourceId(d, user ? s.get(1).text() : null, end < s.size() ? s.get(end).text() : null);
  }

  private static ResourceDescriptor descriptor(String type, String address) {
    return ResourceRegistry.byType(type)
        .orElseThrow(() -> new IllegalArgumentException("unknown resource type in address: " + address));
  }

  /** Reads the quoted string starting at {@code i} into {@code out}; returns the index after its closing quote. */
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
            if (i + 5 > s.length()) {
              throw new IllegalArgumentException("a \\u escape needs 4 hex digits");
            }
            try {
              out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("a \\u escape needs 4 hex digits");
            }
            i += 4;
          }
          default -> out.append(n);
        }
      } else {
        out.append(c);
      }
      i++;
    }
    throw new IllegalArgumentException("a key's quote is not closed: add \" and ]");
  }
}
