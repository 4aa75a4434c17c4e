package dev.filament.http;

import dev.filament.domain.net.ClientIp;
import io.javalin.http.Context;

/** Typed access to what the edge handlers attach to a request. */
public final class RequestAttributes {
    static final String REQUEST_ID = "filament.requestId";
    static final String CLIENT_IP = "filament.clientIp";
    static final String USER_ID = "filament.userId";
    static final String VERIFIED_BEARER = "filament.verifiedBearer";
    static final String STARTED_NANOS = "filament.startedNanos";

    private RequestAttributes() {
    }

    public static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "unknown" : id;
    }

    public static void setRequestId(Context ctx, String id) {
        ctx.attribute(REQUEST_ID, id);
    }

    public static ClientIp clientIp(Context ctx) {
        ClientIp ip = ctx.attribute(CLIENT_IP);
        if (ip == null) {
            throw new IllegalStateException("client IP not resolved: edge handlers not installed");
        }
        return ip;
    }

    public static void setClientIp(Context ctx, ClientIp ip) {
        ctx.attribute(CLIENT_IP, ip);
    }

    /** The authenticated user id for the access log, when the request authenticated. */
    public static void setUserId(Context ctx, String userId) {
        ctx.attribute(USER_ID, userId);
    }

    public static String userIdOrNull(Context ctx) {
        return ctx.attribute(USER_ID);
    }

    /** Claims a before-handler already verified from the bearer token (reused by authentication). */
    public static void setVerifiedBearer(Context ctx, Object claims) {
        ctx.attribute(VERIFIED_BEARER, claims);
    }

    public static <T> T verifiedBearerOrNull(Context ctx) {
        return ctx.attribute(VERIFIED_BEARER);
    }

    public static void markStarted(Context ctx, long nanos) {
        ctx.attribute(STARTED_NANOS, nanos);
    }

    public static long startedNanos(Context ctx) {
        Long n = ctx.attribute(STARTED_NANOS);
        return n == null ? System.nanoTime() : n;
    }
}
