package dev.filament.application.voice.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.voice.port.in.UpdateVoiceStateUseCase.UpdateVoiceStateCommand;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.voice.VoiceGrantRequest;
import dev.filament.domain.voice.VoiceParticipant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdateVoiceStateServiceTest {
    private static final Optional<Boolean> ABSENT = Optional.empty();
    private static final Optional<Boolean> TRUE = Optional.of(true);

    private final VoiceFixture v = new VoiceFixture();

    private void update(UserId user, ChannelId channel, Optional<Boolean> muted, Optional<Boolean> deafened) {
        v.useCases.updateState().update(new UpdateVoiceStateCommand(user, VoiceFixture.IP, v.guild.id(), channel,
                muted, deafened));
    }

    private VoiceParticipant seat() {
        return v.registry.participants(v.room()).getFirst();
    }

    @Test
    void aChangedFlagIsStoredAndPublishedAlone_anUnchangedOneIsNeither() {
        UserId member = v.member();
        v.issue(member, VoiceGrantRequest.DEFAULT);
        v.events.clear();

        update(member, v.voice.id(), TRUE, Optional.of(false));

        assertThat(v.events.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("voice_participant_update");
            assertThat(e.payloadJson()).contains("\"updated_fields\":{\"is_muted\":true}")
                    .doesNotContain("is_deafened");
        });
        assertThat(seat().muted()).isTrue();
        assertThat(seat().deafened()).isFalse();
        v.events.clear();

        update(member, v.voice.id(), TRUE, ABSENT);

        assertThat(v.events.events()).isEmpty();
    }

    @Test
    void bothFlagsChangingArePublishedInOneEvent() {
        UserId member = v.member();
        v.issue(member, VoiceGrantRequest.DEFAULT);
        v.events.clear();

        update(member, v.voice.id(), TRUE, TRUE);

        assertThat(v.events.events()).extracting(GatewayEvent::payloadJson).singleElement()
                .satisfies(json -> assertThat(json)
                        .contains("\"updated_fields\":{\"is_muted\":true,\"is_deafened\":true}"));
    }

    @Test
    void anUnregisteredCallerChangesNothingAndIsNotAnError() {
        UserId member = v.member();

        update(member, v.voice.id(), TRUE, ABSENT);

        assertThat(v.events.events()).isEmpty();
        assertThat(v.registry.rooms()).isEmpty();
    }

    @Test
    void noFlagIs400_butOnlyAfterTheLadder() {
        UserId member = v.member();
        v.issue(member, VoiceGrantRequest.DEFAULT);
        v.events.clear();

        assertThatThrownBy(() -> update(member, v.voice.id(), ABSENT, ABSENT))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> update(v.f.newUser(), v.voice.id(), ABSENT, ABSENT))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> update(member, v.f.ids.newChannelId(), ABSENT, ABSENT))
                .isInstanceOf(NotFoundException.class);
        assertThat(v.events.events()).isEmpty();
        assertThat(seat().muted()).isFalse();
    }

    @Test
    void anIpBanHitIs403OnTheStateSurface() {
        UserId member = v.member();
        v.issue(member, VoiceGrantRequest.DEFAULT);
        v.events.clear();
        v.f.store.tx(() -> {
            v.f.store.ipBans().insertAll(List.of(new IpBan(v.f.ids.newIpBanId(), v.guild.id(),
                    Cidr.parse("203.0.113.0/24").orElseThrow(), Optional.empty(), "", v.owner, v.f.clock.instant(),
                    Optional.empty())));
            return null;
        });

        assertThatThrownBy(() -> update(member, v.voice.id(), TRUE, ABSENT)).isInstanceOf(ForbiddenException.class);

        assertThat(v.f.db.auditRows()).filteredOn(e -> e.action() == AuditAction.MODERATION_IP_BAN_HIT)
                .singleElement().satisfies(e -> assertThat(e.details())
                        .isEqualTo(new AuditDetails.IpBanHit("voice.state.update", "peer")));
        assertThat(seat().muted()).isFalse();
        assertThat(v.events.events()).isEmpty();
    }
}
