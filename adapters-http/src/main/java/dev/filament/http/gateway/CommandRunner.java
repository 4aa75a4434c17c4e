package dev.filament.http.gateway;

import dev.filament.application.gateway.port.in.GatewayCaller;
import dev.filament.application.gateway.port.in.GatewayCommandHandler;
import dev.filament.domain.error.FilamentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one client command on its connection's command worker (SPEC 9.4): within the command deadline, through the
 * application's command handler; a failure becomes an {@code error} event to that connection. Shared by every
 * connection; thread-safe.
 */
public final class CommandRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);

    private final GatewayCommandHandler commands;
    private final CommandDeadline deadline;
    private final ErrorEvents errors;

    public CommandRunner(GatewayCommandHandler commands, CommandDeadline deadline, ErrorEvents errors) {
        this.commands = commands;
        this.deadline = deadline;
        this.errors = errors;
    }

    void run(GatewayCaller caller, ClientCommand command) {
        String code;
        try {
            deadline.run(() -> command.execute(commands, caller));
            return;
        } catch (FilamentException e) {
            code = e.code();
        } catch (RuntimeException e) {
            LOG.atError().addKeyValue("event", "gateway.command.failed")
                    .addKeyValue("connection_id", caller.connection()).addKeyValue("t", command.type())
                    .setCause(e).log("gateway command failed");
            code = "internal_error";
        }
        errors.send(caller.connection(), command, code);
    }
}
