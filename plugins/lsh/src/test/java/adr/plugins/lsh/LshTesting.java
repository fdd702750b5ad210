package adr.plugins.lsh;

import adr.spi.LayerShape;
import adr.spi.clustering.Assignments;
import adr.spi.clustering.ClusteringAlgorithm;
import adr.spi.clustering.SubVectors;
import adr.spi.config.Config;
import adr.spi.reuse.ReuseSetting;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared helpers of the LSH tests. */
final class LshTesting {

    private LshTesting() {
    }

    /** The factory's configuration with {@code given} raw values; fails on a resolution error. */
    static Config config(Map<String, ?> given) {
        List<String> errors = new ArrayList<>();
        Config config = Config.resolve("clustering lsh", LshOptions.KEYS, given, errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return config;
    }

    static ClusteringAlgorithm create(String variant, int groups, ReuseSetting setting, long seed) {
        LayerShape layer = new LayerShape("test", groups * setting.subVectorLength(), 4, 1, 1, 0);
        return new LshFactory().create(layer, setting, config(Map.of(LshOptions.VARIANT, variant)), seed);
    }

    static Assignments cluster(ClusteringAlgorithm algorithm, SubVectors input) {
        Assignments out = new Assignments(input.groups(), input.rows());
        algorithm.cluster(input, out);
        return out;
    }

    /** Sub-vectors that remember the directions they were last projected onto. */
    static final class Recording implements SubVectors {
        private final SubVectors delegate;
        float[] directions;

        Recording(SubVectors delegate) {
            this.delegate = delegate;
        }

        @Override
        public int groups() {
            return delegate.groups();
        }

        @Override
        public int rows() {
            return delegate.rows();
        }

        @Override
        public int length() {
            return delegate.length();
        }

        @Override
        public FloatBuffer group(int g) {
            return delegate.group(g);
        }

        @Override
        public FloatBuffer project(float[] directions, int count) {
            this.directions = directions.clone();
            return delegate.project(directions, count);
        }
    }
}
