package org.settingsreconciler.cli;

import org.settingsreconciler.auth.AuthMethod;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --auth client-secret}: sign-in methods are spelt with dashes, which enum names cannot hold. */
final class AuthMethodConverter implements ITypeConverter<AuthMethod> {

  @Override
  public AuthMethod convert(String value) {
    try {
      return AuthMethod.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
