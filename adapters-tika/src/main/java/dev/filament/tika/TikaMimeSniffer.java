package dev.filament.tika;

import dev.filament.application.blob.port.out.MimeSniffer;
import dev.filament.application.blob.port.out.SniffedType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MimeSniffer} of SPEC 8.7: the {@link SignatureTable} decides, Apache Tika's magic detection cross-checks.
 *
 * <p>Why the table wins: the SPEC pins each row to an exact signature and a closed set of stored types, and Tika's
 * answers differ from it on purpose in several places: it names types the table does not store (e.g.
 * {@code audio/vnd.wave}, {@code audio/x-flac}, {@code application/x-matroska} for a WebM without a DocType, OOXML and
 * EPUB subtypes of a ZIP), it recognises types the table refuses (executables, {@code text/html} after leading text,
 * shell scripts as {@code application/x-sh} where the table stores them as {@code text/plain}), and it decodes text
 * by heuristics rather than the table's strict UTF-8 and control-byte rule. So Tika's answer is mapped to the table's
 * vocabulary (through the compatibility classes, walking Tika's supertypes) and only compared: a disagreement is
 * logged at debug level (type names only, never content) and the table's row is returned.
 */
public final class TikaMimeSniffer implements MimeSniffer {
    private static final Logger LOG = LoggerFactory.getLogger(TikaMimeSniffer.class);

    private final MimeTypes tika = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = tika.getMediaTypeRegistry();

    @Override
    public Optional<SniffedType> sniff(byte[] head, int length, boolean complete) {
        Optional<SniffedType> table = SignatureTable.sniff(head, length, complete);
        Optional<SniffedType> byTika = tikaRow(head, length);
        if (LOG.isDebugEnabled() && !byTika.equals(table)) {
            LOG.atDebug().addKeyValue("event", "upload.sniff.disagreement")
                    .addKeyValue("table", table.map(SniffedType::mime).orElse("none"))
                    .addKeyValue("tika", byTika.map(SniffedType::mime).orElse("none"))
                    .log("tika and the sniffing table disagree; the table wins");
        }
        return table;
    }

    /** Tika's magic answer in table terms, if any row's compatibility class covers it or one of its supertypes. */
    Optional<SniffedType> tikaRow(byte[] head, int length) {
        MediaType type;
        try {
            type = tika.detect(new ByteArrayInputStream(head, 0, length), new Metadata());
        } catch (IOException e) {
            return Optional.empty();
        }
        for (MediaType t = registry.normalize(type); t != null; t = registry.getSupertype(t)) {
            String name = t.getBaseType().toString();
            if (name.equals("application/octet-stream")) {
                break;
            }
            for (SniffedType row : SniffedType.values()) {
                if (row.accepts(name)) {
                    return Optional.of(row);
                }
            }
        }
        return Optional.empty();
    }
}
