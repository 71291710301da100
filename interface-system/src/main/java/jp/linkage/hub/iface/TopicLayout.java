package jp.linkage.hub.iface;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The topic layout: two topics per agency so that Kafka ACLs can later give each agency's
 * principal access to its own pair only. Agencies write to {@code ipn.<agency>.to-hub} and read
 * {@code ipn.<agency>.from-hub}; the resident registry (住基ネット) writes to {@code
 * ipn.registry.to-hub}.
 */
public final class TopicLayout {
  public static final String REGISTRY_TO_HUB = "ipn.registry.to-hub";
  /** Matches every topic the hub reads. */
  public static final Pattern TO_HUB_PATTERN = Pattern.compile("ipn\\.[a-z0-9-]+\\.to-hub");

  private static final Pattern AGENCY_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

  private TopicLayout() {}

  public static String toHub(String agencyCode) {
    return "ipn." + requireValidAgency(agencyCode) + ".to-hub";
  }

  public static String fromHub(String agencyCode) {
    return "ipn." + requireValidAgency(agencyCode) + ".from-hub";
  }

  /** The agency whose to-hub topic this is, or {@code null} for the registry topic. */
  public static String agencyOfToHubTopic(String topic) {
    if (REGISTRY_TO_HUB.equals(topic) || !TO_HUB_PATTERN.matcher(topic).matches()) {
      return null;
    }
    return topic.substring("ipn.".length(), topic.length() - ".to-hub".length());
  }

  public static boolean isValidAgencyCode(String code) {
    return code != null && AGENCY_CODE.matcher(code).matches() && !"registry".equals(code);
  }

  /** All topics for these agencies plus the registry topic, for creating them up front. */
  public static List<String> allTopics(Collection<String> agencyCodes) {
    List<String> topics = new ArrayList<>();
    topics.add(REGISTRY_TO_HUB);
    for (String agency : agencyCodes) {
      topics.add(toHub(agency));
      topics.add(fromHub(agency));
    }
    return topics;
  }

  private static String requireValidAgency(String code) {
    if (!isValidAgencyCode(code)) {
      throw new IllegalArgumentException("not a valid agency code: " + code);
    }
    return code;
  }
}
