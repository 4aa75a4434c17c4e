package dev.filament.application.voice.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.voice.port.in.LeaveVoiceUseCase.LeaveVoiceCommand;
import dev.filament.domain.error.ForbiddenException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.guild.audit.AuditAction;
import dev.filament.domain.guild.audit.AuditDetails;
import dev.filament.domain.guild.ipban.IpBan;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.net.Cidr;
import dev.filament.domain.voice.StreamSource;
import dev.filament.domain.voice.VoiceGrantRequest;
import dev.filament.domain.voice.VoiceParticipant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaveVoiceServiceTest {
    private final VoiceFixture v = new VoiceFixture();

    private void leave(UserId user, ChannelId channel) {
        v.useCases.leave().leave(new LeaveVoiceCommand(user, VoiceFixture.IP, v.guild.id(), channel));
    }

    @Test
    void leaveRemovesTheCallerWithUnpublishThenLeaveEvents_andLeavingAgainChangesNothing() {
        UserId mod = v.member(SystemRoleKey.MODERATOR);
        UserId other = v.member();
        v.issue(mod, VoiceGrantRequest.of(true, false, List.of(StreamSource.MICROPHONE, StreamSource.CAMERA)));
        v.issue(other, VoiceGrantRequest.DEFAULT);
        v.events.clear();

        leave(mod, v.voice.id());

        assertThat(v.eventTypes()).containsExactly("voice_stream_unpublish", "voice_stream_unpublish",
                "voice_participant_leave");
        assertThat(v.registry.participants(v.room())).extracting(VoiceParticipant::user).containsExactly(other);
        v.events.clear();

        leave(mod, v.voice.id());
        leave(v.member(), v.voice.id());

        assertThat(v.events.events()).isEmpty();
        assertThat(v.registry.participants(v.room())).extracting(VoiceParticipant::user).containsExactly(other);
    }

    @Test
    void leavingAnotherChannelOfTheGuildLeavesTheCurrentSeatAlone() {
        UserId member = v.member();
        v.issue(member, VoiceGrantRequest.DEFAULT);
        v.events.clear();

        leave(member, v.f.newChannel(v.guild.id()).id());

        assertThat(v.events.events()).isEmpty();
        assertThat(v.registry.participants(v.room())).hasSize(1);
    }

    @Test
    void theLadderGuardsLeave_nonMember403_unknownChannel404_ipBan403OnTheLeaveSurface() {
        UserId member = v.member();
        v.issue(member, VoiceGrantRequest.DEFAULT);
        v.events.clear();

        assertThatThrownBy(() -> leave(v.f.newUser(), v.voice.id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> leave(member, v.f.ids.newChannelId())).isInstanceOf(NotFoundException.class);
        v.f.store.tx(() -> {
            v.f.store.ipBans().insertAll(List.of(new IpBan(v.f.ids.newIpBanId(), v.guild.id(),
                    Cidr.parse("203.0.113.7/32").orElseThrow(), Optional.empty(), "", v.owner, v.f.clock.instant(),
                    Optional.empty())));
            return null;
        });
        assertThatThrownBy(() -> leave(member, v.voice.id())).isInstanceOf(ForbiddenException.class);

        assertThat(v.f.db.auditRows()).filteredOn(e -> e.action() == AuditAction.MODERATION_IP_BAN_HIT)
                .singleElement().satisfies(e -> assertThat(e.details())
                        .isEqualTo(new AuditDetails.IpBanHit("voice.leave", "peer")));
        assertThat(v.events.events()).isEmpty();
        assertThat(v.registry.participants(v.room())).hasSize(1);
    }
}
