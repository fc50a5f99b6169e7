package org.settingsreconciler.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.settingsreconciler.resource.ResourceDescriptor;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.ResourceRegistry;
import tools.jackson.databind.json.JsonMapper;

/** The rule that tells the tenant's data from a 2xx that is not it, for objects and for list items. */
class AnswerShapeTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(delimiter = '|', value = {
    // what a real tenant may answer
    "people.pronouns | | {\"isEnabledInOrganization\":true} | ",
    "people.pronouns | | {\"@odata.context\":\"x\",\"isEnabledInOrganization\":null} | ",
    "people.photoUpdateSettings | | {\"id\":\"p\",\"allowedRoles\":[\"a\"]} | ",
    "copilot.enhancedPersonalization | | {\"isEnabledInOrganization\":true,\"disabledForGroup\":null} | ",
    "copilot.policySettings | microsoft.copilot.allowwebsearch | {\"id\":\"microsoft.copilot.allowwebsearch\"} | ",
    "copilot.policySettings | microsoft.copilot.allowwebsearch | {\"id\":\"MICROSOFT.copilot.allowwebsearch\","
        + "\"value\":null,\"policyId\":null} | ",
    // what is not the resource
    "people.pronouns | | {} | without any property of Pronouns (isEnabledInOrganization)",
    "people.pronouns | | {\"value\":null} | without any property of Pronouns",
    "people.pronouns | | {\"value\":[]} | without any property of Pronouns",
    "people.pronouns | | {\"id\":\"x\"} | without any property of Pronouns",
    "people.pronouns | | {\"isEnabledInOrganization\":\"true\"} | an object whose isEnabledInOrganization is a "
        + "string, where a boolean (or null) belongs",
    "people.photoUpdateSettings | | {\"allowedRoles\":[1]} | allowedRoles is an array, where an array of strings",
    "people.photoUpdateSettings | | {\"allowedRoles\":{}} | allowedRoles is an object",
    "copilot.policySettings | microsoft.copilot.allowwebsearch | {\"value\":null} | an object without its id",
    "copilot.policySettings | microsoft.copilot.allowwebsearch | {\"id\":\"microsoft.copilot.imagegeneration\","
        + "\"value\":\"1\"} | whose id is \"microsoft.copilot.imagegeneration\", not \"microsoft.copilot.allowwebsearch\"",
    "copilot.policySettings | microsoft.copilot.allowwebsearch | {\"id\":5} | whose id is 5",
    "copilot.policySettings | microsoft.copilot.allowwebsearch | {\"id\":\"microsoft.copilot.allowwebsearch\","
        + "\"value\":1} | value is a number, where a string (or null) belongs",
  })
  void objects(String type, String key, String json, String problem) {
    ResourceDescriptor d = ResourceRegistry.byType(type).orElseThrow();
    Optional<String> found = AnswerShape.ofObject(new ResourceId(d, null, key), JSON.readTree(json));
    if (problem == null) {
      assertThat(found).isEmpty();
    } else {
      assertThat(found).get().asString().contains(problem);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
    // what a real tenant may answer
    "people.profilePropertySettings | {\"id\":\"p0\",\"name\":null,\"prioritizedSourceUrls\":[]} | ",
    "people.profilePropertySettings | {\"id\":\"p1\",\"name\":\"skills\",\"displayName\":null} | ",
    "users.interests | {\"id\":\"i1\",\"displayName\":\"Chess\",\"categories\":[\"games\"]} | ",
    "users.interests | {\"id\":\"i2\",\"displayName\":null} | ",
    "people.profileCardProperties | {\"directoryPropertyName\":\"Fax\","
        + "\"annotations\":[{\"displayName\":\"F\"}]} | ",
    // directoryPropertyName is nullable: an item with its entity id but no name is data the YAML cannot name
    "people.profileCardProperties | {\"id\":\"c1\",\"directoryPropertyName\":null,\"isVisible\":false} | ",
    "people.profileCardProperties | {\"id\":\"c2\",\"directoryPropertyName\":\"\"} | ",
    // what is not an item of the list
    "people.profilePropertySettings | \"x\" | a list item that is a string, not an object",
    "people.profilePropertySettings | 5 | a list item that is a number, not an object",
    "people.profilePropertySettings | null | a list item that is null, not an object",
    "people.profilePropertySettings | [] | a list item that is an array, not an object",
    "people.profilePropertySettings | {\"name\":null} | a list item without its id",
    "people.profilePropertySettings | {\"id\":5,\"name\":\"a\"} | a list item whose id is a number, not a string",
    "people.profilePropertySettings | {\"id\":\"..\",\"name\":\"a\"} | whose id \"..\" cannot be one segment",
    "people.profilePropertySettings | {\"id\":\".\",\"name\":\"a\"} | whose id \".\" cannot be one segment",
    "people.profilePropertySettings | {\"id\":\"\",\"name\":\"a\"} | whose id \"\" cannot be one segment",
    "people.profilePropertySettings | {\"id\":\"p\",\"name\":{}} | whose name is an object, not a string",
    "people.profilePropertySettings | {\"id\":\"p\",\"displayName\":7} | whose displayName is a number",
    "users.interests | {\"id\":\"i\",\"displayName\":[\"Chess\"]} | whose displayName is an array, not a string",
    "people.profileCardProperties | {\"annotations\":[]} | a list item without its directoryPropertyName",
    "people.profileCardProperties | {\"directoryPropertyName\":\"..\"} | whose directoryPropertyName \"..\" cannot",
    "people.profileCardProperties | {\"directoryPropertyName\":\"Fax\",\"annotations\":[\"a\"]} | annotations is an "
        + "array, where an array of objects (or null) belongs",
  })
  void listItems(String type, String json, String problem) {
    ResourceDescriptor d = ResourceRegistry.byType(type).orElseThrow();
    Optional<String> found = AnswerShape.ofItem(d, JSON.readTree(json));
    if (problem == null) {
      assertThat(found).isEmpty();
    } else {
      assertThat(found).get().asString().contains(problem);
    }
  }
}
