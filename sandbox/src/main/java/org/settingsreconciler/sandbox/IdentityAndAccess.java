package org.settingsreconciler.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which requests Graph's identity and access service limits apply to, and so which answers carry that service's
 * throttling headers ({@code x-ms-throttle-limit-percentage} on answers served, {@code x-ms-throttle-scope} and
 * {@code x-ms-throttle-information} on throttled ones). The docs describe those headers for this service only
 * (concepts/throttling.md at 28dd02d3 and concepts/throttling-limits.md, "Identity and access service limits"), for
 * the resources includes/throttling-identity-and-access.md lists: application, contract, device, directory objects
 * and roles, domain, group and group settings, license details, OAuth2 permission grants, organization, organizational
 * contact, service principal, subscribed SKU, user. A user's profile, settings or insights are other services (the
 * insights limits are their own section), so {@code /users/{id}/profile/interests} is not one of them; nor is
 * {@code /admin} or {@code /copilot}.
 */
final class IdentityAndAccess {

  /** Collections whose every path is the service's (a group's members, a service principal's role assignments). */
  private static final Set<String> WHOLE = Set.of("applications", "contracts", "devices", "directoryobjects",
      "directoryroles", "directoryroletemplates", "domains", "groups", "groupsettings", "groupsettingtemplates",
      "oauth2permissiongrants", "serviceprincipals", "subscribedskus", "contacts", "getobjectsbyid");

  /**
   * A user's (or the organization's) own object, and the navigations the cost table names under {@code me/}, which
   * apply to {@code users/{id}/} alike (concepts/throttling-limits.md, "Any request cost that applies to a request
   * path starting with me/ also applies to equivalent requests starting with users/{id | userPrincipalName}/").
   */
  private static final Set<String> USER_NAVIGATIONS = Set.of("memberof", "transitivememberof", "ownedobjects",
      "licensedetails", "checkmembergroups", "checkmemberobjects", "getmembergroups", "getmemberobjects", "manager",
      "directreports");

  private IdentityAndAccess() {}

  /** @param segments the path's segments after the version */
  static boolean covers(List<String> segments) {
    if (segments.isEmpty()) {
      return false;
    }
    String first = segments.get(0).toLowerCase(Locale.ROOT);
    if (WHOLE.contains(first)) {
      return true;
    }
    if (first.equals("me")) {
      return segments.size() == 1 || USER_NAVIGATIONS.contains(segments.get(1).toLowerCase(Locale.ROOT));
    }
    if (first.equals("users")) {
      return segments.size() <= 2 || USER_NAVIGATIONS.contains(segments.get(2).toLowerCase(Locale.ROOT));
    }
    return first.equals("organization") && segments.size() <= 2;
  }
}
