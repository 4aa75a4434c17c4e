package dev.filament.domain.guild;

/** Helper: turns user text into a literal SQL {@code LIKE} fragment, escaping {@code %}, {@code _} and {@code \}. */
public final class LikePattern {
    /** The escape character the patterns use ({@code LIKE ... ESCAPE '\'}, PostgreSQL's default). */
    public static final char ESCAPE = '\\';

    private LikePattern() {
    }

    public static String escape(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '%' || c == '_' || c == ESCAPE) {
                out.append(ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Pattern for "contains {@code literal}". */
    public static String contains(String literal) {
        return "%" + escape(literal) + "%";
    }
}
