package dev.filament.domain.voice;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.policy.Decision;
import java.util.ArrayList;
import java.util.List;

/**
 * Policy: the effective grant of a voice token from the request and the caller's channel-level permissions
 * (SPEC 11.1 steps 6-9). Pure; the caller runs the steps in SPEC order around its limiters.
 */
public final class VoiceGrantPolicy {

    private VoiceGrantPolicy() {
    }

    /**
     * Step 6 and 8: sources = requested ∩ allowed when {@code can_publish}, else none (canonical order); subscribe =
     * {@code can_subscribe} and {@code subscribe_streams}.
     */
    public static VoiceGrant effectiveGrant(VoiceGrantRequest request, PermissionSet channelPermissions) {
        List<StreamSource> sources = new ArrayList<>();
        if (request.canPublish()) {
            for (StreamSource s : StreamSource.values()) {
                if (request.publishSources().contains(s) && channelPermissions.contains(s.allowedBy())) {
                    sources.add(s);
                }
            }
        }
        boolean subscribe = request.canSubscribe() && channelPermissions.contains(Permission.SUBSCRIBE_STREAMS);
        return new VoiceGrant(sources, subscribe);
    }

    /** Step 7: the {@code voice_publish} limiter applies when the grant includes camera or screen share. */
    public static boolean needsPublishLimiter(VoiceGrant grant) {
        return grant.sources().stream().anyMatch(StreamSource::isVisual);
    }

    /** Step 9: a grant allowing nothing is a 400. */
    public static Decision grantsSomething(VoiceGrant grant) {
        return grant.isEmpty()
                ? Decision.deny(() -> new InvalidRequestException(
                        "voice token would grant neither a publish source nor subscribe"))
                : Decision.allow();
    }
}
