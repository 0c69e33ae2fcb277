package dev.arena.server.room;

import dev.arena.server.state.WireFrame;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The clients of one {@link Room}, players and spectators, and the game
 * MESSAGEs waiting for each: the room's {@link RoomContext.Mailboxes}.
 * While a player is being seated ({@link #startSeating}), what the game sends
 * to it, or to everyone, is held until its seat exists ({@link #seated}), so
 * a game may greet a player from {@code onJoin}. A player whose seat is held
 * after a drop gets no MESSAGE. The room's thread only, but for
 * {@link Room#closeAll}, which a watchdog may call from its own thread.
 */
final class Seats implements RoomContext.Mailboxes, Iterable<Client> {
    /** Copy-on-write: seats change rarely, and a watchdog may close them all from another thread. */
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    /** While a player is being seated: the MESSAGEs sent meanwhile. */
    private List<Mail> seating;
    private int players;
    private int spectators;
    private int nextSpectatorSeat = -1;
    private boolean spectatorsChanged;

    int players() {
        return players;
    }

    int spectators() {
        return spectators;
    }

    boolean isEmpty() {
        return clients.isEmpty();
    }

    /** Whether spectators came or went since the last call. */
    boolean takeSpectatorsChange() {
        boolean changed = spectatorsChanged;
        spectatorsChanged = false;
        return changed;
    }

    /** A seat number for a new spectator: negative, so it is never an entity id. */
    int nextSpectatorSeat() {
        return nextSpectatorSeat--;
    }

    void add(Client client) {
        clients.add(client);
        if (client.spectator) {
            spectators++;
            spectatorsChanged = true;
        } else {
            players++;
        }
    }

    /** Removes and returns the client of {@code seat}, or null. */
    Client remove(int seat) {
        for (int i = 0; i < clients.size(); i++) {
            Client client = clients.get(i);
            if (client.seat == seat) {
                clients.remove(i);
                if (client.spectator) {
                    spectators--;
                    spectatorsChanged = true;
                } else {
                    players--;
                }
                return client;
            }
        }
        return null;
    }

    /** Forgets every client (the room stops). */
    void clear() {
        clients.clear();
        players = 0;
        spectators = 0;
    }

    Client find(int seat) {
        for (Client client : clients) {
            if (client.seat == seat) {
                return client;
            }
        }
        return null;
    }

    @Override
    public Iterator<Client> iterator() {
        return clients.iterator();
    }

    /** A player is about to be seated: hold what the game sends it until {@link #seated}. */
    void startSeating() {
        seating = new ArrayList<>();
    }

    /** The player being seated has its seat (or, with null, will not): it gets the MESSAGEs held for it. */
    void seated(Client client) {
        List<Mail> held = seating;
        seating = null;
        if (client != null) {
            for (Mail m : held) {
                if (m.playerId == Mail.EVERYONE || m.playerId == client.seat) {
                    client.outbox.add(m.frame);
                }
            }
        }
    }

    @Override
    public int deliver(int playerId, WireFrame frame) {
        Client client = find(playerId);
        if (client != null && !client.spectator && !client.closing && client.connected) {
            client.outbox.add(frame);
            return 1;
        }
        if (client == null && seating != null) {
            seating.add(new Mail(playerId, frame));
            return 1;
        }
        return 0;
    }

    @Override
    public int deliverAll(WireFrame frame) {
        int n = 0;
        for (Client client : clients) {
            if (!client.closing && client.connected) {
                client.outbox.add(frame);
                n++;
            }
        }
        if (seating != null) {
            seating.add(new Mail(Mail.EVERYONE, frame));
            n++;
        }
        return n;
    }

    /** A MESSAGE sent while a player was being seated, for that player ({@link #EVERYONE}: a broadcast). */
    private record Mail(int playerId, WireFrame frame) {
        static final int EVERYONE = Integer.MIN_VALUE;
    }
}
