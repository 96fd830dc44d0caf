package be.mhealth.pyramid.support.dossier;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import be.mhealth.pyramid.support.problem.StateConflictException;

/**
 * A level's life-cycle table, {@code (state, action) → state}: the only place that says which transitions exist.
 * Each level declares one ({@code M1Lifecycle.TABLE}); its aggregate asks it for every move and gets a 409
 * {@code illegal-transition} naming the current state for anything the table does not hold. The creation is the
 * table's initial action, leading from no state to the initial state.
 */
public final class Lifecycle<S extends Enum<S>, A extends Enum<A>> {

    private final Class<A> actions;
    private final A creation;
    private final S initial;
    private final Map<S, Map<A, S>> next;

    private Lifecycle(Class<A> actions, A creation, S initial, Map<S, Map<A, S>> next) {
        this.actions = actions;
        this.creation = creation;
        this.initial = initial;
        this.next = next;
    }

    /** Starts a table: {@code creation} opens a dossier in {@code initial}. */
    public static <S extends Enum<S>, A extends Enum<A>> Builder<S, A> of(Class<S> states, Class<A> actions,
            A creation, S initial) {
        return new Builder<>(states, actions, creation, initial);
    }

    /** The action that opens a dossier (recorded with no state before it). */
    public A creation() {
        return creation;
    }

    /** The state a new dossier is in. */
    public S initial() {
        return initial;
    }

    /** The state {@code action} leads to from {@code from}, if the table holds it. */
    public Optional<S> next(S from, A action) {
        return Optional.ofNullable(next.getOrDefault(from, Map.of()).get(action));
    }

    /** The state {@code action} leads to; 409 {@code illegal-transition} naming {@code from} when not allowed. */
    public S require(S from, A action) {
        return next(from, action).orElseThrow(() -> new StateConflictException("illegal-transition",
                action.name() + " is not possible for a dossier in state " + from.name(), from.name()));
    }

    /** The actions possible from {@code from} (none from a final state). */
    public Set<A> actionsFrom(S from) {
        Map<A, S> moves = next.get(from);
        return moves == null ? EnumSet.noneOf(actions) : Collections.unmodifiableSet(EnumSet.copyOf(moves.keySet()));
    }

    public static final class Builder<S extends Enum<S>, A extends Enum<A>> {
        private final Class<S> states;
        private final Class<A> actions;
        private final A creation;
        private final S initial;
        private final Map<S, Map<A, S>> next;

        private Builder(Class<S> states, Class<A> actions, A creation, S initial) {
            this.states = states;
            this.actions = actions;
            this.creation = creation;
            this.initial = initial;
            this.next = new EnumMap<>(states);
        }

        /** {@code action} takes a dossier from {@code from} to {@code to}. */
        public Builder<S, A> allow(S from, A action, S to) {
            if (action == creation) {
                throw new IllegalArgumentException(action + " is the creation; it leads from no state");
            }
            S previous = next.computeIfAbsent(from, s -> new EnumMap<>(actions)).put(action, to);
            if (previous != null) {
                throw new IllegalArgumentException(from + " --" + action + "--> is declared twice");
            }
            return this;
        }

        public Lifecycle<S, A> build() {
            Map<S, Map<A, S>> table = new EnumMap<>(states);
            next.forEach((from, moves) -> table.put(from, Collections.unmodifiableMap(new EnumMap<>(moves))));
            return new Lifecycle<>(actions, creation, initial, Collections.unmodifiableMap(table));
        }
    }
}
