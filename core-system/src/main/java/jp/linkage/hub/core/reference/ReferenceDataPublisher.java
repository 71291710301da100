package jp.linkage.hub.core.reference;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import jp.linkage.hub.core.agency.Agency;
import jp.linkage.hub.core.agency.AgencyDirectory;
import jp.linkage.hub.core.api.PublishPermissionTableVersionCommand;
import jp.linkage.hub.core.api.RegisterAgencyCommand;
import jp.linkage.hub.core.permission.PermissionTable;
import jp.linkage.hub.core.permission.PermissionTableVersion;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Puts the reference data that authorisation depends on (permission table editions, agency types)
 * into the event log at start, before the core accepts any query. Idempotent: what is already
 * logged unchanged is not logged again.
 */
public final class ReferenceDataPublisher {
  private ReferenceDataPublisher() {}

  /**
   * @throws PublishedTableChangedException if a logged edition's rows or file changed
   */
  public static void publish(
      CommandGateway commands, PermissionTable table, AgencyDirectory agencies, Clock clock) {
    for (PermissionTableVersion v : table.versions()) {
      commands.sendAndWait(
          new PublishPermissionTableVersionCommand(
              PermissionTablePublication.idOf(v.version()),
              v.version(),
              v.validFrom(),
              v.rows(),
              sourceSha256(v.version()),
              clock.instant()));
    }
    for (Agency a : agencies.all()) {
      commands.sendAndWait(
          new RegisterAgencyCommand(
              AgencyRegistration.idOf(a.code()),
              a.code(),
              a.type(),
              a.nameJa(),
              a.nameEn(),
              clock.instant()));
    }
  }

  /**
   * SHA-256 (hex) of {@code permission-table/<version>.json} on the class path, or null if absent.
   */
  public static String sourceSha256(String version) {
    String name = PermissionTable.DEFAULT_DIRECTORY + "/" + version + ".json";
    try (InputStream in = ReferenceDataPublisher.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        return null;
      }
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    } catch (IOException e) {
      throw new IllegalStateException(name + " unreadable: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
