package dev.filament.application.identity.service;

import static dev.filament.application.identity.service.IdentityFixture.IP;
import static dev.filament.application.identity.service.IdentityFixture.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.identity.fakes.CountingPasswordHasher;
import dev.filament.application.identity.port.in.RegisterUserUseCase.RegisterUserCommand;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.identity.Password;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.Username;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegisterUserServiceTest {
    private final IdentityFixture f = new IdentityFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void givenNewName_register_storesUserWithHashedPasswordAndLogsCreated() {
        f.register.register(new RegisterUserCommand("Alice", PASSWORD, IP));

        User alice = f.users.findByUsernameCanonical(new Username("alice")).orElseThrow();
        assertThat(alice.username().value()).isEqualTo("Alice");
        assertThat(alice.passwordHash()).isEqualTo(CountingPasswordHasher.digest(new Password(PASSWORD)));
        assertThat(alice.createdAt()).isEqualTo(f.clock.instant());
        assertThat(f.hasher.hashes()).isEqualTo(1);
        assertThat(f.events.events()).containsExactly("auth.register created");
    }

    @Test
    void givenNameTakenInAnotherCase_register_returnsNormallyAfterHashingAndChangesNothing() {
        User original = f.registered("Alice");

        f.register.register(new RegisterUserCommand("ALICE", "another password!", IP));

        assertThat(f.hasher.hashes()).as("hashed also when the name exists").isEqualTo(2);
        assertThat(f.hashedInsideTransaction).as("no transaction held while hashing").isFalse();
        assertThat(f.users.count()).isEqualTo(1);
        assertThat(f.user(original)).isEqualTo(original);
        assertThat(f.events.events()).containsExactly("auth.register created", "auth.register exists");
    }

    @Test
    void register_doesNotLogIn() {
        f.registered("bob");
        assertThat(f.sessions.count()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"ab, correct horse battery", "bad name, correct horse battery", "bob, short", "'', ''"})
    void givenInvalidInput_register_failsWithoutHashingOrWriting(String name, String password) {
        assertThatThrownBy(() -> f.register.register(new RegisterUserCommand(name, password, IP)))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(f.hasher.hashes()).isZero();
        assertThat(f.users.count()).isZero();
        assertThat(f.unitOfWork.transactions()).isZero();
        assertThat(f.events.events()).containsExactly("auth.register invalid");
    }

    @Test
    void commandToStringHidesThePassword() {
        assertThat(new RegisterUserCommand("bob", PASSWORD, IP).toString()).doesNotContain("horse");
    }
}
