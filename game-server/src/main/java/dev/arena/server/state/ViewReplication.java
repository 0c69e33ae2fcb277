package dev.arena.server.state;

import com.esotericsoftware.kryo.io.Output;
import dev.arena.server.game.Visibility;
import dev.arena.server.metrics.GameMetrics;
import dev.arena.server.protocol.FrameCodec;

/**
 * {@link Replication} by view (PROTOCOL.md, "Views"): each client is sent
 * only the entities the game's {@link Visibility} rule lets it see. An
 * entity entering a client's view arrives whole, one leaving it is removed
 * for that client, and the frame is byte for byte the frame of a room that
 * holds only that client's view, so nothing about the rest leaks.
 *
 * <p>Work per send tick, with no per-client allocation but the frame:
 * <ul>
 *   <li>once: the captured state goes on the rule's grid ({@link SpatialGrid});</li>
 *   <li>per client: the rule fills in its view from the grid (a few cells'
 *       entities, tested against the radius, sorted), which is merged with
 *       the view of its baseline: entities in both are changes, the rest
 *       spawns and removals;</li>
 *   <li>once per entity, on first use: its changes since the previous tick
 *       ({@link ChangeEntries}), which every up-to-date client seeing it
 *       copies into its frame behind its own header. Views overlap, so this
 *       is the shared part; a lagging client's changes are computed from its
 *       own older baseline.</li>
 * </ul>
 * A client whose view holds the whole room, now and at its baseline, gets
 * the shared frame of {@link BaselineReplication}, byte for byte the same.
 */
public final class ViewReplication extends HistoryReplication {
    private final Visibility rule;
    private final SpatialGrid grid;
    private final ViewBuilder view;
    private final ChangeEntries changes = new ChangeEntries();
    private final SharedFrames frames;
    private final SnapshotEncoder encoder = new SnapshotEncoder();
    private final Output output = new Output(1024, FrameCodec.MAX_ENCODED_BYTES);
    private boolean ticked;

    /**
     * @param world       the room's live state, which the game writes
     * @param rule        the game's visibility rule
     * @param historySize states kept as baselines (config {@code room.snapshotHistory})
     * @param metrics     told frame sizes, view sizes and cells encoded
     */
    public ViewReplication(EntityStore world, Visibility rule, int historySize, GameMetrics metrics) {
        super(world, historySize, metrics);
        this.rule = rule;
        this.grid = new SpatialGrid(rule, rule.grid());
        this.view = new ViewBuilder(grid);
        this.frames = new SharedFrames(history, metrics);
    }

    @Override
    void captured(WorldState previous, WorldState current) {
        if (ticked) {
            // The previous send tick is over: its count is complete.
            metrics.cellsEncoded(changes.cellsEncoded());
        }
        ticked = true;
        grid.index(current);
        changes.reset(previous, current, grid);
        frames.start(current);
    }

    @Override
    WireFrame frameFor(Replica replica, WorldState current) {
        view.begin(current);
        rule.see(replica.viewer, view);
        IntList seen = view.finish(replica.viewer);
        WorldState base = frames.usable(replica.baselineTick);
        int[] baseView = replica.baselineView();
        WireFrame frame;
        if (seen == null && (base == null || baseView == null)) {
            frame = frames.frameFrom(replica.baselineTick);
        } else {
            output.reset();
            if (base == null) {
                encoder.writeSnapshot(output, current, seen == null ? null : seen.items,
                        seen == null ? current.count : seen.size);
            } else {
                encoder.writeDelta(output, base, baseView, replica.baselineViewSize(), current,
                        seen == null ? null : seen.items, seen == null ? current.count : seen.size,
                        changes.from(base) ? changes : null);
            }
            frame = frames.single(output);
            metrics.snapshotEncoded(base == null, frame.length());
        }
        replica.sent(current, seen);
        metrics.updateSent(seen == null ? current.count : seen.size, frame.length());
        return frame;
    }

    @Override
    public void close() {
        frames.close();
    }
}
