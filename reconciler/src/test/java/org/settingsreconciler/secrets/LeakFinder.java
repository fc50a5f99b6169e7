package org.settingsreconciler.secrets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Looks for every form of every secret in every output, allowing only what {@link Secret.Kind} allows. */
public final class LeakFinder {

  /** Characters shown either side of a leak in the failure message. */
  private static final int CONTEXT = 40;

  private LeakFinder() {}

  public static List<Leak> find(Collection<Secret> secrets, Collection<Output> outputs) {
    Map<Secret, Map<String, String>> forms = new LinkedHashMap<>();
    secrets.forEach(s -> forms.put(s, s.forms()));
    List<Leak> leaks = new ArrayList<>();
    for (Output output : outputs) {
      // Markdown and XML escape characters on the way out; what their readers show is scanned too.
      String shown = AsShown.of(output.text());
      for (Secret secret : forms.keySet()) {
        if (secret.kind() == Secret.Kind.VARIABLE_VALUE && output.holdsSettingValues()) {
          continue;
        }
        for (Map.Entry<String, String> form : forms.get(secret).entrySet()) {
          int at = output.text().indexOf(form.getValue());
          if (at >= 0) {
            leaks.add(new Leak(secret, form.getKey(), output.where(), context(output.text(), at, form.getValue())));
            break;
          }
          at = shown.indexOf(form.getValue());
          if (at >= 0) {
            leaks.add(new Leak(secret, form.getKey() + ", escaped as markup", output.where(),
                context(shown, at, form.getValue())));
            break;
          }
        }
      }
    }
    return leaks;
  }

  /** The text around a leak with the secret itself replaced, so the failure message does not repeat it. */
  private static String context(String text, int at, String found) {
    int from = Math.max(0, at - CONTEXT);
    int to = Math.min(text.length(), at + found.length() + CONTEXT);
    return (text.substring(from, at) + "<SECRET>" + text.substring(at + found.length(), to)).replace("\n", "\\n");
  }
}
