package org.settingsreconciler.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {

  @Test
  void oneIsSingularAndEveryOtherCountPlural() {
    assertThat(Plural.count(1, "change")).isEqualTo("1 change");
    assertThat(Plural.count(0, "change")).isEqualTo("0 changes");
    assertThat(Plural.count(2, "destructive change")).isEqualTo("2 destructive changes");
    assertThat(Plural.count(1, "person", "people")).isEqualTo("1 person");
    assertThat(Plural.count(3, "person", "people")).isEqualTo("3 people");
    assertThat(Plural.pick(1, "is", "are")).isEqualTo("is");
    assertThat(Plural.pick(5, "is", "are")).isEqualTo("are");
  }

  @Test
  void regularEnglishPlurals() {
    assertThat(Plural.noun(2, "copy")).isEqualTo("copies");
    assertThat(Plural.noun(2, "property")).isEqualTo("properties");
    assertThat(Plural.noun(2, "key")).isEqualTo("keys");
    assertThat(Plural.noun(2, "address")).isEqualTo("addresses");
    assertThat(Plural.noun(2, "batch")).isEqualTo("batches");
    assertThat(Plural.noun(2, "group name")).isEqualTo("group names");
  }
}
