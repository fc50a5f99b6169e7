package org.settingsreconciler.generative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.defs.PeopleToggles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the docs say beyond the metadata's types: the names a profile card property may have and the photo update
 * sources (both as the JSON Schemas list them), the collaboration tags Graph's writes accept, and the shape of a
 * profile source URL.
 */
final class Documented {

  /** The documented directory attributes, as the schema's keys spell them. */
  static final List<String> CARD_PROPERTY_NAMES = schemaKeys("schemas/resources/people.profileCardProperties.schema.json");

  /**
   * docs/graph-facts.md section 5: the tags Graph's writes accept (its type is any string, so a tenant may hold
   * others).
   */
  static final List<String> COLLABORATION_TAGS = List.of("askMeAbout", "ableToMentor", "wantsToLearn", "wantsToImprove");

  /** photoUpdateSource, which the production metadata lacks (docs-only, docs/graph-facts.md 6.5), null included. */
  static final List<JsonNode> PHOTO_SOURCES = photoSources();

  private Documented() {}

  /** A value for a managed property the metadata does not declare (only photoUpdateSettings.source). */
  static JsonNode value(ResourceDescriptor d, String property, SplittableRandom r) {
    if (d == PeopleToggles.PHOTO_UPDATE_SETTINGS && property.equals("source")) {
      return PHOTO_SOURCES.get(r.nextInt(PHOTO_SOURCES.size())).deepCopy();
    }
    throw new IllegalArgumentException(d.type() + "." + property + " is in neither the metadata nor the docs here");
  }

  static String pick(List<String> from, SplittableRandom r) {
    return from.get(r.nextInt(from.size()));
  }

  /** The sourceIds generated tenants and precedence lists share, so that lists name sources tenants have. */
  static final List<String> SOURCE_IDS = List.of("contosohr0", "contosohr1", "contosohr2", "contosohr3", "workday1");

  /** A profile source URL as the docs show it, with any source id; now and then any string at all. */
  static String sourceUrl(SplittableRandom r) {
    if (r.nextInt(6) == 0) {
      return GeneratedText.any(r);
    }
    String id = r.nextBoolean() ? pick(SOURCE_IDS, r) : GeneratedText.any(r);
    return "https://graph.microsoft.com/beta/admin/people/profileSources(sourceId='" + id + "')";
  }

  private static List<String> schemaKeys(String resource) {
    List<String> out = new ArrayList<>();
    read(resource).path("properties").propertyNames().forEach(out::add);
    return List.copyOf(out);
  }

  private static List<JsonNode> photoSources() {
    List<JsonNode> out = new ArrayList<>();
    read("schemas/resources/people.photoUpdateSettings.schema.json").path("properties").path("source").path("enum")
        .forEach(out::add);
    return List.copyOf(out);
  }

  private static JsonNode read(String resource) {
    try (InputStream in = Documented.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return JsonMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
