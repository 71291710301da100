package jp.linkage.hub.iface;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The topic layout: two topics per agency so that Kafka ACLs can later give each agency's principal
 * access to its own pair only. Agencies write to {@code ipn.<agency>.to-hub} and read {@code
 * ipn.<agency>.from-hub}; the resident registry (住基ネット) writes to {@code ipn.registry.to-hub}.
 */
public final class TopicLayout {
  public static final String REGISTRY_TO_HUB = "ipn.registry.to-hub";

  /** Matches every topic the hub reads. */
  public static final Pattern TO_HUB_PATTERN = Pattern.compile("ipn\\.[a-z0-9-]+\\.to-hub");

  /**
   * Matches every back-office → intermediate server topic ({@code bo.<agency>.to-server}). The
   * {@code bo.*} topics belong to the agency's side (in production inside the agency's own network,
   * possibly on another Kafka cluster than the hub's): they carry the agency's own plaintext
   * replica data and local ids (宛名番号), never a My Number (個人番号) — symbol acquisition stays in the
   * Java API.
   */
  public static final Pattern BACKOFFICE_TO_SERVER_PATTERN =
      Pattern.compile("bo\\.[a-z0-9-]+\\.to-server");

  private static final Pattern AGENCY_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

  private TopicLayout() {}

  public static String toHub(String agencyCode) {
    return "ipn." + requireValidAgency(agencyCode) + ".to-hub";
  }

  public static String fromHub(String agencyCode) {
    return "ipn." + requireValidAgency(agencyCode) + ".from-hub";
  }

  /**
   * 業務システム → 中間サーバー: the agency's back-office sends master changes (副本登録), change notices (異動通知)
   * and queries to its intermediate server here.
   */
  public static String backOfficeToServer(String agencyCode) {
    return "bo." + requireValidAgency(agencyCode) + ".to-server";
  }

  /**
   * 中間サーバー → 業務システム: acknowledgements, query results (with the opened answer), replica alerts and
   * rejections for the agency's back-office.
   */
  public static String backOfficeFromServer(String agencyCode) {
    return "bo." + requireValidAgency(agencyCode) + ".from-server";
  }

  /** The agency whose back-office to-server topic this is, or {@code null} for any other topic. */
  public static String agencyOfBackOfficeTopic(String topic) {
    if (topic == null || !BACKOFFICE_TO_SERVER_PATTERN.matcher(topic).matches()) {
      return null;
    }
    return topic.substring("bo.".length(), topic.length() - ".to-server".length());
  }

  /**
   * Both back-office topics of each agency, for creating them up front on the back-office cluster.
   */
  public static List<String> backOfficeTopics(Collection<String> agencyCodes) {
    List<String> topics = new ArrayList<>();
    for (String agency : agencyCodes) {
      topics.add(backOfficeToServer(agency));
      topics.add(backOfficeFromServer(agency));
    }
    return topics;
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
