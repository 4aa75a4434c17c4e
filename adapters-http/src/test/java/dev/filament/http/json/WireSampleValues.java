package dev.filament.http.json;

import dev.filament.domain.guild.Channel;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.MessageContent;
import dev.filament.domain.guild.ChannelKind;
import dev.filament.domain.guild.ChannelName;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.guild.role.ColorHex;
import dev.filament.domain.guild.role.Role;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.RoleId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.MarkdownToken;
import dev.filament.domain.voice.StreamSource;
import dev.filament.domain.voice.VoiceGrant;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The fixed values every wire sample is made of, so a sample and the record built to match it agree. */
final class WireSampleValues {
    static final GuildId G = GuildId.of("01J000000000000000000000G1");
    static final ChannelId C = ChannelId.of("01J000000000000000000000C1");
    static final UserId U = UserId.of("01J000000000000000000000S1");
    static final UserId U2 = UserId.of("01J000000000000000000000S2");
    static final UserId ACTOR = UserId.of("01J000000000000000000000A1");
    static final MessageId M = MessageId.of("01J000000000000000000000M1");
    static final RoleId R = RoleId.of("01J000000000000000000000R1");
    static final RoleId R2 = RoleId.of("01J000000000000000000000R2");
    static final String RESUME_KEY = "k1J0_-resumeKeySample0000000000000000000000";
    static final Instant T0 = Instant.ofEpochSecond(1_767_225_600L);
    static final Instant T1 = Instant.ofEpochSecond(1_767_225_660L);
    static final VoiceRoom ROOM = VoiceRoom.of(G, C);

    private WireSampleValues() {
    }

    static Channel channel() {
        return new Channel(C, G, ChannelName.of("general"), ChannelKind.TEXT, T0);
    }

    static Role role() {
        return Role.rebuild(R, G, "Mods", 3, PermissionSet.of(Permission.CREATE_MESSAGE, Permission.MANAGE_ROLES),
                false, Optional.empty(), Optional.of(ColorHex.of("#AABBCC")));
    }

    /** Edited, so {@code edited_at_unix} is a number; tokens of every field kind, a null language included. */
    static Message message() {
        return Message.rebuild(M, G, C, U, MessageContent.of("# Hi *you*\n\n```\nx\n```"), 1, T0, Optional.of(T1));
    }

    static List<MarkdownToken> tokens() {
        return List.of(new MarkdownToken.HeadingStart(1), new MarkdownToken.Text("Hi "),
                new MarkdownToken.EmphasisStart(), new MarkdownToken.Text("you"), new MarkdownToken.EmphasisEnd(),
                new MarkdownToken.HeadingEnd(), new MarkdownToken.FencedCode(Optional.empty(), "x\n"),
                new MarkdownToken.ListStart(true), new MarkdownToken.LinkStart("https://a.example"),
                new MarkdownToken.Code("c"), new MarkdownToken.LinkEnd(), new MarkdownToken.SoftBreak());
    }

    static VoiceParticipant participant() {
        return VoiceParticipant.join(new VoiceIdentity(U, G, C),
                VoiceGrant.of(true, StreamSource.values()[0]), T0, T1.plusSeconds(3600));
    }
}
