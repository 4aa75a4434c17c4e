package dev.filament.postgres.search;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.val;

import dev.filament.domain.search.SearchLexeme;
import dev.filament.domain.search.SearchQuery;
import org.jooq.Field;

/**
 * Builds the {@code tsquery} of a {@link SearchQuery} without ever putting user text into SQL: each lexeme is a bound
 * parameter holding a quoted tsquery operand ({@code 'lexeme'} or {@code 'lexeme':*}), parsed by
 * {@code to_tsquery('simple', ?)}, and the operands are joined with {@code &&} (AND).
 */
final class TsQueries {
    private TsQueries() {
    }

    /** The query as a SQL expression; {@code query} must not be empty. */
    static Field<Object> of(SearchQuery query) {
        if (query.isEmpty()) {
            throw new IllegalArgumentException("query must have at least one lexeme");
        }
        Field<Object> all = null;
        for (SearchLexeme lexeme : query.lexemes()) {
            Field<Object> one = field("to_tsquery('simple', {0})", Object.class, val(operand(lexeme)));
            all = all == null ? one : field("({0} && {1})", Object.class, all, one);
        }
        return all;
    }

    /**
     * A quoted tsquery operand. Lexemes hold letters, digits and marks only, so the escaping below never fires
     * today; it keeps the operand a single quoted token should that rule ever loosen.
     */
    static String operand(SearchLexeme lexeme) {
        String quoted = "'" + lexeme.text().replace("\\", "\\\\").replace("'", "''") + "'";
        return lexeme.prefix() ? quoted + ":*" : quoted;
    }
}
