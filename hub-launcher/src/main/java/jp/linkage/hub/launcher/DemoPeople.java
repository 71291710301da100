package jp.linkage.hub.launcher;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.registry.Sex;

/**
 * How the demo's agencies know the synthetic population: each agency's local ids (利用番号 / 宛名番号) and
 * the master records their back-offices hold. All values are synthetic.
 */
public final class DemoPeople {
  public static final String CHIYODA = "muni-131016";
  public static final String OSAKA = "muni-271004";
  public static final String INSURER = "hi-kenpo-06130001";
  public static final String NENKIN = "nenkin";
  public static final String EDITION = "2026-04";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private DemoPeople() {}

  /** The municipality where the person is a resident. */
  public static String municipalityOf(Person p) {
    return "131016".equals(p.municipalityCode()) ? CHIYODA : OSAKA;
  }

  /** The agency's local id for the i-th person, if the agency knows the person. */
  public static Optional<String> localId(String agency, int i, Person p) {
    boolean known =
        switch (agency) {
          case CHIYODA, OSAKA -> municipalityOf(p).equals(agency);
          case INSURER -> insured(i);
          case NENKIN -> true;
          default -> false;
        };
    return known ? Optional.of(idFor(agency, i)) : Optional.empty();
  }

  /**
   * The local id format of each agency: C/O + 6 digits (municipalities), K + 6, N + 8 (pension).
   */
  public static String idFor(String agency, int i) {
    return switch (agency) {
      case CHIYODA -> "C" + String.format("%06d", i);
      case OSAKA -> "O" + String.format("%06d", i);
      case INSURER -> "K" + String.format("%06d", i);
      default -> "N" + String.format("%08d", i);
    };
  }

  /** Every second person is insured by the health insurance society. */
  public static boolean insured(int i) {
    return i % 2 == 0;
  }

  public static ObjectNode residentRecord(Person p) {
    ObjectNode o = JSON.objectNode();
    o.put("name", p.familyName() + "　" + p.givenName());
    o.put("dateOfBirth", p.birthDate().toString());
    o.put("sex", p.sex() == Sex.MALE ? "1" : "2");
    o.put(
        "address",
        (p.municipalityCode().equals("131016") ? "東京都千代田区" : "大阪府大阪市") + p.addressLine());
    o.put("relationshipToHead", "01");
    return o;
  }

  public static ObjectNode localTax(int i, Person p) {
    long income = 2_400_000L + 180_000L * (i % 9);
    ObjectNode o = JSON.objectNode();
    o.put("taxYear", 2026);
    o.put("levyingMunicipalityCode", p.municipalityCode());
    o.put("taxationCategory", "1");
    o.put("totalIncome", income);
    o.put("taxableIncome", income - 1_300_000L);
    o.put("incomeLevy", (income - 1_300_000L) / 10);
    o.put("perCapitaLevy", 5_000);
    return o;
  }

  public static ObjectNode eligibility(int i) {
    ObjectNode o = JSON.objectNode();
    o.put("insurerNumber", "06130001");
    o.put("insuranceType", "02"); // 組合管掌健康保険
    o.put("insuredSymbol", "霞" + (100 + i % 7));
    o.put("insuredNumber", String.valueOf(10_000 + i));
    o.put("insuredCategory", "1");
    o.put("qualificationDate", "2019-04-01");
    return o;
  }
}
