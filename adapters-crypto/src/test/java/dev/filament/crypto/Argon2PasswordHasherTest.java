package dev.filament.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.identity.Password;
import dev.filament.domain.identity.PasswordHash;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2PasswordHasherTest {
    private static final Argon2PasswordHasher HASHER = new Argon2PasswordHasher();
    private static final Password PASSWORD = new Password("correct horse battery");

    @Test
    void hashIsAPhcStringWithTheSpecifiedParametersSaltAndLength() {
        String phc = HASHER.hash(PASSWORD).value();
        assertThat(phc).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        String[] parts = phc.split("\\$");
        assertThat(parts).hasSize(6);
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
        assertThat(parts[4]).doesNotContain("=");
    }

    @Test
    void verifiesTheRightPasswordOnlyAndSaltsEveryHash() {
        PasswordHash first = HASHER.hash(PASSWORD);
        assertThat(HASHER.verify(PASSWORD, first)).isTrue();
        assertThat(HASHER.verify(new Password("correct horse batterY"), first)).isFalse();
        assertThat(HASHER.hash(PASSWORD)).isNotEqualTo(first);
    }

    @Test
    void hashesNonAsciiPasswordsAsUtf8() {
        Password unicode = new Password("pässwörd-😀-密码-long");
        PasswordHash hash = HASHER.hash(unicode);
        assertThat(HASHER.verify(unicode, hash)).isTrue();
        assertThat(HASHER.verify(new Password("passwörd-😀-密码-long"), hash)).isFalse();
    }

    @Test
    void verifiesPhcStringsWrittenByAnotherImplementationWithOtherParameters() {
        // From the argon2-cffi README (libargon2 underneath): m=65536, t=3, p=4, verified there against this password.
        PasswordHash foreign = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$MIIRqgvgQbgj220jfp0MPA"
                + "$YfwJSVjtjSU0zzV/P3S9nnQ/USre2wvJMjfCIjrTQbg");
        assertThat(HASHER.verify(new Password("correct horse battery staple"), foreign)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "$argon2id$garbage", "$argon2id$v=19$m=19456,t=2,p=1$",
            "$2a$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ012"})
    void malformedStoredHashNeverMatches(String stored) {
        assertThat(HASHER.verify(PASSWORD, new PasswordHash(stored))).isFalse();
    }

    @Test
    void dummyHashUsesProductionParametersAndMatchesNothingGuessable() {
        PasswordHash dummy = HASHER.dummyHash();
        assertThat(dummy.value()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(HASHER.dummyHash()).isSameAs(dummy);
        assertThat(HASHER.verify(PASSWORD, dummy)).isFalse();
    }
}
