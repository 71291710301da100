package jp.linkage.hub.server.batch;

import javax.sql.DataSource;

/**
 * Opens the intermediate server's database for a batch run; called only once the input file's
 * header and rows were read, so a broken file touches no database.
 */
@FunctionalInterface
public interface ServerDatabase {
  /**
   * @throws BatchInputException when no database is configured or it cannot be reached
   */
  DataSource open() throws BatchInputException;
}
