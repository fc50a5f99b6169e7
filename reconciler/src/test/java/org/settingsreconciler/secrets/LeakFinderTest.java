package org.settingsreconciler.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checker on its own: every form of a secret is found, and only where its kind forbids it. */
class LeakFinderTest {

  static final String TOKEN = "leak-test-token~with/odd+chars \"quoted\"";
  static final Secret CREDENTIAL = new Secret(TOKEN, "the test's token", Secret.Kind.CREDENTIAL);
  static final Secret VARIABLE = new Secret(TOKEN, "--var API_TOKEN", Secret.Kind.VARIABLE_VALUE);

  @ParameterizedTest(name = "{0}")
  @CsvSource({"as is", "URL-encoded", "Base64", "JSON-escaped"})
  void aCredentialIsFoundInEachForm(String form) {
    String text = "before " + encode(form, TOKEN) + " after";

    List<Leak> leaks = LeakFinder.find(List.of(CREDENTIAL), List.of(Output.printed("stderr of plan", text)));

    assertThat(leaks).singleElement().satisfies(leak -> {
      assertThat(leak.form()).isEqualTo(form);
      assertThat(leak.where()).isEqualTo("stderr of plan");
      assertThat(leak.toString()).startsWith("the test's token (" + form + ") in stderr of plan: ...before <SECRET>")
          .as("the failure message does not repeat the secret").doesNotContain(encode(form, TOKEN));
    });
  }

  @Test
  void aCredentialIsFoundInsideALongerBase64Text() {
    String header = "Authorization: Bearer " + TOKEN + "\r\n";
    String text = Base64.getEncoder().encodeToString(header.getBytes(StandardCharsets.UTF_8));

    List<Leak> leaks = LeakFinder.find(List.of(CREDENTIAL), List.of(Output.printed("stderr of plan", text)));

    assertThat(leaks).singleElement().extracting(Leak::form).isEqualTo("Base64 inside a longer text, at offset 1");
  }

  @Test
  void aCredentialIsFoundWhereMarkdownOrXmlEscapedIt() {
    String markdown = "| msg | bad token leak-test-token&#126;with/odd+chars &quot;quoted&quot; |";
    String xml = "<error message=\"leak-test-token~with/odd+chars &quot;quoted&quot;\"/>";

    List<Leak> leaks = LeakFinder.find(List.of(CREDENTIAL),
        List.of(Output.printed("stdout of check", markdown), Output.written(Path.of("r.xml"), "check", xml, false)));

    assertThat(leaks).extracting(Leak::form).containsExactly("as is, escaped as markup", "as is, escaped as markup");
  }

  @Test
  void aCredentialIsFoundInEveryWrittenFileToo() {
    String json = "{\"value\":\"" + TOKEN.replace("\"", "\\\"") + "\"}";
    Output plan = Output.written(Path.of("plan.json"), "plan", json, true);

    assertThat(LeakFinder.find(List.of(CREDENTIAL), List.of(plan))).hasSize(1);
  }

  @Test
  void aVariableValueMayBeInTheFilesThatHoldRealValuesOnly() {
    Output savedPlan = Output.written(Path.of("plan.json"), "plan", "x " + TOKEN, true);
    Output applyReport = Output.written(Path.of("report.json"), "apply", "x " + TOKEN, false);
    Output stdout = Output.printed("stdout of plan", "x " + TOKEN);

    List<Leak> leaks = LeakFinder.find(List.of(VARIABLE), List.of(savedPlan, applyReport, stdout));

    assertThat(leaks).extracting(Leak::where).containsExactly("report.json, written by apply", "stdout of plan");
  }

  @Test
  void cleanOutputHasNoLeaks() {
    Output masked = Output.printed("stdout of plan", "description: \"leaked: ***\" Bearer [redacted]");

    assertThat(LeakFinder.find(List.of(CREDENTIAL, VARIABLE), List.of(masked))).isEmpty();
  }

  @Test
  void aValueTooShortToScanForIsRefusedNotSkipped() {
    assertThatThrownBy(() -> new Secret("t", "RECONCILER_ACCESS_TOKEN in the environment", Secret.Kind.CREDENTIAL))
        .hasMessageContaining("too short to scan for");
  }

  private static String encode(String form, String value) {
    return switch (form) {
      case "as is" -> value;
      case "URL-encoded" -> URLEncoder.encode(value, StandardCharsets.UTF_8);
      case "Base64" -> Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
      case "JSON-escaped" -> value.replace("\"", "\\\"");
      default -> throw new IllegalArgumentException(form);
    };
  }
}
