package jp.linkage.hub.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticPopulationTest {

  @Test
  void sameSeedGivesSamePopulation() {
    assertEquals(SyntheticPopulation.generate(42, 200), SyntheticPopulation.generate(42, 200));
    assertNotEquals(SyntheticPopulation.generate(42, 50), SyntheticPopulation.generate(43, 50));
  }

  @Test
  void numbersAreUniqueAndValid() {
    List<Person> persons = SyntheticPopulation.generate(1, 5_000);
    assertEquals(5_000, persons.size());
    assertEquals(5_000, persons.stream().map(Person::myNumber).collect(Collectors.toSet()).size());
    assertEquals(
        5_000, persons.stream().map(Person::residentRecordCode).collect(Collectors.toSet()).size());
    // every My Number re-parses, i.e. carries a correct check digit
    persons.forEach(p -> assertEquals(p.myNumber(), MyNumber.parse(p.myNumber().digits())));
  }

  @Test
  void attributesArePlausible() {
    Set<String> municipalities = new HashSet<>();
    Set<Sex> sexes = new HashSet<>();
    for (Person p : SyntheticPopulation.generate(3, 500)) {
      municipalities.add(p.municipalityCode());
      sexes.add(p.sex());
      assertFalse(p.birthDate().isBefore(LocalDate.of(1940, 1, 1)));
      assertFalse(p.birthDate().isAfter(LocalDate.of(2020, 12, 31)));
      assertTrue(
          p.addressLine().startsWith(p.municipalityCode().equals("131016") ? "東京都千代田区" : "大阪府大阪市"));
      List<String> given =
          p.sex() == Sex.MALE ? SyntheticNames.GIVEN_MALE : SyntheticNames.GIVEN_FEMALE;
      assertTrue(given.contains(p.givenName()));
    }
    assertEquals(Set.of("131016", "271004"), municipalities);
    assertEquals(Set.of(Sex.MALE, Sex.FEMALE), sexes);
  }

  @Test
  void personToStringNeverContainsTheNumbers() {
    for (Person p : SyntheticPopulation.generate(9, 100)) {
      String s = p.toString();
      assertFalse(s.contains(p.myNumber().digits()));
      assertFalse(s.contains(p.residentRecordCode().digits()));
      // apart from the birth date and municipality code, no digit at all (so no fragment either)
      String rest = s.replace(p.birthDate().toString(), "").replace(p.municipalityCode(), "");
      assertFalse(rest.chars().anyMatch(Character::isDigit), s);
    }
  }

  @Test
  void rejectsNegativeSize() {
    assertThrows(IllegalArgumentException.class, () -> SyntheticPopulation.generate(1, -1));
  }
}
