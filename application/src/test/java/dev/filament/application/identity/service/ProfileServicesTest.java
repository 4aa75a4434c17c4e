package dev.filament.application.identity.service;

import static dev.filament.application.identity.service.IdentityFixture.IP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.identity.port.in.AuthenticateRequestUseCase.AuthenticateRequestCommand.WithToken;
import dev.filament.application.identity.port.in.AuthenticatedUser;
import dev.filament.application.identity.port.in.GetMeUseCase.GetMeQuery;
import dev.filament.application.identity.port.in.GetProfileUseCase.GetProfileQuery;
import dev.filament.application.identity.port.in.UpdateProfileUseCase.UpdateProfileCommand;
import dev.filament.application.identity.port.out.UserRepository.UserSummary;
import dev.filament.application.identity.port.in.LookupUsersUseCase.LookupUsersQuery;
import dev.filament.application.markdown.port.out.ParagraphTokenizer;
import dev.filament.application.message.service.RecordingPayloadSerializer;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.fakes.RecordingGatewayEventPublisher;
import dev.filament.application.wire.UserEvent;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.NotFoundException;
import dev.filament.domain.identity.AboutMarkdown;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.UserProfile;
import dev.filament.domain.identity.Username;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProfileServicesTest {
    private final IdentityFixture f = new IdentityFixture();
    private final RecordingGatewayEventPublisher gateway = new RecordingGatewayEventPublisher();
    private final RecordingPayloadSerializer payloads = new RecordingPayloadSerializer();
    private final UpdateProfileService update = new UpdateProfileService(f.users, f.unitOfWork, gateway, payloads,
            new ParagraphTokenizer(), f.clock);
    private final GetProfileService profiles = new GetProfileService(f.users, f.unitOfWork);
    private final GetMeService me = new GetMeService(f.users, f.unitOfWork);

    @AfterEach
    void close() {
        f.close();
    }

    private AuthenticatedUser caller(String name) {
        f.registered(name);
        return f.authenticate.authenticate(new WithToken(f.loggedIn(name).accessToken(), IP));
    }

    private UserProfile patch(AuthenticatedUser caller, String username, String about) {
        return update.update(new UpdateProfileCommand(caller, Optional.ofNullable(username),
                Optional.ofNullable(about)));
    }

    @Test
    void newUserHasEmptyProfileAndMeReadsTheStoredOne() {
        AuthenticatedUser alice = caller("alice");
        assertThat(me.getMe(new GetMeQuery(alice)))
                .isEqualTo(new UserProfile(alice.userId(), new Username("alice"), AboutMarkdown.EMPTY, 0, 0));
        patch(alice, null, "hello");
        assertThat(me.getMe(new GetMeQuery(alice)).about().value()).isEqualTo("hello");
        assertThat(profiles.get(new GetProfileQuery(alice.userId())).about().value()).isEqualTo("hello");
    }

    @Test
    void unknownUserProfileIsNotFound() {
        assertThatThrownBy(() -> profiles.get(new GetProfileQuery(f.ids.newUserId())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void renameStoresTheNewNameAndPublishesOnlyTheChangedFieldsToObservers() {
        AuthenticatedUser alice = caller("alice");
        UserProfile after = patch(alice, "Alicia", "same");
        assertThat(after.username().value()).isEqualTo("Alicia");
        GatewayEvent event = gateway.events().getLast();
        assertThat(event.type()).isEqualTo("profile_update");
        assertThat(event.scope()).isEqualTo(GatewayEvent.Scope.observers(alice.userId()));
        UserEvent.ProfileUpdate typed = (UserEvent.ProfileUpdate) payloads.lastEvent();
        assertThat(typed.updatedFields().username()).contains("Alicia");
        assertThat(typed.updatedFields().aboutMarkdown()).contains("same");
        assertThat(typed.updatedFields().aboutMarkdownTokens()).isPresent();
        assertThat(typed.updatedAtUnix()).isEqualTo(f.clock.instant().getEpochSecond());

        patch(alice, "Alicia", "changed");
        typed = (UserEvent.ProfileUpdate) payloads.lastEvent();
        assertThat(typed.updatedFields().username()).as("unchanged name omitted").isEmpty();
        assertThat(typed.updatedFields().aboutMarkdown()).contains("changed");
    }

    @Test
    void caseOnlyRenameCountsAndNoChangeMeansNoEvent() {
        AuthenticatedUser alice = caller("alice");
        patch(alice, "ALICE", null);
        assertThat(((UserEvent.ProfileUpdate) payloads.lastEvent()).updatedFields().username()).contains("ALICE");
        gateway.clear();
        patch(alice, "ALICE", "");
        assertThat(gateway.events()).isEmpty();
    }

    @Test
    void nameHeldByAnotherUserInAnyCaseIsAConflictAndWritesNothing() {
        caller("bob");
        AuthenticatedUser alice = caller("alice");
        assertThatThrownBy(() -> patch(alice, "BOB", "about"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("conflict"));
        assertThat(me.getMe(new GetMeQuery(alice)).about()).isEqualTo(AboutMarkdown.EMPTY);
        assertThat(gateway.events()).isEmpty();
    }

    @Test
    void badInputIs400() {
        AuthenticatedUser alice = caller("alice");
        assertThatThrownBy(() -> patch(alice, null, null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> patch(alice, "a b", null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> patch(alice, null, "x".repeat(2049))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> patch(alice, null, "a\0")).isInstanceOf(InvalidRequestException.class);
        assertThat(patch(alice, null, "x".repeat(2048)).about().value()).hasSize(2048);
    }

    @Test
    void lookupReportsTheStoredAvatarVersion() {
        User bob = f.registered("bob");
        f.users.setVersions(bob.id(), 7, 3);
        List<UserSummary> found = f.lookup.lookup(new LookupUsersQuery(List.of(bob.id().value())));
        assertThat(found).containsExactly(new UserSummary(bob.id(), bob.username(), 7));
    }
}
