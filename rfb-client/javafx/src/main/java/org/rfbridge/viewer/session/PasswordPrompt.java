// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbAuthenticationException;
import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.security.PasswordProvider;
import org.rfbridge.viewer.connect.PasswordStore;

/**
 * Where one session's password comes from: the store first (once), then the user. It is the session's
 * {@link PasswordProvider}, so {@link #password()} runs on the session thread and waits for the dialog without
 * holding the FX thread; the answer to remember is kept until the login succeeds.
 */
final class PasswordPrompt implements PasswordProvider {
    private static final long POLL_MS = 200;

    private final String key;
    private final PasswordStore store;
    private final DialogService dialogs;
    private final Executor ui;
    private final BooleanSupplier stillWanted;
    private volatile boolean usedStored;
    private volatile boolean declined;
    private volatile char[] toRemember;

    /**
     * @param stillWanted whether the session still wants an answer (false once the user left it); read on the
     *     session thread while it waits, and on the FX thread before the dialog opens
     */
    PasswordPrompt(String key, PasswordStore store, DialogService dialogs, Executor ui, BooleanSupplier stillWanted) {
        this.key = key;
        this.store = store;
        this.dialogs = dialogs;
        this.ui = ui;
        this.stillWanted = stillWanted;
    }

    @Override
    public char[] password() throws RfbException {
        if (!usedStored) {
            Optional<char[]> stored = store.find(key);
            if (stored.isPresent()) {
                usedStored = true;
                return stored.get();
            }
        }
        CompletableFuture<Optional<DialogService.PasswordAnswer>> answer = new CompletableFuture<>();
        ui.execute(() -> {
            try {
                answer.complete(stillWanted.getAsBoolean()
                        ? dialogs.askPassword(key, PasswordStore.isSupported()) : Optional.empty());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        Optional<DialogService.PasswordAnswer> result;
        while (true) {
            try {
                result = answer.get(POLL_MS, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                if (!stillWanted.getAsBoolean()) {
                    throw new RfbAuthenticationException(ErrorCode.PASSWORD_REQUIRED, "the password prompt was cancelled");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RfbAuthenticationException(ErrorCode.PASSWORD_REQUIRED,
                        "interrupted while asking for the password");
            } catch (ExecutionException e) {
                throw new RfbAuthenticationException(ErrorCode.PASSWORD_REQUIRED,
                        "cannot ask for the password: " + e.getCause(), e.getCause());
            }
        }
        if (result.isEmpty()) {
            declined = true;
            return null;
        }
        if (result.get().remember()) {
            toRemember = result.get().password().clone();
        }
        return result.get().password();
    }

    /** Whether the stored password was tried (so a failed login should forget it). */
    boolean usedStored() {
        return usedStored;
    }

    /** Whether the user closed the dialog without a password. */
    boolean declined() {
        return declined;
    }

    /** The password the user asked to remember, once; null if none. The caller wipes it. */
    char[] takeToRemember() {
        char[] password = toRemember;
        toRemember = null;
        return password;
    }

    /** Wipes a password still held to remember (the session ended before it could be stored). */
    void wipe() {
        char[] password = takeToRemember();
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
