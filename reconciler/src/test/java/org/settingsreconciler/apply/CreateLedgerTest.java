package org.settingsreconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.settingsreconciler.auth.MutableClock;
import org.settingsreconciler.graph.GraphVersion;
import org.settingsreconciler.plan.Create;
import org.settingsreconciler.plan.PendingCreate;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.PersonInterests;
import tools.jackson.databind.node.JsonNodeFactory;

/** The ledger of recent creates on its own: who holds back what, for how long, and what is forgotten. */
class CreateLedgerTest {

  private static final String ROOT = "https://graph.microsoft.com/beta";

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock();

  private CreateLedger ledger(String tenant) {
    return CreateLedger.in(dir, ROOT, tenant, Duration.ofMinutes(15), clock);
  }

  private static Create interest(String name) {
    ResourceId id = new ResourceId(PersonInterests.DESCRIPTOR, "adele@contoso.com", name);
    return new Create(id, id.basePath(GraphVersion.BETA), JsonNodeFactory.instance.objectNode().put("displayName", name), List.of());
  }

  @Test
  void aCreateAnotherRunClaimedIsHeldBackByKeyAsTheKeyComparesUntilTheWindowEnds() {
    ledger("t1").claim(List.of(interest("Chess")), false);

    clock.advance(Duration.ofMinutes(4));
    var held = ledger("t1").claim(List.of(interest("chess"), interest("Go")), false);

    assertThat(held).containsOnlyKeys(0);
    assertThat(held.get(0).kind()).isEqualTo(PendingCreate.Kind.SENDING);
    assertThat(held.get(0).age()).isEqualTo(Duration.ofMinutes(4));
    assertThat(held.get(0).left()).isEqualTo(Duration.ofMinutes(11));
    clock.advance(Duration.ofMinutes(11));
    assertThat(ledger("t1").heldBack(interest("Chess"))).as("15 min after it was sent").isEmpty();
    assertThat(ledger("t1").heldBack(interest("Go"))).as("sent 11 min ago").isPresent();
  }

  @Test
  void anotherTenantOrGraphRootHoldsNothingBack() {
    ledger("t1").claim(List.of(interest("Chess")), false);

    assertThat(ledger("t2").heldBack(interest("Chess"))).isEmpty();
    assertThat(CreateLedger.in(dir, "https://graph.microsoft.us/beta", "t1", Duration.ofMinutes(15), clock)
        .heldBack(interest("Chess"))).isEmpty();
    assertThat(ledger("t1").heldBack(interest("Chess"))).isPresent();
  }

  @Test
  void settlingKeepsWhatDoesNotShowAndForgetsWhatShowsOrWasRefused() {
    CreateLedger run = ledger("t1");
    List<Create> creates = List.of(interest("Shown"), interest("Refused"), interest("Unseen"), interest("Lost"));
    run.claim(creates, false);

    run.settle(List.of(
        result(creates.get(0), ApplyStatus.APPLIED, Verification.VERIFIED),
        result(creates.get(1), ApplyStatus.FAILED, Verification.NONE),
        result(creates.get(2), ApplyStatus.APPLIED_NOT_VISIBLE, Verification.NOT_VISIBLE),
        result(creates.get(3), ApplyStatus.MAYBE_APPLIED, Verification.NOT_VISIBLE)));

    CreateLedger later = ledger("t1");
    assertThat(later.heldBack(creates.get(0))).isEmpty();
    assertThat(later.heldBack(creates.get(1))).isEmpty();
    assertThat(later.heldBack(creates.get(2)).orElseThrow().kind()).isEqualTo(PendingCreate.Kind.ACCEPTED);
    assertThat(later.heldBack(creates.get(3)).orElseThrow().kind()).isEqualTo(PendingCreate.Kind.ANSWER_LOST);
  }

  @Test
  void recreatingClaimsAgainAndADamagedFileHoldsNothingBack() throws Exception {
    ledger("t1").claim(List.of(interest("Chess")), false);

    assertThat(ledger("t1").claim(List.of(interest("Chess")), true)).isEmpty();

    try (var files = Files.list(dir)) {
      Path file = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
      Files.writeString(file, "{ not json");
    }
    assertThat(ledger("t1").heldBack(interest("Chess"))).isEmpty();
  }

  private static ChangeResult result(Create c, ApplyStatus status, Verification v) {
    return new ChangeResult(c, status, null, null, v, null, null, null);
  }
}
