package jp.linkage.hub.iface;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The one message envelope of the interface system (インターフェイスシステム), in CloudEvents 1.0 structured
 * JSON mode. Every record on every hub topic is one envelope.
 *
 * @param specversion always {@code "1.0"}
 * @param id unique per message; for a query it is also the linkage id (情報連携 ID)
 * @param source the sending party, {@code /agencies/<agency code>} or {@code /hub}
 * @param type the message type, one of {@link MessageType}
 * @param time when the sender created the message
 * @param correlationid the linkage (or symbol request) this message belongs to
 * @param schemaversion version of the payload schema of {@code type}
 * @param datacontenttype always {@code application/json}
 * @param data the payload, one of the records in {@code jp.linkage.hub.iface.message}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(
    String specversion,
    String id,
    String source,
    String type,
    Instant time,
    String correlationid,
    String schemaversion,
    String datacontenttype,
    JsonNode data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String CONTENT_TYPE = "application/json";
  public static final String HUB_SOURCE = "/hub";
  private static final String AGENCY_PREFIX = "/agencies/";

  /** The {@code source} attribute of a message sent by an agency. */
  public static String agencySource(String agencyCode) {
    return AGENCY_PREFIX + agencyCode;
  }

  /** The agency code in {@code source}, or {@code null} when the sender is not an agency. */
  public String senderAgency() {
    return source != null && source.startsWith(AGENCY_PREFIX)
        ? source.substring(AGENCY_PREFIX.length())
        : null;
  }
}
