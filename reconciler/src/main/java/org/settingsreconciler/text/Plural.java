package org.settingsreconciler.text;

/**
 * Counts with their nouns, singular for one and plural otherwise ("1 change", "0 changes", "2 changes"), and the
 * words that agree with a count ("is"/"are", "it"/"them"): the one place the tool's messages get this right, so no
 * "(s)" reaches a user.
 */
public final class Plural {

  private Plural() {}

  /** {@code n} and the noun in its form for {@code n}: "1 setting", "3 settings", "2 copies". */
  public static String count(long n, String noun) {
    return n + " " + noun(n, noun);
  }

  /** {@code n} with an irregular noun given in both forms: "1 person", "2 people". */
  public static String count(long n, String one, String many) {
    return n + " " + pick(n, one, many);
  }

  /**
   * The noun (or phrase ending in one: "destructive change") in its form for {@code n}, by the regular English rules
   * (setting/settings, property/properties, address/addresses).
   */
  public static String noun(long n, String noun) {
    return n == 1 ? noun : plural(noun);
  }

  /** The word that agrees with {@code n}: {@code one} for exactly one, else {@code many} ("is"/"are", "it"/"them"). */
  public static String pick(long n, String one, String many) {
    return n == 1 ? one : many;
  }

  static String plural(String noun) {
    int last = noun.length() - 1;
    if (noun.endsWith("y") && last > 0 && "aeiou".indexOf(noun.charAt(last - 1)) < 0) {
      return noun.substring(0, last) + "ies";
    }
    if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
      return noun + "es";
    }
    return noun + "s";
  }
}
