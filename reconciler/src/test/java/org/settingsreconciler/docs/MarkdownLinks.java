package org.settingsreconciler.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links of Markdown files as GitHub shows them, and which of them lead nowhere: a relative link must name a file
 * or directory of the repository, and its {@code #anchor} a heading of that file (GitHub's slugs); an anchor alone, a
 * heading of the same file. External links are checked for syntax only, never fetched. Links inside code (fenced
 * blocks, code spans) are text, not links.
 */
final class MarkdownLinks {

  /** An inline link or image, {@code [text](target "title")}; the text may hold one level of brackets. */
  private static final Pattern INLINE =
      Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  /** A link reference definition, {@code [name]: target}. */
  private static final Pattern DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

  private final Path root;
  private final Map<Path, Set<String>> anchors = new HashMap<>();

  MarkdownLinks(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Every link of {@code file} that leads nowhere, as {@code file:line: target: why}. */
  List<String> broken(Path file) {
    List<String> out = new ArrayList<>();
    List<String> lines = lines(file);
    boolean[] code = fenced(lines);
    String name = root.relativize(file.toAbsolutePath().normalize()).toString();
    for (int i = 0; i < lines.size(); i++) {
      if (code[i]) {
        continue;
      }
      for (String target : linksOn(lines.get(i))) {
        String why = problem(file, target);
        if (why != null) {
          out.add(name + ":" + (i + 1) + ": " + target + ": " + why);
        }
      }
    }
    return out;
  }

  /** The link targets written on a line outside fenced blocks, none inside a code span. */
  private static List<String> linksOn(String text) {
    String line = CODE_SPAN.matcher(text).replaceAll("code");
    List<String> out = new ArrayList<>();
    Matcher m = INLINE.matcher(line);
    while (m.find()) {
      out.add(m.group(1));
    }
    Matcher d = DEFINITION.matcher(line);
    if (d.matches()) {
      out.add(d.group(1));
    }
    return out;
  }

  /** Why {@code target}, written in {@code file}, leads nowhere; null when it resolves. */
  private String problem(Path file, String target) {
    if (target.isEmpty()) {
      return "empty link";
    }
    if (target.startsWith("http://") || target.startsWith("https://")) {
      try {
        URI uri = new URI(target);
        return uri.getHost() == null ? "no host" : null;
      } catch (URISyntaxException e) {
        return "not a URL: " + e.getReason();
      }
    }
    if (target.startsWith("mailto:")) {
      return null;
    }
    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return "a scheme GitHub does not link to a file";
    }
    int hash = target.indexOf('#');
    String pathPart = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path dest;
    if (pathPart.isEmpty()) {
      dest = file.toAbsolutePath().normalize();
    } else {
      String decoded = URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8);
      dest = (decoded.startsWith("/") ? root.resolve(decoded.substring(1)) : file.toAbsolutePath().getParent()
          .resolve(decoded)).normalize();
      if (!dest.startsWith(root)) {
        return "outside the repository";
      }
      if (!Files.exists(dest)) {
        return "no such file or directory";
      }
    }
    if (anchor == null) {
      return null;
    }
    if (!dest.toString().endsWith(".md") || Files.isDirectory(dest)) {
      return "an anchor into a file that is not Markdown";
    }
    return anchorsOf(dest).contains(anchor) ? null : "no heading #" + anchor + " in " + root.relativize(dest);
  }

  /** The anchors GitHub gives a file's headings (and its HTML anchors). */
  Set<String> anchorsOf(Path file) {
    return anchors.computeIfAbsent(file, f -> {
      Set<String> out = new LinkedHashSet<>();
      Map<String, Integer> seen = new HashMap<>();
      List<String> lines = lines(f);
      boolean[] code = fenced(lines);
      for (int i = 0; i < lines.size(); i++) {
        if (code[i]) {
          continue;
        }
        Matcher h = HEADING.matcher(lines.get(i));
        if (h.matches()) {
          String slug = slug(h.group(2));
          int n = seen.merge(slug, 1, Integer::sum);
          out.add(n == 1 ? slug : slug + "-" + (n - 1));
        }
        Matcher a = HTML_ANCHOR.matcher(lines.get(i));
        while (a.find()) {
          out.add(a.group(1));
        }
      }
      return out;
    });
  }

  /**
   * GitHub's anchor for a heading: its text as rendered (links as their text, code without backticks, no emphasis
   * marks), lower case, with everything but letters, digits, marks, spaces, hyphens and underscores dropped, and
   * spaces made hyphens.
   */
  static String slug(String heading) {
    String rendered = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "")
        .replaceAll("(\\*\\*|__|\\*)", "");
    String kept = rendered.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M}_\\- ]", "");
    return kept.replace(' ', '-');
  }

  /** Which lines are inside a fenced code block, its fences included. */
  private static boolean[] fenced(List<String> lines) {
    boolean[] out = new boolean[lines.size()];
    String open = null;
    for (int j = 0; j < lines.size(); j++) {
      Matcher f = FENCE.matcher(lines.get(j));
      boolean fence = f.find();
      if (open == null) {
        if (fence) {
          open = f.group(1);
          out[j] = true;
        }
      } else {
        out[j] = true;
        // A closing fence is the same character, at least as long, with nothing after it.
        if (fence && f.group(1).charAt(0) == open.charAt(0) && f.group(1).length() >= open.length()
            && lines.get(j).strip().length() == f.group(1).length()) {
          open = null;
        }
      }
    }
    return out;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
