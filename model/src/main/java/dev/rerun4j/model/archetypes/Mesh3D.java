package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.ArrowBuffer;
import dev.rerun4j.model.component.ChannelDatatype;
import dev.rerun4j.model.component.ColorModel;
import dev.rerun4j.model.component.ImageFormat;
import dev.rerun4j.model.component.Instances;
import dev.rerun4j.model.component.MeshFaceRendering;
import java.awt.image.BufferedImage;

/**
 * A triangle mesh: {@code rerun.archetypes.Mesh3D}. Without triangle indices every three consecutive
 * vertices form a triangle. Per-vertex batches must have exactly one entry per vertex.
 */
public final class Mesh3D extends BatchArchetype<Mesh3D> {
    public static final String NAME = "rerun.archetypes.Mesh3D";

    private Mesh3D(float[] xyz) {
        super(NAME, "vertex_positions", "rerun.components.Position3D", xyz, 3);
    }

    /** Vertex positions as {@code x0,y0,z0, x1,y1,z1, ...}. */
    public static Mesh3D vertexPositions(float... xyz) {
        return new Mesh3D(xyz);
    }

    /** Triangles as vertex indices {@code a0,b0,c0, a1,b1,c1, ...}; each must be below the vertex count. */
    public Mesh3D triangleIndices(int... indices) {
        ArrayData triangles = Instances.uint32Vectors(fieldName("triangle_indices"), indices, 3);
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= size()) {
                throw new ShapeMismatchException(fieldName("triangle_indices") + ": index " + Integer.toUnsignedString(indices[i])
                        + " at position " + i + " is out of range for the " + size() + " " + fieldName("vertex_positions"));
            }
        }
        set("triangle_indices", "rerun.components.TriangleIndices", triangles);
        return this;
    }

    /** One normal {@code x,y,z} per vertex. */
    public Mesh3D vertexNormals(float... xyz) {
        return setPerInstance("vertex_normals", "rerun.components.Vector3D", Instances.vectors(fieldName("vertex_normals"), xyz, 3));
    }

    /** One colour {@code 0xRRGGBBAA} per vertex (alpha is ignored). */
    public Mesh3D vertexColors(int... rgba) {
        return setPerInstance("vertex_colors", "rerun.components.Color", ArrayData.uint32(rgba));
    }

    /** One texture coordinate {@code u,v} per vertex; (0,0) is the texture's top-left corner. */
    public Mesh3D vertexTexcoords(float... uv) {
        return setPerInstance("vertex_texcoords", "rerun.components.Texcoord2D", Instances.vectors(fieldName("vertex_texcoords"), uv, 2));
    }

    /** A colour multiplied with the vertex colours or texture. */
    public Mesh3D albedoFactor(int rgba) {
        set("albedo_factor", "rerun.components.AlbedoFactor", ArrayData.uint32(new int[] {rgba}));
        return this;
    }

    public Mesh3D faceRendering(MeshFaceRendering rendering) {
        setEnum("face_rendering", rendering);
        return this;
    }

    /** An 8-bit RGB or RGBA texture, row-major, sampled with {@link #vertexTexcoords}. */
    public Mesh3D albedoTexture(byte[] pixels, int width, int height, ColorModel model) {
        return albedoTexture(ImageFormat.of(width, height, model, ChannelDatatype.U8), ArrowBuffer.of(pixels));
    }

    public Mesh3D albedoTexture(BufferedImage img) {
        BufferedImagePixels px = BufferedImagePixels.of(img);
        return albedoTexture(ImageFormat.of(img.getWidth(), img.getHeight(), px.model(), px.type()), px.buffer());
    }

    private Mesh3D albedoTexture(ImageFormat format, ArrowBuffer pixels) {
        setImage("albedo_texture_buffer", "albedo_texture_format", format, pixels);
        return this;
    }
}
