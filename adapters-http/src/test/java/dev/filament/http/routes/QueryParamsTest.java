package dev.filament.http.routes;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.error.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The raw query string must be percent-encoded UTF-8 without U+0000 (SPEC 1.4, 1.5). */
class QueryParamsTest {

    @ParameterizedTest
    @ValueSource(strings = {"q=%ff", "q=%e2%82", "q=%c0%b0", "q=%ed%a0%80", "q=a%00", "q=%zz", "q=%", "q=%4", "q=\u0000"})
    void malformedOrNonUtf8QueriesAre400(String raw) {
        assertThatThrownBy(() -> QueryParams.requireWellFormed(raw)).isInstanceOf(InvalidRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "q=hello", "q=%c3%a9t%C3%A9", "q=%f0%9f%98%80", "q=a+b&limit=10", "q=\u00e9"})
    void wellFormedQueriesPass(String raw) {
        assertThatCode(() -> QueryParams.requireWellFormed(raw)).doesNotThrowAnyException();
    }
}
