// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.rfbridge.demo.auth.VncAuthenticator;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.rfb.security.SecurityTypes;

/**
 * The server's part of the RFB handshake (RFC 6143 §7.1 and §7.3): ProtocolVersion, security, ClientInit
 * and ServerInit. Runs once per session, on its reader thread, before any other message.
 */
final class ServerHandshake {

    /** Sent to a client that failed VNC Authentication (RFB 3.8 only carries a reason). */
    static final String AUTHENTICATION_FAILED = "authentication failed: wrong password";

    private final RfbVersion announced;
    private final VncAuthenticator authenticator;
    private final byte[] name;
    private final LoginThrottle throttle;
    private final InetAddress client;

    /**
     * @param authenticator checks the password, or null for security type None
     * @param throttle      the server's record of failed logins, consulted and updated for {@code client}
     */
    ServerHandshake(RfbVersion announced, VncAuthenticator authenticator, String name, LoginThrottle throttle,
            InetAddress client) {
        this.announced = announced;
        this.authenticator = authenticator;
        this.name = name.getBytes(StandardCharsets.UTF_8);
        this.throttle = throttle;
        this.client = client;
    }

    /** What the handshake settled. */
    record Result(RfbVersion version, boolean shared) {
    }

    /**
     * Runs the handshake to its end, flushing {@code out} whenever the client must answer.
     *
     * @param sizeAtInit called once, after ClientInit, for the framebuffer size ServerInit announces; the
     *                   session starts tracking changes from exactly that moment
     * @throws ClientProtocolException       if the client sent something the protocol does not allow
     * @throws AuthenticationFailedException if the client's password was wrong (already told to the client)
     */
    Result run(DataInputStream in, DataOutputStream out, Supplier<Rect> sizeAtInit)
            throws IOException, ClientProtocolException, AuthenticationFailedException {
        out.write(announced.banner());                          // ProtocolVersion
        out.flush();
        byte[] answer = new byte[RfbVersion.BANNER_LENGTH];
        in.readFully(answer);
        RfbVersion version = RfbVersion.fromClientBanner(answer);
        if (version.compareTo(announced) > 0) {
            throw new ClientProtocolException("client answered RFB " + version.label() + " to an offer of "
                    + announced.label());
        }
        int securityType = authenticator == null ? SecurityTypes.NONE : SecurityTypes.VNC_AUTH;
        long blocked = authenticator == null ? 0 : throttle.secondsBlocked(client);
        if (blocked > 0) {
            refuse(version, "too many failed logins from this address; try again in " + blocked + " s", out);
        }
        negotiateSecurity(version, securityType, in, out);
        if (securityType == SecurityTypes.VNC_AUTH) {
            authenticate(version, in, out);
        } else if (version == RfbVersion.V3_8) {
            out.writeInt(SecurityResult.OK);              // SecurityResult (3.8 sends it for None too)
        }
        out.flush();
        boolean shared = in.readUnsignedByte() != 0;            // ClientInit: shared-flag
        writeServerInit(out, sizeAtInit.get());
        out.flush();
        return new Result(version, shared);
    }

    private void negotiateSecurity(RfbVersion version, int securityType, DataInputStream in, DataOutputStream out)
            throws IOException, ClientProtocolException {
        if (version == RfbVersion.V3_3) {
            out.writeInt(securityType);                         // security-type (U32), chosen by the server
            return;
        }
        out.writeByte(1);                                       // number-of-security-types
        out.writeByte(securityType);                            // security-types
        out.flush();
        int chosen = in.readUnsignedByte();
        if (chosen != securityType) {
            String reason = "security type " + chosen + " was not offered";
            if (version == RfbVersion.V3_8) {
                out.writeInt(SecurityResult.FAILED);
                writeString(out, reason);
                out.flush();
            }
            throw new ClientProtocolException(reason);
        }
    }

    private void authenticate(RfbVersion version, DataInputStream in, DataOutputStream out)
            throws IOException, AuthenticationFailedException {
        byte[] challenge = authenticator.newChallenge();
        out.write(challenge);                                   // challenge
        out.flush();
        byte[] response = new byte[VncAuthenticator.CHALLENGE_LENGTH];
        in.readFully(response);                                 // response
        if (!authenticator.verify(challenge, response)) {
            throttle.failed(client);
            out.writeInt(SecurityResult.FAILED);          // SecurityResult
            if (version == RfbVersion.V3_8) {
                writeString(out, AUTHENTICATION_FAILED);        // reason-length, reason-string
            }
            out.flush();
            throw new AuthenticationFailedException("wrong VNC password");
        }
        throttle.succeeded(client);
        out.writeInt(SecurityResult.OK);                  // SecurityResult
    }

    /** Refuses the connection before security, with {@code reason} (RFC 6143 §7.1.2's failure path). */
    private static void refuse(RfbVersion version, String reason, DataOutputStream out)
            throws IOException, AuthenticationFailedException {
        if (version == RfbVersion.V3_3) {
            out.writeInt(0);                                    // security-type 0: refused
        } else {
            out.writeByte(0);                                   // number-of-security-types 0: refused
        }
        writeString(out, reason);                               // reason-length, reason-string
        out.flush();
        throw new AuthenticationFailedException(reason);
    }

    /** ServerInit (RFC 6143 §7.3.2). */
    private void writeServerInit(DataOutputStream out, Rect size) throws IOException {
        out.writeShort(size.width());                           // framebuffer-width
        out.writeShort(size.height());                          // framebuffer-height
        ServedPixelFormats.write(ServedPixelFormats.SERVER_NATIVE, out); // server-pixel-format
        out.writeInt(name.length);                              // name-length
        out.write(name);                                        // name-string
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
