package org.settingsreconciler.update;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.settingsreconciler.files.AtomicFiles;
import org.settingsreconciler.load.ConfigError;
import org.settingsreconciler.load.SourceMap;
import org.settingsreconciler.load.YamlDocument;
import org.settingsreconciler.load.YamlDocumentReader;
import org.settingsreconciler.secrets.Secrets;
import tools.jackson.databind.JsonNode;

/**
 * Everything accepted into one file: its edits, what its values must read back as afterwards, and the settings
 * named in the report. Nothing is written until {@link #write} has applied every edit to the text in memory and
 * checked the result reads back as expected.
 */
final class FileEdits {

  /** A collection's edits with what they promise, kept apart until the collection's edits can be made. */
  private record Pending(CollectionEdits edits, List<Consumer<ExpectedTree>> expect, List<String> settings) {}

  private final YamlSource src;
  private final ExpectedTree expected;
  private final List<YamlEdit> edits = new ArrayList<>();
  private final List<String> settings = new ArrayList<>();
  private final Map<String, Pending> collections = new LinkedHashMap<>();

  FileEdits(YamlSource src) {
    this.src = src;
    this.expected = new ExpectedTree(src.tree());
  }

  YamlSource src() {
    return src;
  }

  void edit(List<YamlEdit> newEdits, Consumer<ExpectedTree> expect, String setting) {
    edits.addAll(newEdits);
    expect.accept(expected);
    settings.add(setting);
  }

  void removeItem(String collection, String key, String itemPointer, String setting) {
    Pending p = pending(collection);
    p.edits().remove(key);
    p.expect().add(t -> t.remove(itemPointer));
    p.settings().add(setting);
  }

  void addItem(String collection, String key, Map<String, Object> properties, JsonNode value, String setting) {
    Pending p = pending(collection);
    p.edits().add(key, properties);
    p.expect().add(t -> t.set(SourceMap.child(collection, key), value));
    p.settings().add(setting);
  }

  private Pending pending(String collection) {
    return collections.computeIfAbsent(
        collection, c -> new Pending(new CollectionEdits(src, c), new ArrayList<>(), new ArrayList<>()));
  }

  /**
   * Applies the edits, checks the result and writes it atomically. Returns what was written, or empty when the
   * file needs no change; whatever could not be written is added to {@code notUpdated} with the reason.
   */
  Optional<FileUpdate> write(List<String> notUpdated, Secrets secrets) throws IOException {
    for (Pending p : collections.values()) {
      try {
        edits.addAll(p.edits().edits());
        p.expect().forEach(e -> e.accept(expected));
        settings.addAll(p.settings());
      } catch (CollectionEdits.NotEditable e) {
        p.settings().forEach(s -> notUpdated.add(s + ": not written to " + src.path() + ": " + e.getMessage()));
      }
    }
    if (edits.isEmpty()) {
      return Optional.empty();
    }
    String text;
    try {
      text = YamlEditor.apply(src.text(), edits, src.lineEnding());
    } catch (IllegalArgumentException e) {
      return refuse(notUpdated, "its edits collide (" + e.getMessage() + ")");
    }
    if (text.equals(src.text())) {
      return Optional.empty();
    }
    if (!secrets.maskCredentials(text).equals(text)) {
      // The tenant echoed a token or secret of this run into a setting: it must not end up in a file, let alone git.
      settings.forEach(st -> notUpdated.add(st + ": " + src.path() + " left unchanged: the tenant's value holds a "
          + "credential this run signed in with, which is never written to a file"));
      return Optional.empty();
    }
    byte[] bytes = src.encode(text);
    List<ConfigError> errors = new ArrayList<>();
    YamlDocument after = YamlDocumentReader.read(src.path().toString(), bytes, errors);
    if (after == null || !errors.isEmpty()) {
      return refuse(notUpdated, "the edited file would not be valid YAML (" + (errors.isEmpty() ? "" : errors.get(0))
          + ")");
    }
    if (!expected.matches(after.tree())) {
      return refuse(notUpdated, "the edited file would not read back as the tenant's values");
    }
    AtomicFiles.rewrite(src.path(), bytes);
    return Optional.of(new FileUpdate(src.path(), settings));
  }

  private Optional<FileUpdate> refuse(List<String> notUpdated, String why) {
    settings.forEach(s -> notUpdated.add(s + ": " + src.path() + " left unchanged: " + why + "; please report this"));
    return Optional.empty();
  }
}
