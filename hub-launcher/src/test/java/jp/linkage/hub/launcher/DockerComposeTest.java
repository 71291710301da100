package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.linkage.hub.infra.InfraSetting;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The docker/ files, the docs and the code must name the same configuration: every HUB_* variable
 * they use is one the code reads, and docs/running.md (the configuration reference the README
 * points to) documents every one the code reads.
 */
class DockerComposeTest {
  private static final Pattern VARIABLE = Pattern.compile("\\bHUB_[A-Z_]+\\b");
  private static final Set<String> KNOWN =
      Arrays.stream(InfraSetting.values())
          .map(InfraSetting::variable)
          .collect(Collectors.toCollection(TreeSet::new));

  @Test
  void composeSetsOnlyVariablesTheCodeReads() throws Exception {
    Set<String> used = variablesIn(Path.of("../docker/compose.yaml"));
    assertTrue(
        used.contains("HUB_KAFKA_BOOTSTRAP_SERVERS") && used.contains("HUB_JDBC_URL"),
        used.toString());
    assertTrue(KNOWN.containsAll(used), "unknown variables: " + minus(used, KNOWN));
  }

  @Test
  void everyServiceCommandIsOneTheHubAccepts() throws Exception {
    JsonNode services =
        new YAMLMapper().readTree(Path.of("../docker/compose.yaml").toFile()).path("services");
    List<String> hubServices = new ArrayList<>();
    services
        .fields()
        .forEachRemaining(
            service -> {
              JsonNode command = service.getValue().path("command");
              if (service.getKey().startsWith("hub-") && command.isArray()) {
                List<String> args = new ArrayList<>();
                command.forEach(a -> args.add(a.asText()));
                // parsing runs picocli's checks of names, arity and types; the command's own checks
                // run at start
                new CommandLine(new HubCommand()).parseArgs(args.toArray(String[]::new));
                hubServices.add(service.getKey() + " " + args.get(0));
              }
            });
    assertEquals(List.of("hub-core core", "hub-server server", "hub-monitor monitor"), hubServices);
  }

  @Test
  void theDocsDocumentEveryVariableTheCodeReads() throws Exception {
    Set<String> documented = variablesIn(Path.of("../docs/running.md"));
    assertEquals(Set.of(), minus(KNOWN, documented), "variables missing from docs/running.md");
    assertTrue(
        KNOWN.containsAll(documented),
        "docs/running.md names unknown variables: " + minus(documented, KNOWN));
    Set<String> inReadme = variablesIn(Path.of("../README.md"));
    assertTrue(
        KNOWN.containsAll(inReadme), "README names unknown variables: " + minus(inReadme, KNOWN));
  }

  private static Set<String> variablesIn(Path file) throws Exception {
    Set<String> found = new TreeSet<>();
    Matcher m = VARIABLE.matcher(Files.readString(file));
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }
}
