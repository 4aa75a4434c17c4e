package dev.filament.domain.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.policy.Decision;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VoiceGrantPolicyTest {

    /**
     * Columns: can_publish, can_subscribe (empty = absent), publish_sources ("default" = absent, "none" = []),
     * channel permissions, then the expected effective sources, subscribe, voice_publish limiter, 400.
     */
    @ParameterizedTest(name = "[{index}] publish={0} subscribe={1} sources={2} perms={3} -> {4} sub={5}")
    @CsvSource(delimiter = '|', nullValues = "absent", textBlock = """
            absent | absent | default                       | create_message                          | microphone                       | false | false | false
            absent | absent | default                       | subscribe_streams                       | none                             | false | false | true
            absent | true   | default                       | create_message subscribe_streams        | microphone                       | true  | false | false
            false  | true   | default                       | create_message subscribe_streams        | none                             | true  | false | false
            false  | false  | default                       | create_message subscribe_streams        | none                             | false | false | true
            false  | true   | camera                        | create_message publish_video            | none                             | false | false | true
            true   | false  | camera                        | create_message publish_video            | camera                           | false | true  | false
            true   | false  | camera                        | create_message                          | none                             | false | false | true
            true   | true   | screen_share camera microphone | create_message publish_video publish_screen_share subscribe_streams | microphone camera screen_share | true | true | false
            true   | false  | screen_share microphone       | create_message publish_screen_share     | microphone screen_share          | false | true  | false
            true   | false  | screen_share screen_share     | create_message publish_screen_share     | screen_share                     | false | true  | false
            true   | false  | camera screen_share           | create_message                          | none                             | false | false | true
            true   | true   | none                          | create_message subscribe_streams        | none                             | true  | false | false
            true   | false  | none                          | create_message                          | none                             | false | false | true
            true   | true   | microphone                    | publish_video                           | none                             | false | false | true
            true   | false  | microphone camera             | publish_video                           | camera                           | false | true  | false
            """)
    void effectiveGrant_followsSpecSteps6To9(String canPublish, String canSubscribe, String requested,
            String permissions, String expectedSources, boolean expectedSubscribe, boolean expectedLimiter,
            boolean expectedRejection) {
        VoiceGrantRequest request = VoiceGrantRequest.of(bool(canPublish), bool(canSubscribe), sources(requested));

        VoiceGrant grant = VoiceGrantPolicy.effectiveGrant(request, permissions(permissions));

        assertThat(grant.sources()).containsExactlyElementsOf(sources(expectedSources));
        assertThat(grant.canSubscribe()).isEqualTo(expectedSubscribe);
        assertThat(grant.canPublish()).isEqualTo(!grant.sources().isEmpty());
        assertThat(VoiceGrantPolicy.needsPublishLimiter(grant)).isEqualTo(expectedLimiter);
        assertThat(VoiceGrantPolicy.grantsSomething(grant).isAllowed()).isEqualTo(!expectedRejection);
    }

    @Test
    void emptyGrant_isDeniedWithInvalidRequest() {
        Decision d = VoiceGrantPolicy.grantsSomething(VoiceGrant.of(false));

        assertThatThrownBy(d::orThrow).isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo("invalid_request");
    }

    @Test
    void defaultRequest_isPublishMicrophoneWithoutSubscribe() {
        assertThat(VoiceGrantRequest.DEFAULT.canPublish()).isTrue();
        assertThat(VoiceGrantRequest.DEFAULT.canSubscribe()).isFalse();
        assertThat(VoiceGrantRequest.DEFAULT.publishSources()).containsExactly(StreamSource.MICROPHONE);
    }

    @Test
    void grant_sortsAndDeduplicatesSources_andNamesThemOnTheWire() {
        VoiceGrant grant = VoiceGrant.of(true, StreamSource.SCREEN_SHARE, StreamSource.MICROPHONE,
                StreamSource.SCREEN_SHARE);

        assertThat(grant.sources()).containsExactly(StreamSource.MICROPHONE, StreamSource.SCREEN_SHARE);
        assertThat(grant.sourceWireNames()).containsExactly("microphone", "screen_share");
    }

    @Test
    void streamSources_haveTheirWireNamesAndPermissions() {
        assertThat(Arrays.stream(StreamSource.values()).map(StreamSource::wire))
                .containsExactly("microphone", "camera", "screen_share");
        assertThat(StreamSource.fromWire("camera")).contains(StreamSource.CAMERA);
        assertThat(StreamSource.fromWire("Camera")).isEmpty();
        assertThat(StreamSource.SCREEN_SHARE.allowedBy()).isEqualTo(Permission.PUBLISH_SCREEN_SHARE);
    }

    private static Boolean bool(String value) {
        return value == null ? null : Boolean.valueOf(value);
    }

    private static List<StreamSource> sources(String names) {
        if (names.equals("default")) {
            return null;
        }
        if (names.equals("none")) {
            return List.of();
        }
        return Arrays.stream(names.trim().split("\\s+"))
                .map(n -> StreamSource.fromWire(n).orElseThrow()).toList();
    }

    private static PermissionSet permissions(String names) {
        return PermissionSet.fromWire(List.of(names.trim().split("\\s+")));
    }
}
