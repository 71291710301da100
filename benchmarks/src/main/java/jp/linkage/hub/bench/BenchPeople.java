package jp.linkage.hub.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.linkage.hub.registry.Person;

/**
 * How the benchmark's agencies know the synthetic population, mirroring the demo's conventions
 * (local ids 利用番号 / 宛名番号 and replica records); all values are synthetic. Every second person
 * is insured by the health insurance society.
 */
final class BenchPeople {
  static final String CHIYODA = "muni-131016";
  static final String OSAKA = "muni-271004";
  static final String INSURER = "hi-kenpo-06130001";
  static final String NENKIN = "nenkin";
  static final String EDITION = "2026-04";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private BenchPeople() {}

  static String municipalityOf(Person p) {
    return "131016".equals(p.municipalityCode()) ? CHIYODA : OSAKA;
  }

  static boolean insured(int i) {
    return i % 2 == 0;
  }

  static String pensionId(int i) {
    return "N" + String.format("%08d", i);
  }

  static String municipalId(String muni, int i) {
    return (CHIYODA.equals(muni) ? "C" : "O") + String.format("%06d", i);
  }

  static String insuredId(int i) {
    return "K" + String.format("%06d", i);
  }

  static ObjectNode localTax(int i, Person p) {
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

  static ObjectNode eligibility(int i) {
    ObjectNode o = JSON.objectNode();
    o.put("insurerNumber", "06130001");
    o.put("insuranceType", "02");
    o.put("insuredSymbol", "霞" + (100 + i % 7));
    o.put("insuredNumber", String.valueOf(10_000 + i));
    o.put("insuredCategory", "1");
    o.put("qualificationDate", "2019-04-01");
    return o;
  }
}
