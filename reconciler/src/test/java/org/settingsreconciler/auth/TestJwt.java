package org.settingsreconciler.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Unsigned JWTs shaped like Entra's Graph tokens: the tool reads claims only, Graph (here WireMock) checks nothing. */
final class TestJwt {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final String TENANT = "11111111-2222-3333-4444-555555555555";
  static final String CLIENT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  private TestJwt() {}

  static String of(Map<String, Object> claims) {
    Map<String, Object> header = Map.of("typ", "JWT", "alg", "RS256", "kid", "test");
    // A random jti makes every token distinct, so a scan for one token never matches another.
    Map<String, Object> body = new LinkedHashMap<>(claims);
    body.putIfAbsent("jti", UUID.randomUUID().toString());
    return b64(JSON.writeValueAsString(header)) + "." + b64(JSON.writeValueAsString(body)) + ".c2lnbmF0dXJl";
  }

  /** An app-only Graph token with these application permissions. */
  static String appOnly(String... roles) {
    Map<String, Object> c = base();
    c.put("idtyp", "app");
    c.put("roles", List.of(roles));
    return of(c);
  }

  /** An app-only token for another cloud's Graph, e.g. {@code https://graph.microsoft.us}. */
  static String appOnlyFor(String audience, String... roles) {
    Map<String, Object> c = base();
    c.put("aud", audience);
    c.put("idtyp", "app");
    c.put("roles", List.of(roles));
    return of(c);
  }

  /** A delegated Graph token for admin@contoso.com with these scopes. */
  static String delegated(String... scopes) {
    Map<String, Object> c = base();
    c.put("idtyp", "user");
    c.put("upn", "admin@contoso.com");
    c.put("scp", String.join(" ", scopes));
    return of(c);
  }

  static Map<String, Object> base() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("aud", "https://graph.microsoft.com");
    c.put("iss", "https://sts.windows.net/" + TENANT + "/");
    c.put("tid", TENANT);
    c.put("appid", CLIENT_ID);
    c.put("exp", Instant.now().plusSeconds(3600).getEpochSecond());
    return c;
  }

  static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
