package jp.linkage.hub.core.permission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.linkage.hub.core.api.AgencyType;
import jp.linkage.hub.core.api.PermissionRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PermissionTableLoaderTest {

  private static final String ROW_A =
      row("B2-27-1", "MUNICIPALITY", "MUNICIPALITY", "\"citation\": \"番号法第19条第8号、主務省令第2条の表第27項\",");
  private static final String ROW_B =
      row(
          "B2-27-2",
          "MUNICIPALITY",
          "HEALTH_INSURANCE_SOCIETY",
          "\"citation\": \"番号法第19条第8号、主務省令第2条の表第27項\",");

  private static String row(String rowId, String querier, String provider, String citationLine) {
    return """
            {"rowId": "%s", "querierType": "%s", "procedureCode": "nhi-eligibility",
             "procedureNameJa": "国民健康保険の資格取得に関する事務", "procedureNameEn": "NHI eligibility",
             "providerType": "%s", "itemCode": "medical-insurance-eligibility",
             "neededFields": ["insurerNumber", "qualificationDate"], %s
             "validFrom": "2026-04-01"}"""
        .formatted(rowId, querier, provider, citationLine);
  }

  private static PermissionTableVersion parse(String... rows) {
    String json =
        """
            {"version": "2026-04", "validFrom": "2026-04-01", "rows": [%s]}"""
            .formatted(String.join(",", rows));
    return PermissionTableLoader.parse(
        "permission-table/2026-04.json",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String rejection(String... rows) {
    return assertThrows(PermissionTableFormatException.class, () -> parse(rows)).getMessage();
  }

  @Test
  void wellFormedFileParses() {
    PermissionTableVersion v = parse(ROW_A, ROW_B);
    assertEquals(2, v.rows().size());
    assertEquals(AgencyType.HEALTH_INSURANCE_SOCIETY, v.rows().get(1).providerType());
    assertEquals(List.of("insurerNumber", "qualificationDate"), v.rows().get(0).neededFields());
  }

  @Test
  void neededFieldsMustBeANonEmptyListOfDistinctFieldCodes() {
    String needed = "\"neededFields\": [\"insurerNumber\", \"qualificationDate\"]";
    assertEquals(
        "permission-table/2026-04.json row B2-27-1: neededFields must be a non-empty array of field codes",
        rejection(ROW_A.replace(needed + ",", "")));
    assertEquals(
        "permission-table/2026-04.json row B2-27-1: neededFields must be a non-empty array of field codes",
        rejection(ROW_A.replace(needed, "\"neededFields\": []")));
    assertEquals(
        "permission-table/2026-04.json row B2-27-1: neededFields entry insurer-number is not a lower camel case field code",
        rejection(ROW_A.replace(needed, "\"neededFields\": [\"insurer-number\"]")));
    assertEquals(
        "permission-table/2026-04.json row B2-27-1: neededFields entry 7 is not a lower camel case field code",
        rejection(ROW_A.replace(needed, "\"neededFields\": [7]")));
    assertEquals(
        "permission-table/2026-04.json row B2-27-1: neededFields lists insurerNumber twice",
        rejection(
            ROW_A.replace(needed, "\"neededFields\": [\"insurerNumber\", \"insurerNumber\"]")));
  }

  @Test
  void aTableFolderOnDiskLoadsLikeTheShippedOne(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("index.json"), "{\"versions\": [\"2026-04.json\"]}");
    Files.writeString(
        dir.resolve("2026-04.json"),
        """
            {"version": "2026-04", "validFrom": "2026-04-01", "rows": [%s]}"""
            .formatted(ROW_A));
    PermissionTable table = PermissionTableLoader.fromDirectory(dir);
    assertEquals(
        List.of("B2-27-1"),
        table.versions().get(0).rows().stream().map(PermissionRow::rowId).toList());
  }

  @Test
  void unknownAgencyTypeIsRejectedNamingFileAndRow() {
    assertEquals(
        "permission-table/2026-04.json row B2-27-9: unknown agency type 'HOSPITAL' in providerType",
        rejection(ROW_A, row("B2-27-9", "MUNICIPALITY", "HOSPITAL", "\"citation\": \"x\",")));
  }

  @Test
  void duplicateRowIdIsRejected() {
    assertEquals(
        "permission-table/2026-04.json row B2-27-1: duplicate rowId",
        rejection(ROW_A, ROW_B.replace("B2-27-2", "B2-27-1")));
  }

  @Test
  void missingCitationIsRejected() {
    assertEquals(
        "permission-table/2026-04.json row B2-27-3: missing citation",
        rejection(ROW_A, row("B2-27-3", "MUNICIPALITY", "NHI_ASSOCIATION", "")));
  }

  @Test
  void blankCitationIsRejected() {
    assertEquals(
        "permission-table/2026-04.json row B2-27-3: missing citation",
        rejection(row("B2-27-3", "MUNICIPALITY", "NHI_ASSOCIATION", "\"citation\": \"  \",")));
  }

  @Test
  void sameTupleTwiceIsRejected() {
    assertEquals(
        "permission-table/2026-04.json row B2-27-5: same querier, procedure, provider and item as row B2-27-1",
        rejection(ROW_A, ROW_A.replace("B2-27-1", "B2-27-5")));
  }

  @Test
  void misspelledFieldIsRejected() {
    assertEquals(
        "permission-table/2026-04.json row B2-27-1: unknown field 'citaton'",
        rejection(ROW_A.replace("\"citation\"", "\"citaton\"")));
  }

  @Test
  void badDateIsRejected() {
    assertEquals(
        "permission-table/2026-04.json row B2-27-1: validFrom '2026-04-31' is not a date yyyy-MM-dd",
        rejection(ROW_A.replace("\"validFrom\": \"2026-04-01\"", "\"validFrom\": \"2026-04-31\"")));
  }

  @Test
  void invalidFileListedInIndexFailsTheWholeLoad() {
    PermissionTableFormatException e =
        assertThrows(
            PermissionTableFormatException.class,
            () -> PermissionTableLoader.fromClasspath("permission-table-invalid"));
    assertEquals(
        "permission-table-invalid/2099-01.json row B2-1-1: unknown agency type 'HOSPITAL' in querierType",
        e.getMessage());
  }

  @Test
  void missingIndexIsReported() {
    PermissionTableFormatException e =
        assertThrows(
            PermissionTableFormatException.class,
            () -> PermissionTableLoader.fromClasspath("no-such-table"));
    assertEquals("no-such-table/index.json: not found on the class path", e.getMessage());
  }
}
