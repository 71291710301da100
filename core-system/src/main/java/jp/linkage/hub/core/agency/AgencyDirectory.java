package jp.linkage.hub.core.agency;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.linkage.hub.iface.TopicLayout;

/** The agency registry of the core: which agencies exist and of which type each is. */
public final class AgencyDirectory {
  private final Map<String, Agency> agencies = new LinkedHashMap<>();

  public AgencyDirectory(Collection<Agency> agencies) {
    for (Agency agency : agencies) {
      if (!TopicLayout.isValidAgencyCode(agency.code())) {
        throw new IllegalArgumentException("invalid agency code " + agency.code());
      }
      if (this.agencies.putIfAbsent(agency.code(), agency) != null) {
        throw new IllegalArgumentException("duplicate agency code " + agency.code());
      }
    }
  }

  /** Loads {@code agencies.json} from the classpath. */
  public static AgencyDirectory loadFromClasspath() {
    try (InputStream in = AgencyDirectory.class.getResourceAsStream("/agencies.json")) {
      if (in == null) {
        throw new IllegalStateException("agencies.json missing from the classpath");
      }
      List<Agency> list = new ObjectMapper().readValue(in, new TypeReference<List<Agency>>() {});
      return new AgencyDirectory(list);
    } catch (IOException e) {
      throw new IllegalStateException("agencies.json unreadable: " + e.getMessage(), e);
    }
  }

  public Optional<Agency> find(String code) {
    return Optional.ofNullable(agencies.get(code));
  }

  public Collection<Agency> all() {
    return agencies.values();
  }

  public List<String> codes() {
    return List.copyOf(agencies.keySet());
  }
}
