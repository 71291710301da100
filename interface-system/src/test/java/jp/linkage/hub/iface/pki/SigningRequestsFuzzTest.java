package jp.linkage.hub.iface.pki;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for the one input of the PKI that comes from outside, a signing request: whatever the
 * bytes, the answer is a checked request or a {@link CertificateRequestRejectedException} naming
 * field and rule, never another exception. {@code mvn verify} runs the corpus in {@code
 * SigningRequestsFuzzTestInputs/}; {@code JAZZER_FUZZ=1 mvn test -pl interface-system
 * -Dtest=SigningRequestsFuzzTest} fuzzes.
 */
class SigningRequestsFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void anyBytesGiveARequestOrASpecificRefusal(byte[] input) {
    try {
      assertNotNull(SigningRequests.check(input, "nenkin").publicKey());
    } catch (CertificateRequestRejectedException refused) {
      assertNotNull(refused.field());
      assertNotNull(refused.rule());
    }
  }
}
