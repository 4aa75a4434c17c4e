package dev.filament.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordTest {

    @Test
    void lengthBoundsCountCodePointsNotUtf16Units() {
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        assertThat(Password.isValid(emoji.repeat(12))).isTrue();
        assertThat(Password.isValid(emoji.repeat(128))).isTrue();
        assertThat(Password.isValid(emoji.repeat(11))).isFalse();
        assertThat(Password.isValid(emoji.repeat(129))).isFalse();
    }

    @Test
    void acceptsTwelveToOneHundredTwentyEightAsciiChars() {
        assertThat(Password.isValid("a".repeat(11))).isFalse();
        assertThat(Password.isValid("a".repeat(12))).isTrue();
        assertThat(Password.isValid("a".repeat(128))).isTrue();
        assertThat(Password.isValid("a".repeat(129))).isFalse();
        assertThat(Password.isValid(null)).isFalse();
    }

    @Test
    void rejectsNulCharacter() {
        assertThat(Password.parse("abcdefghijk\0lm")).isEmpty();
    }

    @Test
    void toStringNeverRevealsThePassword() {
        Password p = new Password("correct horse battery");
        assertThat(p.toString()).doesNotContain("horse");
        assertThat(new PasswordHash("$argon2id$secret").toString()).doesNotContain("secret");
    }
}
