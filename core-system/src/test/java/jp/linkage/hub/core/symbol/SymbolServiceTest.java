package jp.linkage.hub.core.symbol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SymbolServiceTest {

  private static final String CHIYODA = "muni-131016";
  private static final String OSAKA = "muni-271004";
  private static final String KENPO = "hi-kenpo-06130001";
  private static final String NENKIN = "nenkin";

  private final SymbolKeyring keyringV1 = new SymbolKeyring(TestPoints.MASTER, 1);
  private final SymbolService service = new SymbolService(keyringV1);
  private final byte[] person = TestPoints.randomPoint(new Random(11));

  @Test
  void samePersonAndAgencyGiveTheSameSymbol() {
    assertEquals(service.issue(NENKIN, person), service.issue(NENKIN, person.clone()));
    assertEquals(
        service.issue(NENKIN, person),
        new SymbolService(new SymbolKeyring(TestPoints.MASTER, 1)).issue(NENKIN, person));
  }

  @Test
  void agenciesGetDifferentSymbolsForOnePerson() {
    AgencySymbol a = service.issue(CHIYODA, person);
    AgencySymbol b = service.issue(NENKIN, person);
    assertNotEquals(a, b);
    assertFalse(java.util.Arrays.equals(a.point(), b.point()));
    assertFalse(java.util.Arrays.equals(a.tag(), b.tag()));
    assertFalse(java.util.Arrays.equals(a.point(), person), "symbol must not be the person point");
  }

  @Test
  void differentPersonsGetDifferentSymbols() {
    Random rng = new Random(5);
    Set<AgencySymbol> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      assertTrue(seen.add(service.issue(KENPO, TestPoints.randomPoint(rng))));
    }
  }

  @Test
  void convertEqualsDirectIssueForEveryPair() {
    String[] agencies = {CHIYODA, OSAKA, KENPO, NENKIN};
    for (String from : agencies) {
      for (String to : agencies) {
        AgencySymbol converted = service.convert(from, service.issue(from, person), to);
        assertEquals(service.issue(to, person), converted, from + " -> " + to);
        assertTrue(service.belongsTo(to, converted));
      }
    }
  }

  @Test
  void symbolPresentedByAnotherAgencyIsRejected() {
    AgencySymbol chiyoda = service.issue(CHIYODA, person);
    assertReason(
        SymbolRejectedException.Reason.WRONG_AGENCY, () -> service.convert(NENKIN, chiyoda, OSAKA));
    assertTrue(service.belongsTo(CHIYODA, chiyoda));
    assertFalse(service.belongsTo(NENKIN, chiyoda));
    SymbolRejectedException e =
        assertThrows(SymbolRejectedException.class, () -> service.convert(NENKIN, chiyoda, OSAKA));
    assertFalse(e.getMessage().contains(chiyoda.encoded()));
  }

  @Test
  void tamperedTagOrPointIsRejected() {
    AgencySymbol s = service.issue(NENKIN, person);
    byte[] tag = s.tag();
    tag[15] ^= 0x01;
    assertReason(
        SymbolRejectedException.Reason.WRONG_AGENCY,
        () -> service.convert(NENKIN, new AgencySymbol(1, s.point(), tag), CHIYODA));
    byte[] point = s.point();
    point[0] = (byte) (point[0] == 0x02 ? 0x03 : 0x02); // the negated point, still on the curve
    assertReason(
        SymbolRejectedException.Reason.WRONG_AGENCY,
        () -> service.convert(NENKIN, new AgencySymbol(1, point, s.tag()), CHIYODA));
  }

  @Test
  void unknownVersionAndMalformedPointsAreRejected() {
    AgencySymbol s = service.issue(NENKIN, person);
    assertReason(
        SymbolRejectedException.Reason.UNKNOWN_VERSION,
        () -> service.convert(NENKIN, new AgencySymbol(2, s.point(), s.tag()), CHIYODA));
    assertFalse(service.belongsTo(NENKIN, new AgencySymbol(2, s.point(), s.tag())));
    byte[] offCurve = new byte[33];
    offCurve[0] = 0x02;
    offCurve[32] = 0x01; // x = 1: 1 − 3 + b is a non-residue mod p (Euler criterion), no such point
    assertReason(SymbolRejectedException.Reason.MALFORMED, () -> service.issue(NENKIN, offCurve));
    assertReason(
        SymbolRejectedException.Reason.MALFORMED, () -> service.issue(NENKIN, new byte[32]));
  }

  @Test
  void keyRotationKeepsOldSymbolsConvertibleAndRekeyGivesTheCurrentOne() {
    AgencySymbol oldChiyoda = service.issue(CHIYODA, person);
    SymbolService rotated = new SymbolService(keyringV1.rotatedTo(2, 1));
    AgencySymbol currentChiyoda = rotated.issue(CHIYODA, person);
    assertEquals(2, currentChiyoda.version());
    assertNotEquals(oldChiyoda, currentChiyoda);

    assertTrue(rotated.belongsTo(CHIYODA, oldChiyoda));
    assertEquals(rotated.issue(NENKIN, person), rotated.convert(CHIYODA, oldChiyoda, NENKIN));
    assertEquals(currentChiyoda, rotated.rekey(CHIYODA, oldChiyoda));
    assertSame(currentChiyoda, rotated.rekey(CHIYODA, currentChiyoda));
    assertReason(
        SymbolRejectedException.Reason.WRONG_AGENCY, () -> rotated.rekey(NENKIN, oldChiyoda));

    SymbolService retired = new SymbolService(keyringV1.rotatedTo(2, 2));
    assertReason(
        SymbolRejectedException.Reason.UNKNOWN_VERSION, () -> retired.rekey(CHIYODA, oldChiyoda));
  }

  private static void assertReason(SymbolRejectedException.Reason reason, Executable call) {
    assertEquals(reason, assertThrows(SymbolRejectedException.class, call).reason());
  }
}
