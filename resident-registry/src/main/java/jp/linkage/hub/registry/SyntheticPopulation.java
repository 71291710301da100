package jp.linkage.hub.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * 合成住民 (synthetic residents): a deterministic generator of persons for tests and demos.
 *
 * <p>The same seed and size always give the same persons (java.util.Random has a specified
 * algorithm). My Numbers are 11 random digits plus the real check digit; in reality they are
 * derived from the 住民票コード by a secret transformation, which this stand-in does not model. My
 * Numbers and resident record codes are unique within one population.
 */
public final class SyntheticPopulation {

  private static final LocalDate OLDEST = LocalDate.of(1940, 1, 1);
  private static final LocalDate YOUNGEST = LocalDate.of(2020, 12, 31);

  private SyntheticPopulation() {}

  /** Generates {@code size} persons from {@code seed}. */
  public static List<Person> generate(long seed, int size) {
    if (size < 0) {
      throw new IllegalArgumentException("population size must be >= 0, got " + size);
    }
    Random rng = new Random(seed);
    Set<MyNumber> myNumbers = new HashSet<>();
    Set<ResidentRecordCode> codes = new HashSet<>();
    List<Person> persons = new ArrayList<>(size);
    while (persons.size() < size) {
      MyNumber myNumber = MyNumber.fromBase(randomDigits(rng, 11));
      ResidentRecordCode code = ResidentRecordCode.random(rng);
      if (myNumbers.contains(myNumber) || codes.contains(code)) {
        continue; // a collision: draw again, still deterministic
      }
      myNumbers.add(myNumber);
      codes.add(code);
      persons.add(person(rng, myNumber, code));
    }
    return List.copyOf(persons);
  }

  private static Person person(Random rng, MyNumber myNumber, ResidentRecordCode code) {
    Sex sex = rng.nextBoolean() ? Sex.MALE : Sex.FEMALE;
    String family = pick(rng, SyntheticNames.FAMILY);
    String given =
        pick(rng, sex == Sex.MALE ? SyntheticNames.GIVEN_MALE : SyntheticNames.GIVEN_FEMALE);
    long days = YOUNGEST.toEpochDay() - OLDEST.toEpochDay() + 1;
    LocalDate birth = LocalDate.ofEpochDay(OLDEST.toEpochDay() + (long) (rng.nextDouble() * days));
    SyntheticNames.Municipality muni = pick(rng, SyntheticNames.MUNICIPALITIES);
    String address =
        muni.prefix()
            + pick(rng, muni.towns())
            + (1 + rng.nextInt(5))
            + "丁目"
            + (1 + rng.nextInt(20))
            + "番"
            + (1 + rng.nextInt(30))
            + "号";
    return new Person(myNumber, code, family, given, birth, sex, muni.code(), address);
  }

  private static <T> T pick(Random rng, List<T> list) {
    return list.get(rng.nextInt(list.size()));
  }

  private static String randomDigits(Random rng, int count) {
    StringBuilder sb = new StringBuilder(count);
    for (int i = 0; i < count; i++) {
      sb.append((char) ('0' + rng.nextInt(10)));
    }
    return sb.toString();
  }
}
