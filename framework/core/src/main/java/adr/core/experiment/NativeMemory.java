package adr.core.experiment;

import java.util.Locale;
import org.bytedeco.javacpp.Pointer;

/**
 * The process's resident memory and the ceiling JavaCPP refuses allocations past
 * ({@code org.bytedeco.javacpp.maxphysicalbytes}, which the launcher sets to 85% of the
 * machine's or cgroup's memory).
 *
 * @param used resident bytes now
 * @param ceiling resident bytes past which an allocation fails; 0 when there is none
 */
record NativeMemory(long used, long ceiling) {

    /** This process, now. */
    static NativeMemory current() {
        return new NativeMemory(Pointer.physicalBytes(), Pointer.maxPhysicalBytes());
    }

    boolean limited() {
        return ceiling > 0;
    }

    /** Bytes for a person: {@code 391 KB}, {@code 23.5 GB}. */
    static String size(long bytes) {
        if (bytes < 1L << 20) {
            return String.format(Locale.ROOT, "%d KB", Math.round(bytes / 1024.0));
        }
        if (bytes < 1L << 30) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
}
