package org.settingsreconciler.vars;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The secret-looking values of one run, and their masking: every output stream of the run replaces them with
 * {@value #MASK}, the way CI systems mask their secrets in logs. A value is also masked in its JSON-escaped form
 * (plans print JSON), and each line of a multi-line value on its own (output is masked line by line).
 */
public final class Secrets {

  public static final String MASK = "***";

  private final Set<String> values = new CopyOnWriteArraySet<>();

  public void add(String secret) {
    if (secret == null) {
      return;
    }
    addOne(secret);
    String escaped = JsonNodeFactory.instance.stringNode(secret).toString();
    addOne(escaped.substring(1, escaped.length() - 1));
    for (String line : secret.split("\\R")) {
      addOne(line.strip());
    }
  }

  private void addOne(String s) {
    if (s.length() >= SecretShapes.MIN_LENGTH) {
      values.add(s);
    }
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The text with every secret replaced, longest first, so a secret containing another is masked whole. */
  public String mask(String text) {
    if (values.isEmpty() || text.isEmpty()) {
      return text;
    }
    List<String> longestFirst = values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    String out = text;
    for (String s : longestFirst) {
      out = out.replace(s, MASK);
    }
    return out;
  }

  /** The secrets of the run a stream belongs to; a stream that does not mask gets a registry nobody reads. */
  public static Secrets of(PrintStream stream) {
    return stream instanceof MaskingPrintStream m ? m.secrets() : new Secrets();
  }
}
