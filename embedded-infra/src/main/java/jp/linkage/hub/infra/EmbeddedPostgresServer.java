package jp.linkage.hub.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server process started from the binaries in a Maven artifact (zonky), with
 * durable commits: zonky turns {@code fsync} and {@code synchronous_commit} off, we turn them on.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  /** Superuser created by initdb; authentication is {@code trust} on loopback. */
  public static final String USER = "postgres";

  public static final String PASSWORD = "";

  private final EmbeddedPostgres postgres;
  private final PostgresDatabases databases;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, int poolSize) {
    this.postgres = postgres;
    String adminUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    this.databases = new PostgresDatabases(adminUrl, USER, PASSWORD, poolSize);
  }

  /** Starts on a temp data dir that is deleted on close. */
  public static EmbeddedPostgresServer start() {
    return start(null, HubInfrastructure.DEFAULT_POOL_SIZE);
  }

  /** Starts on {@code dataDir} (initdb only if empty, kept on close), or a temp dir if null. */
  public static EmbeddedPostgresServer start(Path dataDir, int poolSize) {
    long t0 = System.nanoTime();
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "100")
            .setServerConfig("shared_buffers", "32MB");
    if (dataDir != null) {
      builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
    }
    try {
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start(), poolSize);
      LOG.info(
          "Embedded PostgreSQL ready on port {} in {} ms",
          server.port(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      return server;
    } catch (IOException e) {
      throw new InfrastructureException("embedded PostgreSQL did not start", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** URL without credentials; use {@link #user()} and {@link #password()}. */
  public String jdbcUrl(String database) {
    return databases.jdbcUrl(database);
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  public void createDatabaseIfMissing(String name) {
    databases.createDatabaseIfMissing(name);
  }

  /** Small HikariCP pool on {@code database} (created if missing); closed with this server. */
  public DataSource dataSource(String database) {
    return databases.dataSource(database);
  }

  /** Closes the pools, then stops the server ({@code pg_ctl stop -m fast}). Idempotent. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    databases.close();
    try {
      postgres.close();
    } catch (IOException e) {
      throw new InfrastructureException("embedded PostgreSQL did not stop cleanly", e);
    }
  }
}
