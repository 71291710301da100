package jp.linkage.hub.iface.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CryptoProvidersTest {
  @Test
  void registersBouncyCastleExactlyOnce() {
    Provider first = CryptoProviders.ensureRegistered();
    Provider second = CryptoProviders.ensureRegistered();

    assertSame(first, second);
    assertSame(first, Security.getProvider(CryptoProviders.BC_NAME));
    assertEquals("BC", CryptoProviders.providerName());
    assertEquals(
        1, Arrays.stream(Security.getProviders()).filter(p -> p.getName().equals("BC")).count());
  }
}
