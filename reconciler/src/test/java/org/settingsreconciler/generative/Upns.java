package org.settingsreconciler.generative;

import java.util.SplittableRandom;

/**
 * User principal names as Entra allows them: a local part of letters, digits and {@code ' . - _ ! # ^ ~}, an
 * {@code @} and a domain. Several of those characters mean something to YAML ({@code #}, {@code !}, {@code ~},
 * {@code '}) or to URLs ({@code #}), and a local part can be a word YAML reads as a boolean or null.
 */
final class Upns {

  private static final String[] LOCAL = {
    "adele.vance", "megan", "o'brien", "yes", "no", "null", "true", "~", "~x", "#hash", "a#b", "!bang", "-dash",
    "under_score", "x^y", "first.last", "a.b.c", "007", "1e3", "Mixed.Case",
  };
  private static final String[] DOMAINS = {"contoso.com", "contoso.onmicrosoft.com", "Fabrikam.COM", "x.io"};

  private Upns() {}

  static String draw(SplittableRandom r) {
    return LOCAL[r.nextInt(LOCAL.length)] + (r.nextInt(3) == 0 ? String.valueOf(r.nextInt(10)) : "") + "@"
        + DOMAINS[r.nextInt(DOMAINS.length)];
  }
}
