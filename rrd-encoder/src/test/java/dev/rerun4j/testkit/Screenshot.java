package dev.rerun4j.testkit;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A viewer screenshot (see {@link RealViewer.Run#screenshot}) read back for per-region pixel checks:
 * view-rrd.mjs counts colours over the whole canvas, this counts them inside one view's rectangle.
 */
public final class Screenshot {

    private final BufferedImage image;
    private final Path path;

    private Screenshot(BufferedImage image, Path path) {
        this.image = image;
        this.path = path;
    }

    public static Screenshot read(Path png) {
        try {
            BufferedImage img = ImageIO.read(png.toFile());
            if (img == null) throw new IOException("not an image: " + png);
            return new Screenshot(img, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int width() { return image.getWidth(); }

    public int height() { return image.getHeight(); }

    public Path path() { return path; }

    /** 0xRRGGBB at (x, y). */
    public int rgb(int x, int y) { return image.getRGB(x, y) & 0xFFFFFF; }

    /** Whether every channel of the pixel at (x, y) is within {@code tolerance} of {@code rgb}. */
    public boolean near(int x, int y, int rgb, int tolerance) {
        int p = rgb(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((p >> shift) & 0xFF) - ((rgb >> shift) & 0xFF)) > tolerance) return false;
        }
        return true;
    }

    /** Pixels of {@code region} within {@code tolerance} of {@code rgb} (0xRRGGBB). */
    public int count(Rectangle region, int rgb, int tolerance) {
        Rectangle r = clip(region);
        int n = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) if (near(x, y, rgb, tolerance)) n++;
        }
        return n;
    }

    /** The smallest rectangle holding every pixel of {@code region} near {@code rgb}, or null if there is none. */
    public Rectangle bounds(Rectangle region, int rgb, int tolerance) {
        Rectangle r = clip(region);
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                if (!near(x, y, rgb, tolerance)) continue;
                minX = Math.min(minX, x);
                minY = Math.min(minY, y);
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, y);
            }
        }
        return maxX < 0 ? null : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /** The mean (x, y) of the pixels of {@code region} near {@code rgb}, or null if there is none. */
    public double[] centroid(Rectangle region, int rgb, int tolerance) {
        Rectangle r = clip(region);
        long sx = 0, sy = 0, n = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                if (!near(x, y, rgb, tolerance)) continue;
                sx += x;
                sy += y;
                n++;
            }
        }
        return n == 0 ? null : new double[] {(double) sx / n, (double) sy / n};
    }

    /** The row of {@code region} with the most pixels near {@code rgb}, or -1 if there is none. */
    public int busiestRow(Rectangle region, int rgb, int tolerance) {
        Rectangle r = clip(region);
        int best = -1, bestCount = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            int n = 0;
            for (int x = r.x; x < r.x + r.width; x++) if (near(x, y, rgb, tolerance)) n++;
            if (n > bestCount) {
                bestCount = n;
                best = y;
            }
        }
        return best;
    }

    /** Cell (column, row) of a {@code columns × rows} grid laid over {@code area}, shrunk by {@code inset} on every side. */
    public static Rectangle cell(Rectangle area, int columns, int rows, int column, int row, int inset) {
        int x0 = area.x + area.width * column / columns, x1 = area.x + area.width * (column + 1) / columns;
        int y0 = area.y + area.height * row / rows, y1 = area.y + area.height * (row + 1) / rows;
        return new Rectangle(x0 + inset, y0 + inset, Math.max(0, x1 - x0 - 2 * inset), Math.max(0, y1 - y0 - 2 * inset));
    }

    private Rectangle clip(Rectangle region) {
        return region.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
    }

    public static String describe(Rectangle r) {
        return r == null ? "none" : String.format(Locale.ROOT, "[x %d..%d, y %d..%d]", r.x, r.x + r.width - 1, r.y, r.y + r.height - 1);
    }
}
