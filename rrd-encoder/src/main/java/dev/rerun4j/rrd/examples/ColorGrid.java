package dev.rerun4j.rrd.examples;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.archetypes.Points3D;
import dev.rerun4j.model.component.Color;

/**
 * The colour-grid cube of gradio_rerun's demo: x×y×z points spread over [-10, 10], coloured by
 * their grid index, optionally twisted about Z.
 */
public record ColorGrid(float[] positions, int[] colors) {

    public static ColorGrid build(int xCount, int yCount, int zCount, float twist) {
        if (xCount < 1 || yCount < 1 || zCount < 1) {
            throw new ShapeMismatchException("color grid counts must be at least 1, got " + xCount + "×" + yCount + "×" + zCount);
        }
        int n = xCount * yCount * zCount;
        float[] pos = new float[n * 3];
        int[] col = new int[n];
        int i = 0;
        for (int x = 0; x < xCount; x++) {
            for (int y = 0; y < yCount; y++) {
                for (int z = 0; z < zCount; z++, i++) {
                    float px = lin(-10, 10, x, xCount), py = lin(-10, 10, y, yCount), pz = lin(-10, 10, z, zCount);
                    double angle = lin(-twist / 2, twist / 2, z, zCount);
                    double c = Math.cos(angle), s = Math.sin(angle);
                    pos[i * 3] = (float) (px * c - py * s);
                    pos[i * 3 + 1] = (float) (px * s + py * c);
                    pos[i * 3 + 2] = pz;
                    col[i] = Color.rgb((int) lin(0, 255, x, xCount), (int) lin(0, 255, y, yCount), (int) lin(0, 255, z, zCount));
                }
            }
        }
        return new ColorGrid(pos, col);
    }

    public Points3D toPoints(float radius) {
        return Points3D.positions(positions).colors(colors).radii(radius);
    }

    private static float lin(float from, float to, int i, int count) {
        return count == 1 ? from : from + (to - from) * i / (count - 1);
    }
}
