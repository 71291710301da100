package jp.linkage.hub.core.symbol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SymbolKeyringTest {

  private final SymbolKeyring keyring = new SymbolKeyring(TestPoints.MASTER, 3);

  @Test
  void derivationIsDeterministicAndScalarsAreInRange() {
    AgencyKey a = keyring.key("muni-131016", 2);
    AgencyKey again = new SymbolKeyring(TestPoints.MASTER, 3).key("muni-131016", 2);
    assertEquals(a.scalar(), again.scalar());
    assertArrayEquals(a.tagKey(), again.tagKey());
    assertTrue(a.scalar().signum() > 0 && a.scalar().compareTo(P256.N) < 0);
    assertEquals(BigInteger.ONE, a.scalar().multiply(a.inverse()).mod(P256.N));
  }

  @Test
  void keysDifferPerAgencyVersionAndMaster() {
    AgencyKey base = keyring.key("muni-131016", 1);
    assertNotEquals(base.scalar(), keyring.key("nenkin", 1).scalar());
    assertNotEquals(base.scalar(), keyring.key("muni-131016", 2).scalar());
    assertNotEquals(
        base.scalar(),
        new SymbolKeyring(TestPoints.filled(32, (byte) 1), 3).key("muni-131016", 1).scalar());
    assertFalse(java.util.Arrays.equals(base.tagKey(), keyring.key("nenkin", 1).tagKey()));
  }

  @Test
  void onlyVersionsInTheWindowAreUsable() {
    SymbolKeyring rotated = keyring.rotatedTo(5, 3);
    assertEquals(5, rotated.currentVersion());
    assertEquals(keyring.key("nenkin", 3).scalar(), rotated.key("nenkin", 3).scalar());
    assertEquals(
        SymbolRejectedException.Reason.UNKNOWN_VERSION,
        assertThrows(SymbolRejectedException.class, () -> rotated.key("nenkin", 2)).reason());
    assertEquals(
        SymbolRejectedException.Reason.UNKNOWN_VERSION,
        assertThrows(SymbolRejectedException.class, () -> keyring.key("nenkin", 4)).reason());
  }

  @Test
  void rejectsBadConfiguration() {
    assertThrows(IllegalArgumentException.class, () -> new SymbolKeyring(new byte[31], 1));
    assertThrows(IllegalArgumentException.class, () -> new SymbolKeyring(TestPoints.MASTER, 0));
    assertThrows(IllegalArgumentException.class, () -> new SymbolKeyring(TestPoints.MASTER, 256));
    assertThrows(IllegalArgumentException.class, () -> new SymbolKeyring(TestPoints.MASTER, 2, 3));
    assertThrows(IllegalArgumentException.class, () -> keyring.key("Muni 131016", 1));
  }

  @Test
  void toStringsHideSecrets() {
    AgencyKey key = keyring.key("nenkin", 1);
    assertFalse(key.toString().contains(key.scalar().toString()));
    assertFalse(key.toString().contains(key.scalar().toString(16)));
  }
}
