package adr.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Test accuracy against wall time for every run, as a PNG line chart (headless Java2D). */
final class AccuracyPlot {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 260;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0x17becf)};

    private AccuracyPlot() {
    }

    static void write(Path file, String title, List<RunRecord> runs) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double maxTime = runs.stream().flatMap(r -> r.secondsAtEpoch().stream()).mapToDouble(Double::doubleValue)
                .max().orElse(1);
        double minAcc = Math.max(0, runs.stream().flatMap(r -> r.accuracyByEpoch().stream())
                .mapToDouble(Double::doubleValue).min().orElse(0) - 0.01);
        double maxAcc = Math.min(1, runs.stream().flatMap(r -> r.accuracyByEpoch().stream())
                .mapToDouble(Double::doubleValue).max().orElse(1) + 0.01);
        Axes axes = new Axes(NiceTicks.of(0, maxTime, 5), NiceTicks.of(minAcc, maxAcc, 5));
        axes.draw(g, title);
        for (int i = 0; i < runs.size(); i++) {
            RunRecord run = runs.get(i);
            g.setColor(COLORS[i % COLORS.length]);
            g.setStroke(new BasicStroke(2.5f));
            int px = axes.x(0);
            int py = -1;
            for (int e = 0; e < run.accuracyByEpoch().size(); e++) {
                int x = axes.x(run.secondsAtEpoch().get(e));
                int y = axes.y(run.accuracyByEpoch().get(e));
                if (py >= 0) {
                    g.drawLine(px, py, x, y);
                }
                g.fillOval(x - 4, y - 4, 8, 8);
                px = x;
                py = y;
            }
            g.drawString(String.format(Locale.ROOT, "%s  %.4f in %.0f s", run.name(), run.testAccuracy(),
                    run.wallSeconds()), WIDTH - RIGHT + 15, TOP + 20 + 22 * i);
        }
        g.dispose();
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the plot " + file.toAbsolutePath(), e);
        }
    }

    /** The plot area's scales, grid and labels. */
    private record Axes(NiceTicks time, NiceTicks accuracy) {
        int x(double seconds) {
            return LEFT + (int) ((WIDTH - LEFT - RIGHT) * (seconds - time.low()) / (time.high() - time.low()));
        }

        int y(double value) {
            return HEIGHT - BOTTOM - (int) ((HEIGHT - TOP - BOTTOM) * (value - accuracy.low())
                    / (accuracy.high() - accuracy.low()));
        }

        void draw(Graphics2D g, String title) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            Color grid = new Color(0xdddddd);
            for (double acc : accuracy.values()) {
                g.setColor(grid);
                g.drawLine(LEFT, y(acc), WIDTH - RIGHT, y(acc));
                g.setColor(Color.DARK_GRAY);
                g.drawString(accuracy.label(acc), LEFT - 50, y(acc) + 5);
            }
            for (double t : time.values()) {
                g.setColor(grid);
                g.drawLine(x(t), TOP, x(t), HEIGHT - BOTTOM);
                g.setColor(Color.DARK_GRAY);
                g.drawString(time.label(t), x(t) - 10, HEIGHT - BOTTOM + 20);
            }
            g.setColor(Color.BLACK);
            g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
            g.drawString("wall time (s)", (WIDTH - RIGHT) / 2, HEIGHT - 15);
            g.drawString("test accuracy", 10, TOP - 15);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, LEFT, 25);
        }
    }
}
