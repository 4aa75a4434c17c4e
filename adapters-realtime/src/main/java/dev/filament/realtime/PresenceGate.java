package dev.filament.realtime;

import dev.filament.application.gateway.port.out.PresenceLedger;
import dev.filament.application.gateway.port.out.PresenceStatus;
import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.UserId;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes this node's {@code presence_update} events through the {@link PresenceLedger} (SPEC 17.6): with scale-out
 * on, a local transition is published only when it is one of the whole cluster. The event was serialized once by its
 * publisher (9.7 item 1); its user and status are read back from that fixed {@code presence_update} shape.
 */
final class PresenceGate {
    private static final Pattern USER = Pattern.compile("\"user_id\"\\s*:\\s*\"([0-9A-Z]{26})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(online|offline)\"");

    private volatile PresenceLedger ledger = PresenceLedger.LOCAL;

    void use(PresenceLedger target) {
        this.ledger = target;
    }

    PresenceLedger ledger() {
        return ledger;
    }

    /** Hands {@code event} to {@code publish} now, or once the ledger confirms it. */
    void publish(GatewayEvent event, Consumer<GatewayEvent> publish) {
        PresenceLedger current = ledger;
        if (current == PresenceLedger.LOCAL || !PresenceStatus.EVENT_TYPE.equals(event.type())
                || !(event.scope() instanceof GatewayEvent.Scope.Guild guild)) {
            publish.accept(event);
            return;
        }
        Matcher user = USER.matcher(event.payloadJson());
        Matcher status = STATUS.matcher(event.payloadJson());
        if (!user.find() || !status.find()) {
            publish.accept(event);
            return;
        }
        GuildId g = guild.guild();
        current.transition(g, UserId.of(user.group(1)),
                "online".equals(status.group(1)) ? PresenceStatus.ONLINE : PresenceStatus.OFFLINE,
                () -> publish.accept(event));
    }
}
