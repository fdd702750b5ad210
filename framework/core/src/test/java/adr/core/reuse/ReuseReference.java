package adr.core.reuse;

/**
 * A direct double-precision transcription of the reuse formulas (DESIGN.md section 1)
 * for one convolution with given assignments: slow, obvious, used to check the
 * engine and, by finite differences, the formulas themselves.
 */
final class ReuseReference {
    final int batch;
    final int channels;
    final int height;
    final int width;
    final int outChannels;
    final int kernel;
    final int stride;
    final int padding;
    final int length;
    final int[][] ids;
    final int clusters;

    ReuseReference(int[] inputShape, int outChannels, int kernel, int stride, int padding, int length, int[][] ids,
            int clusters) {
        this.batch = inputShape[0];
        this.channels = inputShape[1];
        this.height = inputShape[2];
        this.width = inputShape[3];
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.length = length;
        this.ids = ids;
        this.clusters = clusters;
    }

    int outH() {
        return (height + 2 * padding - kernel) / stride + 1;
    }

    int outW() {
        return (width + 2 * padding - kernel) / stride + 1;
    }

    int rows() {
        return batch * outH() * outW();
    }

    int rowLength() {
        return channels * kernel * kernel;
    }

    int groups() {
        return (rowLength() + length - 1) / length;
    }

    /** The input index feeding column {@code col} of row {@code n}, or -1 (zero padding). */
    int source(int n, int col) {
        if (col >= rowLength()) {
            return -1;
        }
        int b = n / (outH() * outW());
        int oy = n / outW() % outH();
        int ox = n % outW();
        int c = col / (kernel * kernel);
        int iy = oy * stride - padding + col / kernel % kernel;
        int ix = ox * stride - padding + col % kernel;
        boolean inside = iy >= 0 && iy < height && ix >= 0 && ix < width;
        return inside ? ((b * channels + c) * height + iy) * width + ix : -1;
    }

    double[][][] centroids(double[] x) {
        double[][][] sums = new double[groups()][clusters][length];
        int[][] counts = counts();
        for (int g = 0; g < groups(); g++) {
            for (int n = 0; n < rows(); n++) {
                for (int j = 0; j < length; j++) {
                    int src = source(n, g * length + j);
                    sums[g][ids[g][n]][j] += src < 0 ? 0 : x[src];
                }
            }
            for (int c = 0; c < clusters; c++) {
                for (int j = 0; j < length; j++) {
                    sums[g][c][j] /= Math.max(1, counts[g][c]);
                }
            }
        }
        return sums;
    }

    int[][] counts() {
        int[][] counts = new int[groups()][clusters];
        for (int g = 0; g < groups(); g++) {
            for (int n = 0; n < rows(); n++) {
                counts[g][ids[g][n]]++;
            }
        }
        return counts;
    }

    double weight(double[] w, int m, int col) {
        return col < rowLength() ? w[m * rowLength() + col] : 0;
    }

    /** NCHW output. */
    double[] forward(double[] x, double[] w, double[] bias) {
        double[][][] c = centroids(x);
        int pixels = outH() * outW();
        double[] y = new double[batch * outChannels * pixels];
        for (int n = 0; n < rows(); n++) {
            for (int m = 0; m < outChannels; m++) {
                double sum = bias[m];
                for (int g = 0; g < groups(); g++) {
                    for (int j = 0; j < length; j++) {
                        sum += c[g][ids[g][n]][j] * weight(w, m, g * length + j);
                    }
                }
                y[(n / pixels * outChannels + m) * pixels + n % pixels] = sum;
            }
        }
        return y;
    }

    double[][][] gradientSums(double[] dy) {
        int pixels = outH() * outW();
        double[][][] s = new double[groups()][clusters][outChannels];
        for (int g = 0; g < groups(); g++) {
            for (int n = 0; n < rows(); n++) {
                for (int m = 0; m < outChannels; m++) {
                    s[g][ids[g][n]][m] += dy[(n / pixels * outChannels + m) * pixels + n % pixels];
                }
            }
        }
        return s;
    }

    /** {@code dW = C_g^T S_g}, as {@code [M, K]}. */
    double[] weightGradient(double[] x, double[] dy) {
        double[][][] c = centroids(x);
        double[][][] s = gradientSums(dy);
        double[] dw = new double[outChannels * rowLength()];
        for (int g = 0; g < groups(); g++) {
            for (int j = 0; j < length && g * length + j < rowLength(); j++) {
                for (int m = 0; m < outChannels; m++) {
                    double sum = 0;
                    for (int k = 0; k < clusters; k++) {
                        sum += c[g][k][j] * s[g][k][m];
                    }
                    dw[m * rowLength() + g * length + j] = sum;
                }
            }
        }
        return dw;
    }

    /** Reused input gradient: every member takes {@code (S_g[c] / count) W_g^T}, folded back (col2im). */
    double[] inputGradient(double[] w, double[] dy) {
        double[][][] s = gradientSums(dy);
        int[][] counts = counts();
        double[] dx = new double[batch * channels * height * width];
        for (int n = 0; n < rows(); n++) {
            for (int g = 0; g < groups(); g++) {
                int c = ids[g][n];
                for (int j = 0; j < length; j++) {
                    int src = source(n, g * length + j);
                    if (src < 0) {
                        continue;
                    }
                    double sum = 0;
                    for (int m = 0; m < outChannels; m++) {
                        sum += s[g][c][m] / counts[g][c] * weight(w, m, g * length + j);
                    }
                    dx[src] += sum;
                }
            }
        }
        return dx;
    }
}
