package org.settingsreconciler.cli;

import java.util.ArrayList;
import java.util.List;
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
}
