package org.settingsreconciler.cli;

import org.settingsreconciler.sandbox.Fault;
import org.settingsreconciler.sandbox.FaultSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --sandbox-fault 'PATCH /admin/people/pronouns=503x2'} and {@code sandbox --fault ...}: see FaultSpec. */
final class FaultSpecConverter implements ITypeConverter<Fault> {

  @Override
  public Fault convert(String value) {
    try {
      return FaultSpec.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
