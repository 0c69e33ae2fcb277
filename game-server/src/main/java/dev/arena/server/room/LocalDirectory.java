package dev.arena.server.room;

import io.vertx.core.Future;

import java.util.Collection;
import java.util.List;

/** A lone node's {@link Directory}: every join is placed here, no room is anywhere else. */
public final class LocalDirectory implements Directory {
    public static final LocalDirectory INSTANCE = new LocalDirectory();
    private static final Future<Placement> HERE = Future.succeededFuture(Placement.here());

    private LocalDirectory() {
    }

    @Override
    public String roomIdPrefix() {
        return "";
    }

    @Override
    public Future<Placement> place(PlacementQuery query) {
        return HERE;
    }

    @Override
    public Future<Void> publish(RoomListing room) {
        return Future.succeededFuture();
    }

    @Override
    public void withdraw(String roomId) {
    }

    @Override
    public RoomListing stamp(RoomListing own) {
        return own;
    }

    @Override
    public Collection<RoomListing> others() {
        return List.of();
    }
}
