package org.settingsreconciler.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.settingsreconciler.load.Suggestions;
import org.settingsreconciler.resource.defs.AddressParser;
import org.settingsreconciler.resource.defs.AddressParser.Segment;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.resource.Shape;

/**
 * One {@code --target}: an address, or its start cut at a segment, at one of these depths:
 *
 * <ul>
 *   <li>a section: {@code copilot}, {@code people}, {@code organization}, {@code users};
 *   <li>a setting or a whole collection: {@code people.pronouns}, {@code people.profileCardProperties};
 *   <li>one item: {@code people.profileCardProperties["Alias"]},
 *       {@code copilot.policySettings["microsoft.copilot.allowwebsearch"]};
 *   <li>a user, a user's collection, one of its items: {@code users["adele@contoso.com"]},
 *       {@code users["adele@contoso.com"].interests}, {@code users["adele@contoso.com"].interests["Chelsea FC"]};
 *   <li>a user's setting, and what Graph nests in it: {@code users["adele@contoso.com"].settings} (which holds
 *       {@code users["adele@contoso.com"].settings.itemInsights} too), {@code ...settings.itemInsights}.
 * </ul>
 *
 * <p>It matches an address segment by segment, never by text ({@code people.pro} is no target at all), and keys as
 * the tool matches them: user principal names, and item keys Graph compares ignoring case, ignoring case.
 */
public record Target(String text, List<Segment> segments) {

  /** The YAML's sections: those of the tenant's settings, in registry order, then {@code users}. */
  private static final List<String> SECTIONS = sections();

  private static List<String> sections() {
    List<String> out = new ArrayList<>();
    ResourceRegistry.tenantScoped().stream().map(ResourceDescriptor::yamlSection).distinct().forEach(out::add);
    out.add("users");
    return List.copyOf(out);
  }

  public Target {
    segments = List.copyOf(segments);
  }

  /**
   * The target {@code text} names.
   *
   * @throws IllegalArgumentException saying what is wrong, with a "did you mean" where a name is close to one
   */
  public static Target parse(String text) {
    List<Segment> s = AddressParser.segments(text);
    Segment first = s.get(0);
    if (first.key() || !SECTIONS.contains(first.text())) {
      throw new IllegalArgumentException("an address starts with "
          + String.join(", ", SECTIONS.subList(0, SECTIONS.size() - 1)) + " or users"
          + Suggestions.closest(first.text(), SECTIONS).map(c -> "; did you mean " + c + "?").orElse(""));
    }
    if (first.text().equals("users")) {
      checkUser(s);
    } else {
      checkTenantWide(s);
    }
    return new Target(text, s);
  }

  private static void checkTenantWide(List<Segment> s) {
    String section = s.get(0).text();
    if (s.size() == 1) {
      return;
    }
    List<String> types = ResourceRegistry.tenantScoped().stream()
        .filter(d -> d.yamlSection().equals(section)).map(ResourceDescriptor::yamlName).toList();
    if (s.get(1).key() || !types.contains(s.get(1).text())) {
      throw new IllegalArgumentException(section + " has no setting " + s.get(1).text() + didYouMean(s.get(1).text(),
          types.stream().map(t -> section + "." + t).toList()));
    }
    ResourceDescriptor d = ResourceRegistry.byType(section + "." + s.get(1).text()).orElseThrow();
    checkItem(d, s, 2);
  }

  private static void checkUser(List<Segment> s) {
    if (s.size() == 1) {
      return;
    }
    if (!s.get(1).key()) {
      throw new IllegalArgumentException("users is followed by a user principal name in brackets and quotes, as in "
          + "users[\"adele@contoso.com\"]" + (s.size() == 2 ? "." + s.get(1).text() : ""));
    }
    if (s.size() == 2) {
      return;
    }
    // A user's settings as the YAML nests them: settings, then what Graph nests in them (settings.itemInsights).
    List<ResourceDescriptor> direct = ResourceRegistry.userScoped().stream().filter(d -> d.yamlPath().size() == 1)
        .toList();
    ResourceDescriptor d = userSetting(s, 2, direct, "a user");
    int at = 3;
    while (at < s.size() && !s.get(at).key() && !ResourceRegistry.nestedIn(d).isEmpty()
        && d.property(s.get(at).text()).isEmpty()) {
      d = userSetting(s, at, ResourceRegistry.nestedIn(d), String.join(".", d.yamlPath()));
      at++;
    }
    checkItem(d, s, at);
  }

