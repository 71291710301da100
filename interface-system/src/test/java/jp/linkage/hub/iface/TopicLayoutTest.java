package jp.linkage.hub.iface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {
  @Test
  void eachAgencyHasItsOwnPairOfTopics() {
    assertEquals("ipn.nenkin.to-hub", TopicLayout.toHub("nenkin"));
    assertEquals("ipn.nenkin.from-hub", TopicLayout.fromHub("nenkin"));
    assertEquals("nenkin", TopicLayout.agencyOfToHubTopic("ipn.nenkin.to-hub"));
    assertNull(TopicLayout.agencyOfToHubTopic(TopicLayout.REGISTRY_TO_HUB));
    assertNull(TopicLayout.agencyOfToHubTopic("ipn.nenkin.from-hub"));
    assertTrue(TopicLayout.TO_HUB_PATTERN.matcher(TopicLayout.REGISTRY_TO_HUB).matches());
    assertEquals(
        List.of("ipn.registry.to-hub", "ipn.a1.to-hub", "ipn.a1.from-hub"),
        TopicLayout.allTopics(List.of("a1")));
  }

  @Test
  void eachAgencyHasItsOwnBackOfficePairApartFromTheHubsTopics() {
    assertEquals(
        "bo.hi-kenpo-06130001.to-server", TopicLayout.backOfficeToServer("hi-kenpo-06130001"));
    assertEquals("bo.nenkin.from-server", TopicLayout.backOfficeFromServer("nenkin"));
    assertEquals("nenkin", TopicLayout.agencyOfBackOfficeTopic("bo.nenkin.to-server"));
    assertNull(TopicLayout.agencyOfBackOfficeTopic("bo.nenkin.from-server"));
    assertNull(TopicLayout.agencyOfBackOfficeTopic("ipn.nenkin.to-hub"));
    assertEquals(
        List.of("bo.a1.to-server", "bo.a1.from-server"),
        TopicLayout.backOfficeTopics(List.of("a1")));
    assertTrue(
        TopicLayout.allTopics(List.of("a1")).stream().noneMatch(t -> t.startsWith("bo.")),
        "the hub's topic list never includes the agencies' back-office topics");
    assertThrows(IllegalArgumentException.class, () -> TopicLayout.backOfficeToServer("A.b"));
  }

  @Test
  void refusesAgencyCodesThatWouldBreakTheLayout() {
    assertThrows(IllegalArgumentException.class, () -> TopicLayout.toHub("Nenkin"));
    assertThrows(IllegalArgumentException.class, () -> TopicLayout.toHub("a.b"));
    assertThrows(IllegalArgumentException.class, () -> TopicLayout.toHub("registry"));
  }
}
