package org.settingsreconciler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.settingsreconciler.e2e.WireHarness.Run;

/**
 * A numeric option outside its range is a usage error naming the option and the range, exit 1, before any request:
 * a negative --max-deletes used to be taken, and refused every plan with a message about deleting 0 items.
 */
class NumericOptionsWireTest {

  @RegisterExtension static WireMockExtension wm = WireHarness.server();

  @TempDir Path dir;

  private WireHarness h;

  @BeforeEach
  void harness() {
    h = new WireHarness(wm, dir);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "apply | --max-deletes | -1 | '--max-deletes': -1 is out of range; it must be 0 or more",
    "apply | --verify-wait | -0.5 | '--verify-wait': -0.5 is out of range; it must be 0 to 600",
    "apply | --verify-wait | 601 | '--verify-wait': 601 is out of range; it must be 0 to 600",
    "apply | --verify-wait | soon | '--verify-wait': 'soon' is not a number; it must be 0 to 600",
    "plan | --batch-size | 1.5 | '--batch-size': '1.5' is not a whole number; it must be 1 to 20",
    "check | --concurrency | 65 | '--concurrency': 65 is out of range; it must be 1 to 64",
    "plan | --parallel-tenants | 0 | '--parallel-tenants': 0 is out of range; it must be 1 to 64",
    "check | --parallel-tenants | 1000 | '--parallel-tenants': 1000 is out of range; it must be 1 to 64",
  })
  void anOptionOutsideItsRangeStopsBeforeAnyRequest(String command, String option, String value, String message) {
    Path yaml = h.yaml("d.yaml", "people:\n  pronouns: {isEnabledInOrganization: true}\n");
    List<String> args = new ArrayList<>(List.of(command, yaml.toString(), option + "=" + value));
    if (command.equals("apply")) {
      args.add("--auto-approve");
    }

    Run r = h.graph(args.toArray(String[]::new));

    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("Invalid value for option " + message).contains("reconciler " + command + " --help");
    assertThat(r.out()).isEmpty();
    h.verifyNoRequests();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "--port | 65536 | '--port': 65536 is out of range; it must be 0 to 65535",
    "--latency-ms | -1 | '--latency-ms': -1 is out of range; it must be 0 to 60000",
    "--throttle-budget | -5 | '--throttle-budget': -5 is out of range; it must be 0 or more",
    "--throttle-window-ms | 0 | '--throttle-window-ms': 0 is out of range; it must be 1 to 3600000",
    "--page-size | 0 | '--page-size': 0 is out of range; it must be 1 to 999",
  })
  void theSandboxCommandChecksItsOptionsBeforeStarting(String option, String value, String message) {
    Run r = h.run("sandbox", option + "=" + value);

    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("Invalid value for option " + message);
    assertThat(r.out()).as("nothing started").isEmpty();
  }
}
