package adr.plugins.strategies;

import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.LayerDecision;
import java.util.List;

/**
 * One layer's place on its ladder under the {@code adaptive} strategy, immutable; every
 * move returns a new position. {@code index == ladder.size()} is exact.
 *
 * @param changedAt the step of the last change (the start counts as one)
 * @param accuraciesSeen how many test accuracies the strategy had read at the last look
 * @param floor the coarsest level the layer may move back to: levels below it failed
 *     the error check
 * @param errorChecked whether this level's output error was checked and found within bounds
 * @param timed whether this level's speed was checked too and found sufficient: its checks are done
 */
record LadderPosition(List<ReuseSetting> ladder, int index, int floor, long changedAt, int accuraciesSeen,
        String reason, boolean errorChecked, boolean timed) {

    /** At the coarsest level. */
    static LadderPosition start(List<ReuseSetting> ladder, long step, int accuraciesSeen) {
        return new LadderPosition(ladder, 0, 0, step, accuraciesSeen, "adaptive: start at the coarsest level", false,
                false);
    }

    /**
     * At {@code index} (the ladder's size: exact) after a resume, as when the checkpoint was
     * saved, with the floor and last change saved with it. The level's checks are done
     * again: this process's kernel has its own speed.
     */
    static LadderPosition resumed(List<ReuseSetting> ladder, int index, int floor, long changedAt,
            int accuraciesSeen) {
        boolean exact = index >= ladder.size();
        String reason = exact ? "adaptive: resumed exact, as when the checkpoint was saved"
                : "adaptive: resumed at " + ladder.get(index) + ", the level when the checkpoint was saved";
        return new LadderPosition(ladder, index, floor, changedAt, accuraciesSeen, reason, exact, exact);
    }

    boolean exact() {
        return index >= ladder.size();
    }

    ReuseSetting level(int i) {
        return ladder.get(i);
    }

    LayerDecision decision() {
        return exact() ? LayerDecision.exact(reason) : new LayerDecision(ladder.get(index), reason);
    }

    LadderPosition seen(int accuracies) {
        return new LadderPosition(ladder, index, floor, changedAt, accuracies, reason, errorChecked, timed);
    }

    LadderPosition finer(long step, String cause) {
        boolean end = index + 1 >= ladder.size();
        return new LadderPosition(ladder, index + 1, floor, step, accuraciesSeen,
                cause + (end ? ", exact after the last level" : ", finer"), false, false);
    }

    LadderPosition coarser(long step, String cause) {
        return new LadderPosition(ladder, index - 1, floor, step, accuraciesSeen, cause + ", coarser", false,
                false);
    }

    /**
     * A level {@code to} past the current one, within the error bound, which becomes the
     * floor; its speed is checked after the cooldown.
     */
    LadderPosition refined(int to, long step, String cause) {
        return new LadderPosition(ladder, to, to, step, accuraciesSeen, cause, true, false);
    }

    /** This position with its level's checks still to do. */
    LadderPosition unchecked() {
        return new LadderPosition(ladder, index, floor, changedAt, accuraciesSeen, reason, false, false);
    }

    /** This level, its output error within bounds. */
    LadderPosition errorWithin() {
        return new LadderPosition(ladder, index, floor, changedAt, accuraciesSeen, reason, true, false);
    }

    LadderPosition off(long step, String cause) {
        return new LadderPosition(ladder, ladder.size(), floor, step, accuraciesSeen, cause, true, true);
    }

    LadderPosition speedChecked() {
        return new LadderPosition(ladder, index, floor, changedAt, accuraciesSeen, reason, true, true);
    }
}
