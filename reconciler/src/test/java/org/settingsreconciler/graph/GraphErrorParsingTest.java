package org.settingsreconciler.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GraphErrorParsingTest {

  @Test
  void codesComeFromErrorAndTheInnermostInnerError() {
    String body = "{\"error\":{\"code\":\"notFound\",\"message\":\"The setting 'x' is not supported.\","
        + "\"innerError\":{\"code\":\"unsupportedSetting\",\"request-id\":\"r-1\",\"date\":\"2026-04-06T13:37:18\"}}}";
    GraphError e = GraphClient.errorFrom(404, body.getBytes(StandardCharsets.UTF_8), null);
    assertThat(e.code()).isEqualTo("notFound");
    assertThat(e.innerCode()).isEqualTo("unsupportedSetting");
    assertThat(e.requestId()).isEqualTo("r-1");
    assertThat(e.describe())
        .isEqualTo("HTTP 404 notFound/unsupportedSetting: The setting 'x' is not supported. [request-id r-1]");
  }

  @Test
  void theDocsSpellingInnererrorWorksToo() {
    String body = "{\"error\":{\"code\":\"TooManyRequests\",\"innererror\":{\"code\":\"429\"}}}";
    GraphError e = GraphClient.errorFrom(429, body.getBytes(StandardCharsets.UTF_8), "hdr");
    assertThat(e.innerCode()).isEqualTo("429");
    assertThat(e.requestId()).isEqualTo("hdr");
  }

  @Test
  void aBodyThatIsNotGraphJsonStillGivesAnError() {
    GraphError e = GraphClient.errorFrom(502, "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8), null);
    assertThat(e.status()).isEqualTo(502);
    assertThat(e.describe()).startsWith("HTTP 502");
  }
}
