package dev.filament.bootstrap.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment passes the server every variable it reads (INCIDENT 3: a debug flag the deployment did not pass
 * through), with the trusted proxy defaulting to Caddy's pinned address (INCIDENT 2).
 */
class ComposeEnvironmentTest {
    private static final Pattern VARIABLE = Pattern.compile("\"(FILAMENT_[A-Z0-9_]+)\"");

    @Test
    void everyVariableTheServerReadsIsPassedToTheContainerAndListedInEnvExample() throws IOException {
        Set<String> read = variablesReadByTheServer();
        String serverEnvironment = serverEnvironmentBlock();
        String envExample = Files.readString(CaddyProcess.infraFile(".env.example"));

        assertThat(read).contains("FILAMENT_TRUSTED_PROXY_CIDRS", "FILAMENT_DEBUG_REQUEST_TIMINGS", "FILAMENT_LOG_LEVEL");
        for (String variable : read) {
            assertThat(serverEnvironment).as("compose environment of filament-server").containsPattern(
                    "(?m)^ {6}" + variable + ": \\S");
            // SPEC 15: the FILAMENT_S3_* lines are present but commented out (the local store stays selected)
            String line = variable.startsWith("FILAMENT_S3_") ? "(?m)^# " + variable + "=" : "(?m)^" + variable + "=";
            assertThat(envExample).as(".env.example").containsPattern(line);
        }
    }

    @Test
    void theServerTrustsForwardingHeadersFromCaddysPinnedAddressOnly() throws IOException {
        String compose = Files.readString(CaddyProcess.infraFile("docker-compose.yml"));

        assertThat(serverEnvironmentBlock())
                .contains("FILAMENT_TRUSTED_PROXY_CIDRS: ${FILAMENT_TRUSTED_PROXY_CIDRS:-172.28.0.10/32}");
        assertThat(compose).contains("subnet: 172.28.0.0/24", "ipv4_address: 172.28.0.10");
    }

    @Test
    void theServerPublishesNoPortAndRunsLockedDown() throws IOException {
        String server = serverServiceBlock();

        assertThat(server).doesNotContainPattern("(?m)^ {4}(ports|network_mode):").contains("read_only: true", "- ALL", "no-new-privileges:true",
                "- /tmp:", "condition: service_healthy");
    }

    /** Variable names in the server's configuration code (bootstrap main sources, config package). */
    private static Set<String> variablesReadByTheServer() throws IOException {
        Path config = Path.of("src/main/java/dev/filament/bootstrap/config");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(config)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = VARIABLE.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        assertThat(names).as("variables found in " + config.toAbsolutePath()).hasSizeGreaterThan(20);
        return names;
    }

    private static String serverServiceBlock() throws IOException {
        String compose = Files.readString(CaddyProcess.infraFile("docker-compose.yml"));
        Matcher m = Pattern.compile("(?ms)^  filament-server-1: &filament-server\n(.*?)(?=^  \\S)").matcher(compose);
        assertThat(m.find()).as("filament-server service").isTrue();
        return m.group(1);
    }

    private static String serverEnvironmentBlock() throws IOException {
        String service = serverServiceBlock();
        return service.substring(service.indexOf("    environment: &filament-server-env\n"));
    }
}
