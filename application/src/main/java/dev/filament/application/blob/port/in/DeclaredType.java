package dev.filament.application.blob.port.in;

import dev.filament.domain.error.InvalidRequestException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Step 1 of SPEC 8.7: the upload's declared {@code Content-Type}. {@code essence} is the lower-cased
 * {@code type/subtype} without parameters, empty when undeclared (header absent or {@code application/octet-stream}).
 */
public record DeclaredType(Optional<String> essence) {
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern ESSENCE = Pattern.compile("^" + TOKEN + "/" + TOKEN + "$");
    private static final Set<String> REFUSED = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
            "text/xml", "application/xml", "text/javascript", "application/javascript", "application/x-javascript",
            "application/ecmascript", "text/ecmascript");
    public static final DeclaredType UNDECLARED = new DeclaredType(Optional.empty());

    /**
     * Parses the header value: absent, empty or {@code application/octet-stream} → undeclared; not
     * {@code type/subtype[; parameters]} → 400; a refused type (HTML, XHTML, SVG, XML, JavaScript, ECMAScript) → 415,
     * before any body byte is read.
     */
    public static DeclaredType parse(String header) {
        if (header == null || header.isBlank()) {
            return UNDECLARED;
        }
        int semi = header.indexOf(';');
        String essence = (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        if (!ESSENCE.matcher(essence).matches()) {
            throw new InvalidRequestException("malformed Content-Type");
        }
        if (REFUSED.contains(essence)) {
            throw UploadRejectedException.unsupportedType();
        }
        return essence.equals("application/octet-stream") ? UNDECLARED : new DeclaredType(Optional.of(essence));
    }
}
