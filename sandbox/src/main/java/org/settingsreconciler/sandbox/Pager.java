package org.settingsreconciler.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-driven paging for every list, as Graph pages: {@value #DEFAULT_PAGE} items a page, or {@code $top} of
 * them up to {@value #MAX_PAGE} (Graph's limit for users). A page size set on the sandbox caps every page instead,
 * {@code $top} or not, to exercise paging. When more remain, the page carries an absolute {@code @odata.nextLink}
 * with an opaque {@code $skiptoken}. Clients must follow next links rather than assume one page.
 */
final class Pager {

  private Pager() {}

  static final int DEFAULT_PAGE = 100;
  static final int MAX_PAGE = 999;

  /** @param contextPath the list's context URL (see {@link Representations#context}) */
  static ObjectNode page(List<? extends JsonNode> items, String contextPath, Call call) {
    SandboxRequest r = call.request();
    String top = r.query().get("$top");
    int size;
    if (call.pageSize() > 0) {
      size = top == null ? call.pageSize() : Math.min(call.pageSize(), nonNegative("$top", top));
    } else {
      size = top == null ? DEFAULT_PAGE : Math.min(MAX_PAGE, nonNegative("$top", top));
    }
    int offset = 0;
    String skip = r.query().get("$skip");
    if (skip != null) {
      offset = nonNegative("$skip", skip);
    }
    String token = r.query().get("$skiptoken");
    if (token != null) {
      offset = decodeToken(token);
    }
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("@odata.context", contextPath);
    ArrayNode value = out.putArray("value");
    int end = Math.min(items.size(), offset + size);
    for (int i = offset; i < end; i++) {
      value.add(items.get(i));
    }
    if (end < items.size() && size > 0) {
      out.put("@odata.nextLink", nextLink(call, end));
    }
    return out;
  }

  private static int nonNegative(String option, String text) {
    try {
      int n = Integer.parseInt(text.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw GraphErrors.badRequest("Invalid value '" + text + "' for query option " + option + ".");
  }

  /** The next page's URL: this request's query, without $skip/$skiptoken, plus the token of the next offset. */
  private static String nextLink(Call call, int nextOffset) {
    List<String> kept = new ArrayList<>();
    String raw = call.request().rawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String name = SandboxRequests.optionName(call.request().version(),
            URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
        if (!name.equals("$skiptoken") && !name.equals("$skip") && !pair.isEmpty()) {
          kept.add(pair);
        }
      }
    }
    kept.add("$skiptoken=" + encodeToken(nextOffset));
    return call.baseUrl() + call.request().version().prefix() + call.request().rawPath() + "?" + String.join("&", kept);
  }

  private static String encodeToken(int offset) {
    byte[] text = ("offset:" + offset).getBytes(StandardCharsets.UTF_8);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
  }

  private static int decodeToken(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (text.startsWith("offset:")) {
        return nonNegative("$skiptoken", text.substring("offset:".length()));
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw GraphErrors.badRequest("Invalid $skiptoken '" + token + "'.");
  }
}
