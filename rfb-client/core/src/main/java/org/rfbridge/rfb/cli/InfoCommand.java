// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.cli;

import java.io.PrintWriter;
import java.util.stream.Collectors;
import org.rfbridge.rfb.client.ClientOptions;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.client.RfbClientListener;
import org.rfbridge.rfb.protocol.SessionInfo;
import org.rfbridge.rfb.security.SecurityTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rfb-client info TARGET}: what the handshake says about a server. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the server's protocol version, security types, desktop size, name and pixel format.")
final class InfoCommand extends CommandSupport {
    @Mixin
    SessionOptions session;

    @Override
    int run(PrintWriter out) throws Exception {
        session.configureLogging();
        ClientOptions options = session.clientOptions().keepServerPixelFormat(true).build();
        SessionInfo info;
        try (RfbClient client = RfbClient.connect(session.target, options, new RfbClientListener() { })) {
            info = client.awaitConnected(session.timeout());
        }
        out.printf("target:           %s%n", session.parsedTarget());
        out.printf("protocol version: %s (server announced %s)%n", info.version(), info.serverVersion());
        out.printf("security types:   %s%n", info.offeredSecurityTypes().stream()
                .map(SecurityTypes::describe).collect(Collectors.joining(", ")));
        out.printf("security used:    %s%n", SecurityTypes.describe(info.securityType()));
        out.printf("desktop size:     %dx%d%n", info.width(), info.height());
        out.printf("desktop name:     %s%n", info.name());
        out.printf("pixel format:     %s%n", info.serverPixelFormat());
        out.flush();
        return 0;
    }
}