  /** The setting named at {@code at}, one of {@code candidates}; {@code owner} is what holds them, in errors. */
  private static ResourceDescriptor userSetting(List<Segment> s, int at, List<ResourceDescriptor> candidates,
      String owner) {
    List<String> names = candidates.stream().map(ResourceDescriptor::yamlName).toList();
    if (s.get(at).key() || !names.contains(s.get(at).text())) {
      throw new IllegalArgumentException(owner + " has no setting " + s.get(at).text() + didYouMean(s.get(at).text(),
          names.stream().map(t -> AddressParser.write(s.subList(0, at)) + "." + t).toList()));
    }
    return candidates.get(names.indexOf(s.get(at).text()));
  }

  /** What may follow a setting's name at {@code at}: nothing, or for a collection one quoted key. */
  private static void checkItem(ResourceDescriptor d, List<Segment> s, int at) {
    if (s.size() == at) {
      return;
    }
    if (d.shape() == Shape.SINGLETON) {
      throw new IllegalArgumentException(s.get(at).key()
          ? d.type() + " is one setting, with no items to pick from"
          : "a target is a whole setting, not one of its properties: " + AddressParser.write(s.subList(0, at)));
    }
    if (!s.get(at).key()) {
      throw new IllegalArgumentException("an item is picked by its key in brackets and quotes, as in "
          + AddressParser.write(s.subList(0, at)) + "[" + ResourceId.quote(s.get(at).text()) + "]");
    }
    if (s.size() > at + 1) {
      throw new IllegalArgumentException("nothing may follow an item's key; properties cannot be targeted, only "
          + "whole settings and items");
    }
  }

  /** "; did you mean X?" when one of the {@code allowed} addresses ends close to {@code typed}, else them all. */
  private static String didYouMean(String typed, List<String> allowed) {
    List<String> last = allowed.stream().map(a -> a.substring(a.lastIndexOf('.') + 1)).toList();
    return Suggestions.closest(typed, last).map(c -> "; did you mean " + allowed.get(last.indexOf(c)) + "?")
        .orElse("; there are " + String.join(", ", allowed));
  }

  /** Whether {@code address} (an object's, or a collection's) lies within this target. */
  public boolean matches(String address) {
    return startsWith(matchForm(AddressParser.segments(address)), matchForm(segments));
  }

  /** Whether a collection at {@code scopeAddress} must be read for this target: it holds the target, or is in it. */
  public boolean touches(String scopeAddress) {
    List<String> scope = matchForm(AddressParser.segments(scopeAddress));
    List<String> target = matchForm(segments);
    return startsWith(scope, target) || startsWith(target, scope);
  }

  private static boolean startsWith(List<String> whole, List<String> start) {
    return whole.size() >= start.size() && whole.subList(0, start.size()).equals(start);
  }

  /**
   * The segments as they are compared: names as written, keys in the form the tool matches them by (user principal
   * names, and keys Graph matches ignoring case, in lower case). A key segment is marked so it never equals a name.
   */
  static List<String> matchForm(List<Segment> s) {
    List<String> out = new ArrayList<>(s.size());
    for (int i = 0; i < s.size(); i++) {
      Segment seg = s.get(i);
      if (!seg.key()) {
        out.add(seg.text());
        continue;
      }
      boolean user = i == 1 && "users".equals(s.get(0).text());
      String key = user ? seg.text().toLowerCase(Locale.ROOT) : itemKeyForm(s, i);
      out.add("\u0000" + key);
    }
    return out;
  }

  private static String itemKeyForm(List<Segment> s, int i) {
    Optional<ResourceDescriptor> d = Optional.empty();
    if (i >= 2) {
      String type = "users".equals(s.get(0).text()) && i >= 3 ? "users." + s.get(i - 1).text()
          : s.get(0).text() + "." + s.get(i - 1).text();
      d = ResourceRegistry.byType(type);
    }
    String key = s.get(i).text();
    return d.filter(x -> x.key() != null).map(x -> x.key().matchForm(key)).orElse(key);
  }

  @Override
  public String toString() {
    return text;
  }
}
