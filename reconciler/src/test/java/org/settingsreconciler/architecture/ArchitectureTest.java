package org.settingsreconciler.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/architecture.md hold in the code: every main package is in the table, imports only what its row
 * allows, and no packages import each other round in a cycle.
 */
class ArchitectureTest {

  private static final String BASE = "org.settingsreconciler.";
  /** The main code of every module: this one, and the files and sandbox modules beside it. */
  private static final List<Path> SOURCES = List.of(
      Path.of("src/main/java/org/settingsreconciler"),
      Path.of("../files/src/main/java/org/settingsreconciler"),
      Path.of("../sandbox/src/main/java/org/settingsreconciler"));
  private static final Path DOC = Path.of("../docs/architecture.md");
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?" + Pattern.quote(BASE) + "(\\w+(?:\\.[a-z]\\w*)*)\\.[A-Z]",
          Pattern.MULTILINE);
  private static final Pattern ROW = Pattern.compile("^\\| `([\\w.]+)` \\|[^|]*\\|([^|]*)\\|$", Pattern.MULTILINE);

  /** Package to the packages it imports, each with the files that do. */
  private static Map<String, Map<String, Set<String>>> imports;

  @BeforeAll
  static void read() throws IOException {
    imports = new TreeMap<>();
    for (Path root : SOURCES) {
      readModule(root);
    }
  }

  private static void readModule(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
        Map<String, Set<String>> to = imports.computeIfAbsent(pkg, k -> new TreeMap<>());
        Matcher m = IMPORT.matcher(Files.readString(f));
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            to.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(f.getFileName().toString());
          }
        }
      }
    }
  }

  /** The table's rows: package to what it may import; {@code cli} may import every package above it. */
  private static Map<String, Set<String>> allowed() throws IOException {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    Matcher m = ROW.matcher(Files.readString(DOC));
    while (m.find()) {
      String cell = m.group(2).strip();
      Set<String> may = new HashSet<>();
      if (cell.equals("every package above")) {
        may.addAll(out.keySet());
      } else {
        for (String name : cell.split(",")) {
          if (!name.isBlank()) {
            may.add(name.strip().replace("`", ""));
          }
        }
      }
      out.put(m.group(1), may);
    }
    return out;
  }

  @Test
  void everyPackageIsInTheTableAndEveryRowIsAPackage() throws IOException {
    assertThat(allowed().keySet()).containsExactlyInAnyOrderElementsOf(imports.keySet());
  }

  @Test
  void packagesImportOnlyWhatTheirRowAllows() throws IOException {
    Map<String, Set<String>> allowed = allowed();
    List<String> breaches = new ArrayList<>();
    imports.forEach((pkg, to) -> to.forEach((target, files) -> {
      if (!allowed.getOrDefault(pkg, Set.of()).contains(target)) {
        breaches.add(pkg + " imports " + target + " in " + files);
      }
    }));
    assertThat(breaches).as("imports docs/architecture.md does not allow").isEmpty();
  }

  @Test
  void theTableOnlyAllowsPackagesBelow() throws IOException {
    List<String> rows = new ArrayList<>(allowed().keySet());
    Map<String, Set<String>> allowed = allowed();
    List<String> upward = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      for (String target : allowed.get(rows.get(i))) {
        int at = rows.indexOf(target);
        if (at < 0 || at >= i) {
          upward.add(rows.get(i) + " may import " + target + ", which is not a package listed above it");
        }
      }
    }
    // Layers that only import downwards cannot form a cycle.
    assertThat(upward).isEmpty();
  }

  @Test
  void noPackagesImportEachOtherRound() {
    Map<String, Integer> index = new HashMap<>();
    List<String> cycle = new ArrayList<>();
    for (String start : imports.keySet()) {
      if (!index.containsKey(start) && cycleFrom(start, new ArrayList<>(), index, cycle)) {
        break;
      }
    }
    assertThat(cycle).as("a cycle of package imports").isEmpty();
  }

  /** Depth-first: 1 on the current path, 2 done. */
  private static boolean cycleFrom(String pkg, List<String> path, Map<String, Integer> state, List<String> cycle) {
    state.put(pkg, 1);
    path.add(pkg);
    for (String next : imports.getOrDefault(pkg, Map.of()).keySet()) {
      Integer s = state.get(next);
      if (s != null && s == 1) {
        cycle.addAll(path.subList(path.indexOf(next), path.size()));
        cycle.add(next);
        return true;
      }
      if (s == null && cycleFrom(next, path, state, cycle)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    state.put(pkg, 2);
    return false;
  }
}
