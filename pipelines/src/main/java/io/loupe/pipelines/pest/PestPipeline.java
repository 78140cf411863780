package io.loupe.pipelines.pest;

import io.loupe.models.TileSpec;
import io.loupe.models.preprocess.Tile;
import io.loupe.models.preprocess.TileGrid;
import io.loupe.pipelines.DomainStats;
import io.loupe.pipelines.PhaseLatencies;
import io.loupe.pipelines.Pipeline;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.StageChain;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A built pest pipeline: {@code pest/capture@v1 → pest/detect@v1 → pest/count@v1}, the trap's ledger and its store,
 * and the watch for missed captures ({@link #due}). Made by {@link PestPipelineFactory#create}.
 */
public final class PestPipeline implements Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(PestPipeline.class);

    private final String id;
    private final PestSettings settings;
    private final StageChain chain;
    private final TrapCounter counter;
    private final PestStore store;
    private final TileSpec tiles;
    private final PhaseLatencies phases;
    private final Instant startedAt;
    private boolean closed;

    PestPipeline(String id, PestSettings settings, StageChain chain, TrapCounter counter, PestStore store,
                 TileSpec tiles, PhaseLatencies phases, Instant startedAt) {
        this.id = id;
        this.settings = settings;
        this.chain = chain;
        this.counter = counter;
        this.store = store;
        this.tiles = tiles;
        this.phases = phases;
        this.startedAt = startedAt;
    }

    public String id() {
        return id;
    }

    public PestSettings settings() {
        return settings;
    }

    /** The trap's name. */
    public String trap() {
        return counter.trap();
    }

    /** The tiles a frame of this size is cut into, for drawing; empty when tiles are off. */
    public List<Tile> tiles(int width, int height) {
        return tiles == null ? List.of()
                : TileGrid.of(width, height, tiles.tileWidth(), tiles.tileHeight(), tiles.overlap());
    }

    @Override
    public StageChain chain() {
        return chain;
    }

    @Override
    public PhaseLatencies phases() {
        return phases;
    }

    /** The trap's numbers now. */
    public PestStats pestStats() {
        return counter.stats();
    }

    @Override
    public Optional<DomainStats> stats() {
        return Optional.of(counter.stats());
    }

    @Override
    public List<? extends PipelineResult> due(Instant now) {
        Instant at = counter.missedAt(startedAt);
        if (at == null || now.isBefore(at)) {
            return List.of();
        }
        try {
            return counter.missed(now, startedAt);
        } catch (SQLException e) {
            LOG.warn("pipeline {}: trap {}: the missed capture could not be recorded: {}", id, counter.trap(),
                    e.getMessage());
            return List.of();
        }
    }

    @Override
    public Instant nextDue() {
        return counter.missedAt(startedAt);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            chain.close();
            store.close();
        }
    }
}
