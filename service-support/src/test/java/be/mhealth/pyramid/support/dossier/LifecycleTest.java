package be.mhealth.pyramid.support.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.support.problem.StateConflictException;

class LifecycleTest {

    enum State {
        OPEN, DONE, GONE
    }

    enum Action {
        CREATE, FINISH, DROP
    }

    static final Lifecycle<State, Action> TABLE = Lifecycle.of(State.class, Action.class, Action.CREATE, State.OPEN)
            .allow(State.OPEN, Action.FINISH, State.DONE)
            .allow(State.OPEN, Action.DROP, State.GONE)
            .allow(State.DONE, Action.DROP, State.GONE)
            .build();

    @Test
    void theTableSaysWhereEachActionLeads() {
        assertThat(TABLE.creation()).isEqualTo(Action.CREATE);
        assertThat(TABLE.initial()).isEqualTo(State.OPEN);
        assertThat(TABLE.require(State.OPEN, Action.FINISH)).isEqualTo(State.DONE);
        assertThat(TABLE.next(State.DONE, Action.FINISH)).isEmpty();
        assertThat(TABLE.actionsFrom(State.OPEN)).containsExactly(Action.FINISH, Action.DROP);
        assertThat(TABLE.actionsFrom(State.GONE)).isEmpty();
    }

    @Test
    void anythingElseIsAConflictNamingTheCurrentState() {
        assertThatThrownBy(() -> TABLE.require(State.GONE, Action.FINISH))
                .isInstanceOfSatisfying(StateConflictException.class, e -> {
                    assertThat(e.slug()).isEqualTo("illegal-transition");
                    assertThat(e.currentState()).isEqualTo("GONE");
                });
        assertThatThrownBy(() -> TABLE.require(State.OPEN, Action.CREATE)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void aTableCannotDeclareAMoveTwiceOrMoveByTheCreation() {
        assertThatThrownBy(() -> Lifecycle.of(State.class, Action.class, Action.CREATE, State.OPEN)
                .allow(State.OPEN, Action.FINISH, State.DONE).allow(State.OPEN, Action.FINISH, State.GONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lifecycle.of(State.class, Action.class, Action.CREATE, State.OPEN)
                .allow(State.DONE, Action.CREATE, State.OPEN)).isInstanceOf(IllegalArgumentException.class);
    }
}
