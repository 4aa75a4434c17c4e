package dev.filament.http.message;

import dev.filament.application.shared.Page;
import dev.filament.domain.message.MessageView;
import dev.filament.application.wire.MessageResponse;
import java.util.List;

/** The response bodies of SPEC 8.1 beyond the shared {@link MessageResponse}. */
public final class MessageBodies {
    private MessageBodies() {
    }

    /** The {@code MessageResponse} of a use case's result (SPEC 8.2). */
    public static MessageResponse response(MessageView view) {
        return MessageResponse.of(view);
    }

    /** {@code {messages: [MessageResponse], next_before}}: newest first. */
    record Messages(List<MessageResponse> messages, String nextBefore) {
        static Messages of(Page<MessageView> page) {
            return new Messages(page.items().stream().map(MessageBodies::response).toList(),
                    page.nextCursor().orElse(null));
        }
    }
}
