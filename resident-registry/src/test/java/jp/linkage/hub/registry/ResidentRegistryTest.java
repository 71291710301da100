package jp.linkage.hub.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ResidentRegistryTest {

  private static final byte[] KEY = filled(32, (byte) 0x11);
  private final List<Person> population = SyntheticPopulation.generate(2024, 300);
  private final ResidentRegistry registry = new ResidentRegistry(population, KEY);

  @Test
  void findsPersonsByMyNumber() {
    Person p = population.get(17);
    assertEquals(p, registry.byMyNumber(p.myNumber()).orElseThrow());
    MyNumber stranger = MyNumber.fromBase("00000000001");
    assertTrue(registry.byMyNumber(stranger).isEmpty());
    PersonNotFoundException e =
        assertThrows(PersonNotFoundException.class, () -> registry.personPoint(stranger));
    assertFalse(e.getMessage().contains("000000000019"));
  }

  @Test
  void personPointIsStablePerPersonAndDistinctAcrossPersons() {
    Person p = population.get(3);
    // the same whoever asks: the call has no agency parameter and a second registry instance agrees
    assertEquals(
        registry.personPoint(p.myNumber()),
        new ResidentRegistry(population, KEY).personPoint(p.myNumber()));
    long distinct =
        population.stream()
            .map(x -> registry.personPoint(x.myNumber()))
            .collect(Collectors.toSet())
            .size();
    assertEquals(population.size(), distinct);
  }

  @Test
  void personPointDependsOnTheRegistryKey() {
    ResidentRegistry otherKey = new ResidentRegistry(population, filled(32, (byte) 0x22));
    for (Person p : population.subList(0, 20)) {
      assertNotEquals(registry.personPoint(p.myNumber()), otherKey.personPoint(p.myNumber()));
    }
  }

  @Test
  void personPointDoesNotExposeTheResidentRecordCode() {
    Person p = population.get(0);
    PersonPoint point = registry.personPoint(p.myNumber());
    // it is a keyed hash, not an encoding of the code: equal to the HMAC-based derivation only
    assertEquals(point, registry.pointFor(p.residentRecordCode()));
    String ascii = new String(point.compressed(), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertFalse(ascii.contains(p.residentRecordCode().digits()));
    assertFalse(point.toString().contains(p.residentRecordCode().digits()));
  }

  @Test
  void rejectsShortKeyAndDuplicateMyNumbers() {
    assertThrows(
        IllegalArgumentException.class, () -> new ResidentRegistry(population, new byte[16]));
    List<Person> dup = List.of(population.get(0), population.get(0));
    assertThrows(IllegalArgumentException.class, () -> new ResidentRegistry(dup, KEY));
  }

  @Test
  void keyIsCopied() {
    byte[] key = filled(32, (byte) 0x33);
    ResidentRegistry r = new ResidentRegistry(population, key);
    PersonPoint before = r.personPoint(population.get(0).myNumber());
    Arrays.fill(key, (byte) 0);
    assertEquals(before, r.personPoint(population.get(0).myNumber()));
  }

  private static byte[] filled(int n, byte b) {
    byte[] out = new byte[n];
    Arrays.fill(out, b);
    return out;
  }
}
