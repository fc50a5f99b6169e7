package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.settingsreconciler.e2e.WireHarness.Run;
import org.settingsreconciler.resource.PropertySpec;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import org.settingsreconciler.resource.Shape;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every object the tool reads one by one (singletons and fixed ids) is read the same whether Graph answers it bare
 * or wrapped as {@code {"value": {...}}}: the docs show one or the other per resource (docs/metadata-differences.md,
 * "GET envelopes"), and a real Graph may answer either. A YAML that states exactly the tenant's values plans no
 * change in both forms; a {@code value} that is not the object is not read as the resource.
 */
class GetEnvelopesWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  static Stream<Arguments> objectsInBothForms() {
    List<Arguments> out = new ArrayList<>();
    for (ResourceDescriptor d : ResourceRegistry.tenantScoped()) {
      if (d.shape() != Shape.COLLECTION) {
        out.add(Arguments.of(d.type(), false));
        out.add(Arguments.of(d.type(), true));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}, wrapped in value: {1}")
  @MethodSource("objectsInBothForms")
  void theTenantsOwnValuesPlanNoChangeWhicheverFormGraphAnswers(String type, boolean wrapped) {
    ResourceDescriptor d = ResourceRegistry.byType(type).orElseThrow();
    WireHarness h = new WireHarness(wm, dir);
    ObjectNode values = sampleValues(d);
    ObjectNode object = values.deepCopy();
    object.put("@odata.type", d.odataType());
    String path = WireHarness.pathOf(d);
    if (d.shape() != Shape.SINGLETON) {
      path += "/" + itemId(d);
      object.put("id", itemId(d));
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("@odata.context", "https://graph.microsoft.com/beta/$metadata#" + path.substring(1) + "/$entity");
    if (wrapped) {
      body.set("value", object);
    } else {
      body.setAll(object);
    }
    h.get(path, body.toString());

    Run plan = h.graph("plan", h.yaml("desired.yaml", yamlOf(d, values)).toString(), "--detailed-exitcode");

    assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
    assertThat(plan.out()).contains("No changes.");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singletons")
  void aValueThatIsNotTheObjectIsNotReadAsTheResource(String type) {
    ResourceDescriptor d = ResourceRegistry.byType(type).orElseThrow();
    WireHarness h = new WireHarness(wm, dir);
    ObjectNode values = sampleValues(d);
    // The object's own values next to an envelope: neither a bare object nor Graph's {"value": {...}}.
    ObjectNode body = values.deepCopy();
    body.set("value", values.deepCopy());
    h.get(WireHarness.pathOf(d), body.toString());

    Run plan = h.graph("plan", h.yaml("desired.yaml", yamlOf(d, values)).toString(), "--detailed-exitcode");

    assertThat(plan.exit()).as(plan.out() + plan.err()).isNotZero();
    assertThat(plan.out() + plan.err()).contains("could not be read");
  }

  static Stream<String> singletons() {
    return ResourceRegistry.tenantScoped().stream().filter(d -> d.shape() == Shape.SINGLETON)
        .map(ResourceDescriptor::type);
  }

  /** A value of the right kind for every managed property, one the schemas accept. */
  private static ObjectNode sampleValues(ResourceDescriptor d) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (PropertySpec p : d.properties()) {
      switch (p.kind()) {
        case BOOLEAN -> out.put(p.name(), true);
        case GUID, GROUP_ID, USER_ID -> out.put(p.name(), WireHarness.GROUP_A);
        case STRING -> out.put(p.name(), p.name().equals("source") ? "cloud" : "1");
        case STRING_SET, STRING_LIST -> out.putArray(p.name()).add("a");
        case OBJECT_LIST -> out.putArray(p.name());
        case USERS_AND_GROUPS -> out.putArray(p.name()).addObject().put("resourceType", "group")
            .put("resourceId", WireHarness.GROUP_A);
      }
    }
    return out;
  }

  /** The desired state setting exactly {@code values}, as YAML's flow style (JSON). */
  private static String yamlOf(ResourceDescriptor d, ObjectNode values) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode resource = root.putObject(d.yamlSection()).putObject(d.yamlName());
    if (d.shape() != Shape.SINGLETON) {
      resource.set(itemId(d), values);
    } else {
      resource.setAll(values);
    }
    return root.toString();
  }

  /** The object read: a fixed id's first, or an item of a catalog (any id Graph could have). */
  private static String itemId(ResourceDescriptor d) {
    return d.shape() == Shape.FIXED_IDS ? d.fixedIds().get(0) : "P_1";
  }
}
