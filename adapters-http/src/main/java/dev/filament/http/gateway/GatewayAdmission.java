package dev.filament.http.gateway;

import dev.filament.application.identity.port.in.AuthenticatedUser;
import dev.filament.domain.identity.AccessClaims;
import dev.filament.domain.net.ClientIp;

/** What the upgrade request established: the authenticated user, the token's verified claims and the client IP. */
record GatewayAdmission(AuthenticatedUser user, AccessClaims claims, ClientIp clientIp) {
    /** The servlet request attribute that carries the admission from the upgrade handler to the socket. */
    static final String ATTRIBUTE = "filament.gateway.admission";
}
