package org.settingsreconciler.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.load.ConfigError;

/** tenant.yaml: its fields, paths resolved against the tenant directory, and located errors. */
class TenantFileTest {

  static final String ID = "2f6d8a1c-3e70-4b61-8d2e-0c3f4a7eb915";

  @TempDir Path dir;

  private Path tenant(String name, String yaml) throws IOException {
    Path d = Files.createDirectories(dir.resolve("tenants").resolve(name));
    Files.writeString(d.resolve("tenant.yaml"), yaml);
    return d;
  }

  private List<String> errors(Path tenantDir) {
    List<ConfigError> errors = new ArrayList<>();
    assertThat(TenantFile.read(tenantDir, errors)).isNull();
    return errors.stream().map(ConfigError::toString).map(s -> s.replace(tenantDir + "/", "")).toList();
  }

  @Test
  void aCompleteTenantFile() throws IOException {
    Files.createDirectories(dir.resolve("baseline"));
    Files.createDirectories(dir.resolve("europe"));
    Files.writeString(dir.resolve("seed.json"), "{}");
    Path d = tenant("contoso-prod", """
        tenantId: %s
        cloud: usgov
        bases: [../../baseline, ../../europe]
        variables: {PILOT_GROUP: Copilot Pilot, LEVEL: 2}
        sandboxSeed: ../../seed.json
        credentials: {RECONCILER_ACCESS_TOKEN: CONTOSO_PROD_TOKEN}
        """.formatted(ID));
    List<ConfigError> errors = new ArrayList<>();

    TenantConfig t = TenantFile.read(d, errors);

    assertThat(errors).isEmpty();
    assertThat(t.name()).isEqualTo("contoso-prod");
    assertThat(t.environmentKey()).isEqualTo("CONTOSO_PROD");
    assertThat(t.tenantId()).isEqualTo(ID);
    assertThat(t.cloud()).isEqualTo("usgov");
    assertThat(t.graphUrl()).isNull();
    assertThat(t.layers()).extracting(l -> l.name()).containsExactly("baseline", "europe", "contoso-prod");
    assertThat(t.variables()).containsEntry("PILOT_GROUP", "Copilot Pilot").containsEntry("LEVEL", "2");
    assertThat(t.sandboxSeed()).isEqualTo(dir.resolve("seed.json"));
    assertThat(t.credentials()).containsEntry("RECONCILER_ACCESS_TOKEN", "CONTOSO_PROD_TOKEN");
    assertThat(TenantFile.isTenant(d)).isTrue();
    assertThat(TenantFile.isTenant(dir.resolve("baseline"))).isFalse();
  }

  @Test
  void defaultsAreTheGlobalCloudAndNoBases() throws IOException {
    TenantConfig t = TenantFile.read(tenant("t", "tenantId: " + ID + "\n"), new ArrayList<>());
    assertThat(t.cloud()).isEqualTo("global");
    assertThat(t.layers()).hasSize(1);
  }

  @Test
  void schemaErrorsAreLocatedAndSuggestFixes() throws IOException {
    Path d = tenant("t", "tenantid: " + ID + "\ncloud: azure\n");
    assertThat(errors(d)).anySatisfy(e -> assertThat(e).contains("tenant.yaml:1:1: tenantid: unknown key 'tenantid'; "
            + "did you mean 'tenantId'?"))
        .anySatisfy(e -> assertThat(e).contains("tenant.yaml:2:8: cloud: must be one of"))
        // The misspelt key is the required one: one error says both, not a second that contradicts it.
        .noneSatisfy(e -> assertThat(e).contains("missing required key 'tenantId'"));
  }

  @Test
  void basesMustBeLayerDirectoriesWithDistinctNames() throws IOException {
    Path other = tenant("other", "tenantId: " + ID + "\n");
    Files.createDirectories(dir.resolve("a/common"));
    Files.createDirectories(dir.resolve("b/common"));
    Path d = tenant("t", "tenantId: " + ID + "\nbases: [../../missing, ../other, ../../a/common, ../../b/common]\n");
    assertThat(errors(d)).containsExactly(
        "tenant.yaml:2:9: bases[0]: no such directory: " + dir.resolve("missing"),
        "tenant.yaml:2:24: bases[1]: " + other + " is a tenant (it has a tenant.yaml); a base is a layer directory",
        "tenant.yaml:2:50: bases[3]: another layer of this tenant is also named common; plans name layers by directory "
            + "name, so give them different names");
  }

  @Test
  void aMissingSeedIsAnError() throws IOException {
    Path d = tenant("t", "tenantId: " + ID + "\nsandboxSeed: nope.json\n");
    assertThat(errors(d)).singleElement().asString().contains("tenant.yaml:2:14: sandboxSeed: no such file");
  }
}
