package jp.linkage.hub.infra;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites PostgreSQL JDBC URLs; one server hosts one database per hub component. */
public final class JdbcUrls {
  private static final Pattern URL =
      Pattern.compile("^(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?$");
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private JdbcUrls() {}

  /**
   * Same server and parameters, other database: {@code jdbc:postgresql://h:5432/x?ssl=true} →
   * {@code .../database?ssl=true}.
   */
  public static String withDatabase(String jdbcUrl, String database) {
    requireValidDatabaseName(database);
    Matcher m = URL.matcher(jdbcUrl);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a jdbc:postgresql://host[:port][/db][?params] URL: " + jdbcUrl);
    }
    return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
  }

  /** Lower-case identifiers only, so they never need quoting rules and cannot inject SQL. */
  public static String requireValidDatabaseName(String database) {
    if (database == null || !DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException(
          "database name must match " + DATABASE_NAME + ": " + database);
    }
    return database;
  }
}
