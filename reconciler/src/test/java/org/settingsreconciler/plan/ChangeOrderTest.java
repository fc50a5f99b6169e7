package org.settingsreconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.settingsreconciler.resource.ResourceId;
import org.settingsreconciler.resource.defs.ProfilePropertySettings;
import org.settingsreconciler.resource.defs.ProfileSources;
import tools.jackson.databind.node.JsonNodeFactory;

/** The one rule plans are listed by and apply sends by: after the same address's earlier change, after dependencies. */
class ChangeOrderTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private static ResourceId source(String key) {
    return new ResourceId(ProfileSources.DESCRIPTOR, null, key);
  }

  private static ResourceId setting(String key) {
    return new ResourceId(ProfilePropertySettings.DESCRIPTOR, null, key);
  }

  private static Change create(ResourceId id) {
    return new Create(id, "/v1.0/x", F.objectNode(), List.of());
  }

  private static Change update(ResourceId id) {
    return new Update(id, "/v1.0/x/" + id.key(), F.objectNode().put("a", 1), F.objectNode().put("a", 0), List.of(),
        null);
  }

  private static Change delete(ResourceId id) {
    return new Delete(id, "/v1.0/x/" + id.key(), F.objectNode());
  }

  @Test
  void aChangeMovesOnlyAsFarAsItsDependenciesMakeIt() {
    Change deleteOld = delete(source("old")).withDependsOn(List.of(setting("sourcePrecedence").address()));
    Change createNew = create(source("new"));
    Change precedence = update(setting("sourcePrecedence")).withDependsOn(List.of(source("new").address()));
    Change other = update(setting("Skills"));

    assertThat(ChangeOrder.ordered(List.of(deleteOld, createNew, other, precedence)))
        .containsExactly(createNew, other, precedence, deleteOld);
  }

  @Test
  void changesToOneAddressKeepTheirOrderWhenTheFirstWaits() {
    Change reset = update(setting("Skills")).withDependsOn(List.of(source("new").address()));
    Change delete = delete(setting("Skills"));
    Change create = create(source("new"));

    assertThat(ChangeOrder.ordered(List.of(reset, delete, create))).containsExactly(create, reset, delete);
    assertThat(ChangeOrder.prerequisites(List.of(reset, delete, create)))
        .containsExactly(java.util.Set.of(2), java.util.Set.of(0), java.util.Set.of());
  }

  @Test
  void aDependencyTheListLacksIsNone() {
    Change precedence = update(setting("sourcePrecedence")).withDependsOn(List.of(source("gone").address()));

    assertThat(ChangeOrder.prerequisites(List.of(precedence))).containsExactly(java.util.Set.of());
  }

  @Test
  void dependenciesThatWaitOnEachOtherCannotBeOrdered() {
    Change a = create(source("a")).withDependsOn(List.of(source("b").address()));
    Change b = create(source("b")).withDependsOn(List.of(source("a").address()));

    assertThatThrownBy(() -> ChangeOrder.ordered(List.of(a, b))).isInstanceOf(IllegalStateException.class);
  }
}
