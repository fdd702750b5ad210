package adr.core.reuse;

import java.util.Arrays;

/** Arrays kept from step to step: reallocated only when the size they must have changes. */
final class KeptArrays {
    private KeptArrays() {
    }

    /** {@code array} if it has {@code size} elements (contents as left), else a new one. */
    static float[] sized(float[] array, int size) {
        return array.length == size ? array : new float[size];
    }

    /** {@code array} cleared if it has {@code size} elements, else a new one. */
    static float[] zeroed(float[] array, int size) {
        if (array.length != size) {
            return new float[size];
        }
        Arrays.fill(array, 0f);
        return array;
    }

    /** {@code array} cleared if it has {@code size} elements, else a new one. */
    static int[] zeroed(int[] array, int size) {
        if (array.length != size) {
            return new int[size];
        }
        Arrays.fill(array, 0);
        return array;
    }
}
