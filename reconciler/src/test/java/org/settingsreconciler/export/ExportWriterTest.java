package org.settingsreconciler.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.graph.GraphClient;
import org.settingsreconciler.graph.RetryPolicy;
import org.settingsreconciler.graph.Sleeper;
import org.settingsreconciler.graph.StaticTokenProvider;
import org.settingsreconciler.sandbox.GraphSandbox;
import org.settingsreconciler.state.CurrentState;
import org.settingsreconciler.state.StateReader;

/**
 * Users written page by page, their lines moved to a file once they pass the writer's limit, make exactly the YAML
 * of every user written at once; the file is owner-only and goes when the export is closed.
 */
class ExportWriterTest {

  private static final List<String> USERS =
      List.of("adele.vance@contoso.com", "alex.wilber@contoso.com", "megan.bowen@contoso.com");

  @Test
  void pagesWrittenThroughAFileMakeTheYamlOfOneWrite() throws Exception {
    CurrentState state = demoTenant();
    String whole = new Exporter().export(state, USERS, "the sandbox").yaml();

    ExportWriter paged = new ExportWriter(new Exporter(), 10);
    paged.users(USERS.subList(0, 1), state);
    paged.users(List.of(), state);
    paged.users(USERS.subList(1, 3), state);
    ExportResult result = paged.finish(state, "the sandbox", Map.of());

    try (ExportedYaml yaml = result.content()) {
      assertThat(yaml.usersFile()).as("past the limit, the users' lines are in a file").isNotNull();
      assertThat(Files.getPosixFilePermissions(yaml.usersFile()))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      assertThat(yaml.text()).isEqualTo(whole).contains("users:\n  adele.vance@contoso.com:\n");
      assertThat(paged.usersWritten()).isEqualTo(3);
      yaml.close();
      assertThat(yaml.usersFile()).doesNotExist();
    }
  }

  @Test
  void aDiscardedExportDeletesItsTemporaryFileAtOnce() throws Exception {
    ExportWriter paged = new ExportWriter(new Exporter(), 10);
    paged.users(USERS.subList(0, 2), demoTenant());
    Path spool = paged.spoolFile();
    assertThat(spool).as("past the limit, the users' lines are in a file").exists();

    paged.discard();

    assertThat(spool).doesNotExist();
    assertThat(paged.spoolFile()).isNull();
  }

  @Test
  void anExportWithoutUsersHasNoUsersSection() throws Exception {
    String yaml = new Exporter().export(demoTenant(), List.of(), "the sandbox").yaml();

    assertThat(yaml).doesNotContain("users:").startsWith("# Exported by settings-reconciler from the sandbox.")
        .contains("people:");
  }

  private static CurrentState demoTenant() throws Exception {
    try (GraphSandbox sandbox = GraphSandbox.start(0, null, null)) {
      GraphClient client =
          new GraphClient(sandbox.baseUrl(), StaticTokenProvider.of("t"), RetryPolicy.NONE, Sleeper.REAL);
      return new StateReader(client).readAll(USERS);
    }
  }
}
