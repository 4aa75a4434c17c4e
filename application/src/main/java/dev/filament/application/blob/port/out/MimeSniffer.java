package dev.filament.application.blob.port.out;

import java.util.Optional;

/**
 * Out-port: sniffs the stored type of an upload from its first bytes by the SPEC 8.7 table, first match wins. Empty
 * when no row matches (HTML, SVG, XML, executables, unknown binaries, bad UTF-8 or control bytes).
 */
public interface MimeSniffer {

    /**
     * @param head     the first bytes of the body: {@code head[0..length)}, at most 8192
     * @param complete true when these are the whole body; false when the 8192-byte window cut it (then a UTF-8
     *                 sequence cut by the window end is allowed for {@code text/plain})
     */
    Optional<SniffedType> sniff(byte[] head, int length, boolean complete);
}
