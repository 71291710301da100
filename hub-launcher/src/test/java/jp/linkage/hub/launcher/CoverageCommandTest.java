package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hub coverage}: the shipped table is covered; a draft table with case 4's gap exits 1
 * naming it.
 */
class CoverageCommandTest {
  private final HubCli hub = new HubCli();

  @Test
  void theShippedTableIsCovered() {
    assertEquals(0, hub.run("coverage"));
    assertEquals(
        "covered: 111 rows in 2 table versions checked against the layouts and provider supply\n",
        hub.out());
  }

  @Test
  void aDraftTableWithCase4sGapExitsOneWithTheFinding(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("index.json"), "{\"versions\": [\"2017-07.json\"]}");
    Files.writeString(
        dir.resolve("2017-07.json"),
        """
        {"version": "2017-07", "validFrom": "2017-07-18", "rows": [
          {"rowId": "B2-30-1", "querierType": "NHI_ASSOCIATION", "procedureCode": "nhi-association-benefit",
           "procedureNameJa": "国民健康保険法による保険給付の支給又は保険料の徴収に関する事務（国民健康保険組合）",
           "procedureNameEn": "NHI benefits (NHI association)", "providerType": "MUNICIPALITY",
           "itemCode": "local-tax-info", "neededFields": ["taxYear", "taxableIncome"],
           "citation": "番号法第19条第7号、別表第二第30項", "validFrom": "2017-07-18"},
          {"rowId": "B2-99-1", "querierType": "NHI_ASSOCIATION", "procedureCode": "nhi-association-benefit",
           "procedureNameJa": "x", "procedureNameEn": "x", "providerType": "MUNICIPALITY",
           "itemCode": "income-tax-info", "neededFields": ["taxYear"], "citation": "x", "validFrom": "2017-07-18"}]}
        """);
    assertEquals(1, hub.run("coverage", "--table", dir.toString()));
    assertEquals(
        """
        2017-07\tB2-30-1\tlocal-tax-info\t2017-07\ttaxableIncome\tFIELD_NOT_DEFINED\tNHI_ASSOCIATION needs taxableIncome \
        for nhi-association-benefit from 2017-07-18, but edition 2017-07 (in force 2017-07-18 to 2018-06-30) does not define it
        2017-07\tB2-99-1\tincome-tax-info\t-\t-\tUNKNOWN_ITEM\tno data standard layout defines item income-tax-info
        2 findings: 2 rows in 1 table versions checked against the layouts and provider supply
        """,
        hub.out());
  }

  @Test
  void anUnreadableTableIsAUsageError(@TempDir Path dir) {
    assertEquals(2, hub.run("coverage", "--table", dir.resolve("missing").toString()));
    assertTrue(hub.err().contains("index.json: unreadable"), hub.err());
  }
}
