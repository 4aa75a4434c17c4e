package dev.filament.http.gateway;

import dev.filament.application.gateway.port.out.ResumeRequest;
import dev.filament.application.shared.RequestBudget;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.http.RequestAttributes;
import dev.filament.http.auth.BearerTokens;
import dev.filament.http.edge.EdgeHandlers;
import dev.filament.http.edge.RequestIdHandler;
import dev.filament.http.routes.QueryParams;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * Javalin's before-upgrade handler of {@code /gateway/ws} (SPEC 9.1). Javalin runs no {@code before} handler for
 * upgrade requests, so the edge steps of SPEC 2.1 (request id, client IP, baseline limit, body limit) run here
 * first; then the upgrade shape, the query string ({@code access_token}, and the {@code resume_key} and
 * {@code resume_seq} pair of SPEC 9.11), the Origin allowlist and
 * authentication. An admitted request carries its {@link GatewayAdmission} to the socket; a refused one gets the JSON
 * error and is not upgraded.
 */
public final class GatewayUpgrade implements Handler {
    static final String TOKEN_PARAM = "access_token";
    static final String RESUME_KEY_PARAM = "resume_key";
    static final String RESUME_SEQ_PARAM = "resume_seq";
    /** The servlet request attribute that carries the {@link ResumeRequest} of a resuming upgrade to the socket. */
    static final String RESUME_ATTRIBUTE = "filament.gateway.resume";

    private final EdgeHandlers edge;
    private final GatewaySettings settings;
    private final GatewayAuthenticator authenticator;
    private final RequestBudget requestBudget;
    private final Duration requestTimeout;
    private final UpgradeOutcomes outcomes;

    public GatewayUpgrade(EdgeHandlers edge, GatewaySettings settings, GatewayAuthenticator authenticator,
            RequestBudget requestBudget, Duration requestTimeout, UpgradeOutcomes outcomes) {
        this.edge = edge;
        this.settings = settings;
        this.authenticator = authenticator;
        this.requestBudget = requestBudget;
        this.requestTimeout = requestTimeout;
        this.outcomes = outcomes;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        long started = System.nanoTime();
        int status = 101;
        dropServletSession(ctx);
        try {
            edge.requestId().handle(ctx);
            edge.clientIp().handle(ctx);
            edge.baseline().handle(ctx);
            edge.bodyLimit().handle(ctx);
            GatewayAdmission admission = admit(ctx);
            ctx.req().setAttribute(GatewayAdmission.ATTRIBUTE, admission);
            RequestAttributes.setUserId(ctx, admission.user().userId().value());
        } catch (Exception e) {
            status = outcomes.refuse(ctx, e);
        } finally {
            outcomes.record(ctx, status, started);
            MDC.remove(RequestIdHandler.MDC_KEY);
        }
    }

    private GatewayAdmission admit(Context ctx) {
        if (!"GET".equals(ctx.req().getMethod())) {
            throw new UpgradeOutcomes.MethodNotAllowed();
        }
        if (!isUpgrade(ctx)) {
            throw new InvalidRequestException("websocket upgrade required");
        }
        // 400 for an unknown or repeated parameter, or for resume parameters that are not a valid pair (SPEC 9.11)
        QueryParams query = QueryParams.of(ctx, TOKEN_PARAM, RESUME_KEY_PARAM, RESUME_SEQ_PARAM);
        Optional<ResumeRequest> resume;
        try {
            resume = ResumeRequest.parse(query.string(RESUME_KEY_PARAM).orElse(null),
                    query.string(RESUME_SEQ_PARAM).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        resume.ifPresent(r -> ctx.req().setAttribute(RESUME_ATTRIBUTE, r));
        if (!settings.allowsOrigin(ctx.header("Origin"))) {
            throw ForbiddenException.because("origin refused");
        }
        // the bearer header, else (only when it is absent) the query token: the same token the baseline key verified
        String token = BearerTokens.of(ctx).orElse(null);
        AccessClaims verified = RequestAttributes.verifiedBearerOrNull(ctx);
        try (RequestBudget.Budget ignored = requestBudget.open(requestTimeout)) {
            return authenticator.admit(token, verified, RequestAttributes.clientIp(ctx));
        }
    }

    private static boolean isUpgrade(Context ctx) {
        String upgrade = ctx.header("Upgrade");
        String connection = ctx.header("Connection");
        return upgrade != null && upgrade.trim().equalsIgnoreCase("websocket") && connection != null
                && connection.toLowerCase(Locale.ROOT).contains("upgrade") && ctx.header("Sec-WebSocket-Key") != null;
    }


    // Javalin 7 snapshots the servlet session of every upgrade request, creating one that nothing here uses;
    // invalidating it keeps an upgrade storm from piling up idle server-side sessions, and no cookie goes out.
    private static void dropServletSession(Context ctx) {
        ctx.res().setHeader("Set-Cookie", null);
        HttpSession session = ctx.req().getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // nothing to drop
            }
        }
    }
}
