package dev.filament.bootstrap.archfixture.realtime;

import java.util.List;

/**
 * Fixture: an adapter that uses the libraries of other technology adapters (violates every library rule): Argon2,
 * JWT, CommonMark, Micrometer, Tika, the AWS SDK, Apache HttpClient and Lettuce belong to crypto, crypto/livekit,
 * markdown, micrometer/http, tika, s3 and redis.
 */
public final class FixtureTechnology {
    public List<Class<?>> libraries() {
        return List.of(com.password4j.Password.class, com.auth0.jwt.JWT.class, org.commonmark.parser.Parser.class,
                io.micrometer.core.instrument.MeterRegistry.class, org.apache.tika.mime.MimeTypes.class,
                software.amazon.awssdk.services.s3.S3Client.class, org.apache.hc.client5.http.classic.HttpClient.class,
                io.lettuce.core.RedisClient.class);
    }
}
