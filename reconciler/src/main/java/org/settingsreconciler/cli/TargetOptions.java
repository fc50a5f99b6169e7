package org.settingsreconciler.cli;

import java.util.ArrayList;
import java.util.List;
import org.settingsreconciler.model.DesiredState;
import org.settingsreconciler.plan.Plan;
import org.settingsreconciler.plan.Target;
import org.settingsreconciler.plan.Targets;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --target}, shared by plan, apply and check. */
final class TargetOptions {

  @Option(
      names = "--target",
      paramLabel = "ADDRESS",
      converter = TargetOptions.Converter.class,
      description = "Only the settings within ADDRESS (repeatable): a section (people), a setting or collection "
          + "(people.profileCardProperties), an item (people.profileCardProperties[\"Alias\"]), a user "
          + "('users[\"adele@contoso.com\"]') or a user's collection or item. A target that matches nothing is an "
          + "error.")
  List<Target> targets = new ArrayList<>();

  /** Parsed with the command line, so a malformed target stops the run before anything is read. */
  static final class Converter implements ITypeConverter<Target> {
    @Override
    public Target convert(String value) {
      try {
        return Target.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(value + " is not an address: " + e.getMessage());
      }
    }
  }

  Targets targets() {
    return new Targets(targets);
  }

  /**
   * Narrows the desired state. A target that matches nothing in it is a mistake worth stopping for before anything
   * is sent: only what the desired state names is read, so it could match nothing in the tenant either.
   */
  DesiredState narrow(DesiredState state) {
    List<String> unmatched = targets().unmatched(state);
    if (!unmatched.isEmpty()) {
      throw new UserError(String.join("\nerror: ", unmatched) + "\nNothing was sent to the tenant.");
    }
    return targets().narrow(state);
  }

  /**
   * The plan within the targets, once every target is known to match something in the desired state or the tenant
   * as read (a typo in an item's key passes {@link #narrow}: its collection is read).
   *
   * @param whole the plan of the narrowed desired state, which also holds what the tenant has around the targets
   * @param session for what the run sent, to say it truly
   */
  Plan narrow(DesiredState state, Plan whole, GraphSession session) {
    List<String> unmatched = targets().unmatched(state, whole);
    if (!unmatched.isEmpty()) {
      String sent = session.sentSoFar();
      throw new UserError(String.join("\nerror: ", unmatched) + "\n" + Character.toUpperCase(sent.charAt(0))
          + sent.substring(1) + ".");
    }
    return targets().narrow(whole);
  }
}
