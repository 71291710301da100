package jp.linkage.hub.registry;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * 住民基本台帳ネットワーク (住基ネット) stand-in: the only component that holds My Numbers and 住民票コード (resident
 * record codes).
 *
 * <p>For 機関別符号 generation it hands out a {@link PersonPoint} instead of the resident record code: M
 * = hash-to-curve(HMAC-SHA256(registry key, 住民票コード)). The registry key keeps M from being
 * recomputed by anyone who learns a resident record code. Immutable and thread-safe.
 */
public final class ResidentRegistry {

  private static final int MIN_KEY_BYTES = 32;

  private final Map<MyNumber, Person> byMyNumber;
  private final List<Person> persons;
  private final byte[] registryKey;

  /**
   * @param persons the registered residents (My Numbers must be unique)
   * @param registryKey secret of at least 32 bytes for the person-point HMAC (copied)
   */
  public ResidentRegistry(List<Person> persons, byte[] registryKey) {
    Objects.requireNonNull(registryKey, "registryKey");
    if (registryKey.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "registry key must have at least " + MIN_KEY_BYTES + " bytes, got " + registryKey.length);
    }
    this.registryKey = registryKey.clone();
    this.persons = List.copyOf(persons);
    Map<MyNumber, Person> index = new HashMap<>();
    for (Person p : this.persons) {
      if (index.putIfAbsent(p.myNumber(), p) != null) {
        throw new IllegalArgumentException(
            "duplicate My Number in population (person #" + index.size() + ")");
      }
    }
    this.byMyNumber = Map.copyOf(index);
  }

  /** All registered residents, in registration order. */
  public List<Person> persons() {
    return persons;
  }

  /** Looks a resident up by 個人番号. */
  public Optional<Person> byMyNumber(MyNumber myNumber) {
    return Optional.ofNullable(byMyNumber.get(Objects.requireNonNull(myNumber, "myNumber")));
  }

  /**
   * The person's pseudonymous curve point for symbol generation (住民票コードの提供 in the real system,
   * replaced here by a keyed point so that the code itself never leaves the registry).
   *
   * @throws PersonNotFoundException if no resident has this My Number
   */
  public PersonPoint personPoint(MyNumber myNumber) {
    Person person =
        byMyNumber(myNumber)
            .orElseThrow(() -> new PersonNotFoundException("no resident with the given My Number"));
    return pointFor(person.residentRecordCode());
  }

  PersonPoint pointFor(ResidentRecordCode code) {
    HMac hmac = new HMac(new SHA256Digest()); // per call: HMac is not thread-safe
    hmac.init(new KeyParameter(registryKey));
    byte[] rrc = code.digits().getBytes(StandardCharsets.US_ASCII);
    hmac.update(rrc, 0, rrc.length);
    byte[] h = new byte[hmac.getMacSize()];
    hmac.doFinal(h, 0);
    return new PersonPoint(P256HashToCurve.hashToCurve(h));
  }
}
