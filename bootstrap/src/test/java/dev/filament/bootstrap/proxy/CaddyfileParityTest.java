package dev.filament.bootstrap.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the tested loopback Caddyfile honest: it must carry the shipped Caddyfile's edge rules unchanged, and the
 * shipped file must itself parse (with the Debian Caddy 2.6.2 here, once its one 2.8-only option is taken out).
 */
class CaddyfileParityTest {
    private static final String BEGIN = "# --- shared snippets";
    private static final String END = "# --- end of shared snippets ---";

    @Test
    void theLoopbackCaddyfileCarriesTheShippedSharedSnippetsUnchanged() throws Exception {
        String shipped = sharedPart(Files.readString(CaddyProcess.infraFile("Caddyfile")));
        String loopback = sharedPart(Files.readString(CaddyProcess.infraFile("Caddyfile.loopback")));

        assertThat(shipped).contains("(filament_edge)", "(filament_upstream)", "(client_addr_cdn)", "header_up -CF-Connecting-IP");
        assertThat(loopback)
                .as("copy the shared snippets of infra/Caddyfile into infra/Caddyfile.loopback unchanged")
                .isEqualTo(shipped);
    }

    @Test
    void bothCloudflareSnippetsListTheSameRanges() throws Exception {
        String snippets = Files.readString(CaddyProcess.infraFile("cloudflare-ips.caddy"));
        List<String> trusted = ranges(snippets, "trusted_proxies static");
        List<String> matched = ranges(snippets, "remote_ip");

        assertThat(trusted).hasSize(22).contains("173.245.48.0/20", "2c0f:f248::/32");
        assertThat(matched).isEqualTo(trusted);
    }

    @Test
    void theShippedCaddyfileAdaptsWithTheLocalCaddy(@TempDir Path work) throws Exception {
        assumeTrue(CaddyProcess.installed(), "no `caddy` binary on the PATH: the Caddyfile adapt check is skipped");
        String shipped = Files.readString(CaddyProcess.infraFile("Caddyfile"));
        // Caddy 2.6.2 lacks the servers-level trusted_proxies option (2.7+); everything else must parse as shipped.
        String without28Only = shipped.replaceFirst("(?s)\n\tservers \\{\n.*?\n\t}\n", "\n");
        assertThat(without28Only).doesNotContain("trusted_proxies").contains("auto_https disable_redirects");
        Files.copy(CaddyProcess.infraFile("cloudflare-ips.caddy"), work.resolve("cloudflare-ips.caddy"));

        String json = adapt(work, without28Only);

        assertThat(json).contains("\"chat.example.com\"", "\"direct.example.com\"", "\"disabled\":true",
                "\"173.245.48.0/20\"");
    }

    @Test
    void theLiveKitCaddyfileAdaptsWithTheLocalCaddy(@TempDir Path work) throws Exception {
        assumeTrue(CaddyProcess.installed(), "no `caddy` binary on the PATH: the Caddyfile adapt check is skipped");

        String json = adapt(work, Files.readString(CaddyProcess.infraFile("Caddyfile.livekit")));

        assertThat(json).contains("\"livekit:7880\"", "\":8443\"", "\"disabled\":true");
    }

    private static String adapt(Path work, String caddyfile) throws Exception {
        Files.writeString(work.resolve("Caddyfile"), caddyfile);
        ProcessBuilder adapt = new ProcessBuilder("caddy", "adapt", "--config", "Caddyfile", "--adapter", "caddyfile")
                .directory(work.toFile()).redirectErrorStream(true);
        adapt.environment().put("FILAMENT_CDN_HOSTS", "chat.example.com");
        adapt.environment().put("FILAMENT_DIRECT_HOSTS", "direct.example.com");
        Process process = adapt.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String sharedPart(String caddyfile) {
        int begin = caddyfile.indexOf(BEGIN);
        int end = caddyfile.indexOf(END);
        assertThat(begin).as("shared-snippets markers").isNotNegative().isLessThan(end);
        return caddyfile.substring(begin, end + END.length());
    }

    private static List<String> ranges(String snippets, String directive) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(directive) + " (.+)$").matcher(snippets);
        assertThat(m.find()).as(directive).isTrue();
        return Arrays.asList(m.group(1).trim().split("\\s+"));
    }
}
