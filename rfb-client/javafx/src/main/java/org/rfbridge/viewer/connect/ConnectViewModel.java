// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.connect;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rfbridge.rfb.client.Target;

/**
 * The connection form's state: the target being typed, the recent targets, and why the last attempt to
 * connect was refused. Used on the JavaFX application thread only; it does no network I/O.
 */
public final class ConnectViewModel {
    private final RecentConnections recent;
    private final StringProperty target = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ObservableList<String> recentTargets = FXCollections.observableArrayList();
    private final BooleanBinding connectDisabled = Bindings.createBooleanBinding(
            () -> target.get() == null || target.get().isBlank(), target);

    public ConnectViewModel(RecentConnections recent) {
        this.recent = recent;
        recentTargets.setAll(recent.load());
        if (!recentTargets.isEmpty()) {
            target.set(recentTargets.get(0));
        }
        target.addListener((obs, old, now) -> error.set(""));
    }

    /** What the user typed: {@code host:port}, {@code host:display}, {@code ws://...} or {@code wss://...}. */
    public StringProperty targetProperty() {
        return target;
    }

    /** Why the target cannot be used, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<String> recentTargets() {
        return recentTargets;
    }

    public BooleanBinding connectDisabledProperty() {
        return connectDisabled;
    }

    /**
     * Checks the target; when it is valid, remembers it as the most recent and returns it. Otherwise sets
     * {@link #errorProperty()} and returns empty.
     */
    public Optional<Target> connect() {
        String text = target.get() == null ? "" : target.get().strip();
        try {
            Target parsed = Target.parse(text);
            recentTargets.setAll(recent.remember(text));
            target.set(text);
            error.set("");
            return Optional.of(parsed);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
    }
}
