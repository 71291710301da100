package jp.linkage.hub.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {
  @Test
  void replacesDatabaseAndKeepsParameters() {
    assertEquals(
        "jdbc:postgresql://db:5432/core?ssl=true&x=1",
        JdbcUrls.withDatabase("jdbc:postgresql://db:5432/postgres?ssl=true&x=1", "core"));
  }

  @Test
  void addsDatabaseWhenUrlHasNone() {
    assertEquals(
        "jdbc:postgresql://db/audit", JdbcUrls.withDatabase("jdbc:postgresql://db", "audit"));
    assertEquals(
        "jdbc:postgresql://h1:1,h2:2/audit",
        JdbcUrls.withDatabase("jdbc:postgresql://h1:1,h2:2/", "audit"));
  }

  @Test
  void rejectsUnsafeDatabaseNamesAndForeignUrls() {
    assertThrows(
        IllegalArgumentException.class,
        () -> JdbcUrls.withDatabase("jdbc:postgresql://db/x", "a\"; DROP"));
    assertThrows(
        IllegalArgumentException.class,
        () -> JdbcUrls.withDatabase("jdbc:postgresql://db/x", "Core"));
    assertThrows(
        IllegalArgumentException.class, () -> JdbcUrls.withDatabase("jdbc:mysql://db/x", "core"));
  }
}
