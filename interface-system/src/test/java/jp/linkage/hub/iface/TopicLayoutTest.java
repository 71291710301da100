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
    assertEquals(List.of("ipn.registry.to-hub", "ipn.a1.to-hub", "ipn.a1.from-hub"),
        TopicLayout.allTopics(List.of("a1")));
  }

  @Test
  void refusesAgencyCodesThatWouldBreakTheLayout() {
    assertThrows(IllegalArgumentException.class, () -> TopicLayout.toHub("Nenkin"));
    assertThrows(IllegalArgumentException.class, () -> TopicLayout.toHub("a.b"));
    assertThrows(IllegalArgumentException.class, () -> TopicLayout.toHub("registry"));
  }
}
