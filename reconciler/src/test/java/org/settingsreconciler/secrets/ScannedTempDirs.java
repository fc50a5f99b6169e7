package org.settingsreconciler.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Makes every {@code @TempDir} of the suite inside one directory of this JVM's own ({@link #ROOT}), which
 * {@link WrittenFiles} watches on every CLI run: a file the tool writes into any test's temporary directory is
 * scanned, even where no argument of the run points (a path from tenant.yaml, a file named by a default). Named in
 * src/test/resources/junit-platform.properties.
 */
public final class ScannedTempDirs implements TempDirFactory {

  /** Created once per JVM, in the system's temporary directory; removed at exit when the tests left it empty. */
  static final Path ROOT = createRoot();

  @Override
  public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
    return Files.createTempDirectory(ROOT, "junit-");
  }

  private static Path createRoot() {
    try {
      Path root = Files.createTempDirectory("reconciler-tests-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          Files.deleteIfExists(root);
        } catch (IOException notEmpty) {
          // a test kept its directory (cleanup = NEVER): leave it for inspection
        }
      }));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
