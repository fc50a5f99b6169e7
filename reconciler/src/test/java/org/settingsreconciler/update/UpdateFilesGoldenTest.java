package org.settingsreconciler.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check --update-files} against golden files, through the CLI and the sandbox. Each directory under
 * {@code src/test/resources/update/} is a case: {@code before.yaml} (or {@code NAME.before.yaml} for several files)
 * is the desired state, {@code current.json} the sandbox tenant, and {@code after.yaml} (or
 * {@code NAME.after.yaml}) what the files must hold afterwards, byte for byte. {@code case.properties} may set the
 * expected {@code exit} code (default 2), the {@code recheck} code of a second check (default 0), and text the
 * {@code stderr} must contain. A file whose after equals its before must not even be touched.
 */
class UpdateFilesGoldenTest {

  private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

  @TempDir Path dir;

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> list = Files.list(casesDir())) {
      return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  private static Path casesDir() throws URISyntaxException {
    return Path.of(UpdateFilesGoldenTest.class.getResource("/update").toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void updatesTheFilesByteForByteAndTheNextCheckPasses(String name) throws Exception {
    Path source = casesDir().resolve(name);
    Properties expect = new Properties();
    if (Files.exists(source.resolve("case.properties"))) {
      try (Reader r = Files.newBufferedReader(source.resolve("case.properties"))) {
        expect.load(r);
      }
    }
    Path cfg = Files.createDirectories(dir.resolve("cfg"));
    Map<Path, Path> goldens = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(source)) {
      for (Path before : files.filter(p -> p.getFileName().toString().endsWith("before.yaml")).toList()) {
        String prefix = before.getFileName().toString().replace("before.yaml", "");
        Path file = cfg.resolve(prefix.isEmpty() ? "settings.yaml" : prefix + "yaml");
        Files.copy(before, file);
        Files.setLastModifiedTime(file, LONG_AGO);
        goldens.put(file, source.resolve(prefix + "after.yaml"));
      }
    }
    Path state = dir.resolve("tenant.json");
    Files.copy(source.resolve("current.json"), state);

    CliRun run = CliRun.of("check", cfg.toString(), "--sandbox", "--sandbox-state", state.toString(), "--update-files");

    assertThat(run.exit()).as("%s", run).isEqualTo(Integer.parseInt(expect.getProperty("exit", "2")));
    assertThat(run.err()).as("%s", run).contains(expect.getProperty("stderr", ""));
    for (Map.Entry<Path, Path> golden : goldens.entrySet()) {
      Path file = golden.getKey();
      assertThat(text(file)).as("%s\n%s", file.getFileName(), run).isEqualTo(text(golden.getValue()));
      if (Files.mismatch(golden.getValue(), source.resolve(golden.getValue().getFileName().toString()
          .replace("after.yaml", "before.yaml"))) == -1) {
        assertThat(Files.getLastModifiedTime(file)).as("%s was touched", file.getFileName()).isEqualTo(LONG_AGO);
      }
    }
    try (Stream<Path> left = Files.list(cfg)) {
      assertThat(left.toList()).as("no temporary files are left").containsExactlyInAnyOrderElementsOf(goldens.keySet());
    }

    CliRun again = CliRun.of("check", cfg.toString(), "--sandbox", "--sandbox-state", state.toString());
    assertThat(again.exit()).as("%s", again).isEqualTo(Integer.parseInt(expect.getProperty("recheck", "0")));

    // Once in sync, --update-files writes nothing at all.
    if (again.exit() == 0) {
      for (Path file : goldens.keySet()) {
        Files.setLastModifiedTime(file, LONG_AGO);
      }
      CliRun third =
          CliRun.of("check", cfg.toString(), "--sandbox", "--sandbox-state", state.toString(), "--update-files");
      assertThat(third.exit()).isZero();
      for (Path file : goldens.keySet()) {
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(LONG_AGO);
      }
    }
  }

  @Test
  void theCrlfFixtureReallyHasCrlfLineEndingsAndAByteOrderMark() throws Exception {
    // Guards against a checkout that converts line endings (see .gitattributes beside the cases).
    for (String name : List.of("before.yaml", "after.yaml")) {
      String text = text(casesDir().resolve("crlf-bom").resolve(name));
      assertThat(text).startsWith("\uFEFF").contains("\r\n").doesNotContainPattern("[^\r]\n");
    }
  }

  private static String text(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
