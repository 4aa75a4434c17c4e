package dev.filament.application.identity.service;

import dev.filament.application.identity.port.in.UpdateProfileUseCase;
import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.identity.port.out.UserRepository.ProfileWrite;
import dev.filament.application.markdown.port.out.MarkdownTokenizer;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.application.shared.port.out.GatewayEventPublisher;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.application.wire.EventSerializer;
import dev.filament.application.wire.TokenShape;
import dev.filament.application.wire.UserEvent;
import dev.filament.domain.error.ConflictException;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.error.UnauthenticatedException;
import dev.filament.domain.identity.AboutMarkdown;
import dev.filament.domain.identity.UserProfile;
import dev.filament.domain.identity.Username;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Implements {@link UpdateProfileUseCase}: validation, then one transaction holding the caller's row lock in which the
 * unique index on {@code lower(username)} decides a rename (so two concurrent renames to one name give one 409), then
 * the post-commit {@code profile_update} to {@code observers(caller)}.
 */
public final class UpdateProfileService implements UpdateProfileUseCase {
    private final UserRepository users;
    private final UnitOfWork unitOfWork;
    private final GatewayEventPublisher gateway;
    private final EventSerializer serializer;
    private final MarkdownTokenizer markdown;
    private final Clock clock;

    public UpdateProfileService(UserRepository users, UnitOfWork unitOfWork, GatewayEventPublisher gateway,
                                EventSerializer serializer, MarkdownTokenizer markdown, Clock clock) {
        this.users = users;
        this.unitOfWork = unitOfWork;
        this.gateway = gateway;
        this.serializer = serializer;
        this.markdown = markdown;
        this.clock = clock;
    }

    @Override
    public UserProfile update(UpdateProfileCommand command) {
        Optional<Username> name = command.username().map(raw -> Username.parse(raw)
                .orElseThrow(() -> new InvalidRequestException("username must be 3..32 chars of [A-Za-z0-9_.]")));
        Optional<AboutMarkdown> about = command.aboutMarkdown().map(raw -> {
            if (!AboutMarkdown.isValid(raw)) {
                throw new InvalidRequestException("about_markdown must be at most 2048 bytes without U+0000");
            }
            return new AboutMarkdown(raw);
        });
        Change change = unitOfWork.inTransaction(() -> {
            UserProfile before = users.lockProfile(command.caller().userId())
                    .orElseThrow(() -> new UnauthenticatedException("account no longer exists"));
            UserProfile after = before.withUsername(name.orElse(before.username()))
                    .withAbout(about.orElse(before.about()));
            if (!after.equals(before)
                    && users.updateProfile(after.userId(), after.username(), after.about())
                    == ProfileWrite.USERNAME_TAKEN) {
                throw new ConflictException(ConflictException.CONFLICT, "username taken");
            }
            return new Change(before, after);
        });
        UserEvent.ProfileFields fields = changedFields(change.before(), change.after());
        if (!fields.changesNothing()) {
            long now = clock.instant().truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
            UserProfile after = change.after();
            gateway.publish(GatewayEvent.of(new UserEvent.ProfileUpdate(after.userId().value(), fields, now),
                    GatewayEvent.Scope.observers(after.userId()), serializer));
        }
        return change.after();
    }

    // Exact string comparison, so a case-only rename counts (SPEC 4.5).
    private UserEvent.ProfileFields changedFields(UserProfile before, UserProfile after) {
        Optional<String> username = before.username().value().equals(after.username().value())
                ? Optional.empty() : Optional.of(after.username().value());
        if (before.about().equals(after.about())) {
            return new UserEvent.ProfileFields(username, Optional.empty(), Optional.empty());
        }
        String text = after.about().value();
        return new UserEvent.ProfileFields(username, Optional.of(text),
                Optional.of(TokenShape.list(markdown.tokenize(text))));
    }

    private record Change(UserProfile before, UserProfile after) {
    }
}
