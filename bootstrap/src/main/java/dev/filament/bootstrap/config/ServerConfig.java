package dev.filament.bootstrap.config;

import dev.filament.domain.net.Cidr;
import dev.filament.s3.S3Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The validated server configuration of SPEC 13. Build it with {@link ConfigLoader}. */
public record ServerConfig(
        String bindHost,
        int bindPort,
        Optional<String> databaseUrl,
        Path dataDir,
        Path attachmentRoot,
        Optional<S3Settings> s3,
        Duration requestTimeout,
        Duration dbAcquireTimeout,
        Duration dbStatementTimeout,
        Duration dbLockTimeout,
        long maxBodyBytes,
        int maxConnections,
        int rateLimitPerMinute,
        int authRoutePerMinute,
        List<Cidr> trustedProxies,
        Optional<byte[]> tokenKey,
        Optional<String> serverOwnerUserId,
        int maxCreatedGuildsPerUser,
        int directoryJoinPerMinutePerIp,
        int directoryJoinPerMinutePerUser,
        int auditListLimitMax,
        int guildIpBanMaxEntries,
        int gatewayIngressEventsPerWindow,
        int gatewayIngressWindowSecs,
        List<String> gatewayAllowedOrigins,
        int mediaTokenPerMinute,
        int mediaPublishPerMinute,
        Optional<LiveKitKeys> liveKit,
        String liveKitUrl,
        Optional<Hcaptcha> hcaptcha,
        int searchMaxLagSeconds,
        Optional<String> metricsToken,
        boolean enableDebugRoutes,
        boolean debugRequestTimings,
        LogFormat logFormat,
        String logLevel,
        String nodeId,
        Optional<String> redisUrl) {

    /** LiveKit credentials; both or neither are set. */
    public record LiveKitKeys(String apiKey, String apiSecret) {
        @Override
        public String toString() {
            return "LiveKitKeys[apiKey=" + apiKey + ", apiSecret=<redacted>]";
        }
    }

    /** hCaptcha on register (SPEC 4.4): site key and secret are set together; the verify URL is validated always. */
    public record Hcaptcha(String siteKey, String secret, java.net.URI verifyUrl) {
        @Override
        public String toString() {
            return "Hcaptcha[siteKey=" + siteKey + ", secret=<redacted>, verifyUrl=" + verifyUrl + "]";
        }
    }

    /** Log line format. */
    public enum LogFormat { JSON, TEXT }

    public String bindAddr() {
        return (bindHost.contains(":") ? "[" + bindHost + "]" : bindHost) + ":" + bindPort;
    }

    @Override
    public String toString() {
        return "ServerConfig[bind=" + bindAddr() + ", database=" + (databaseUrl.isPresent() ? "external" : "embedded")
                + ", dataDir=" + dataDir + ", blobStore=" + (s3.isPresent() ? "s3" : "local") + ", node=" + nodeId
                + ", redis=" + (redisUrl.isPresent() ? "on" : "off") + "]";
    }
}
