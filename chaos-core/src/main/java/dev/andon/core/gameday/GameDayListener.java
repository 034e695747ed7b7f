package dev.andon.core.gameday;

import java.util.List;

/** Receives every event of a game day, in order, on one thread at a time: the journal, the terminal. */
@FunctionalInterface
public interface GameDayListener {

    void on(GameDayEvent event);

    static GameDayListener all(List<GameDayListener> listeners) {
        List<GameDayListener> copy = List.copyOf(listeners);
        return e -> copy.forEach(l -> l.on(e));
    }
}
