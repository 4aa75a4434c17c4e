package dev.filament.http.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.gateway.CloseReason;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Fragments are joined and their UTF-8 bytes counted against the limit before the message is held whole. */
class InboundAssemblerTest {

    @Test
    void fragmentsUpToTheLimit_joinIntoOneMessage_andTheNextMessageStartsAfresh() {
        InboundAssembler assembler = new InboundAssembler(10);

        assertThat(assembler.text("héllo", false)).isNull(); // 6 bytes
        assertThat(assembler.text("1234", true)).isEqualTo("héllo1234");
        assertThat(assembler.text("0123456789", true)).isEqualTo("0123456789");
    }

    @Test
    void theByteThatPassesTheLimit_isRefusedAsEventTooLarge_evenInsideAnUnfinishedMessage() {
        InboundAssembler assembler = new InboundAssembler(10);
        assembler.text("12345", false);
        assembler.text("é€", false); // 2 + 3 bytes: exactly 10

        assertThatThrownBy(() -> assembler.text("x", false)).isInstanceOf(ProtocolViolation.class);
        assertThat(assembler.text("fresh", true)).isEqualTo("fresh");
    }

    @Test
    void multiByteCharactersCountAsTheirUtf8Bytes() {
        InboundAssembler assembler = new InboundAssembler(4);

        assertThat(assembler.text("€", false)).isNull();                   // 3 bytes
        assertThatThrownBy(() -> assembler.text("é", true))               // 5 > 4
                .isInstanceOfSatisfying(ProtocolViolation.class,
                        v -> assertThat(v.reason()).isEqualTo(CloseReason.EVENT_TOO_LARGE));
        assertThat(InboundAssembler.utf8Length("a\uD83D\uDE00")).isEqualTo(5); // surrogate pair = 4 bytes
    }

    @Test
    void binaryFragmentsAreCountedByTheirLength() {
        InboundAssembler assembler = new InboundAssembler(4);

        assertThat(assembler.binary(ByteBuffer.wrap(new byte[] {1, 2}), false)).isNull();
        assertThat(assembler.binary(ByteBuffer.wrap(new byte[] {3, 4}), true)).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> assembler.binary(ByteBuffer.wrap(new byte[5]), true))
                .isInstanceOf(ProtocolViolation.class);
    }
}
