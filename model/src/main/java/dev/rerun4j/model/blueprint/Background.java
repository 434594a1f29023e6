package dev.rerun4j.model.blueprint;

/** View property {@code rerun.blueprint.archetypes.Background} of 2D and 3D views. */
public final class Background extends BlueprintArchetype<Background> {

    private Background(BackgroundKind kind) {
        super("Background");
        withEnum("kind", kind);
    }

    /** A gradient (or, with {@link BackgroundKind#SOLID_COLOR}, the viewer's default colour, white). */
    public static Background of(BackgroundKind kind) {
        return new Background(kind);
    }

    /** A solid colour {@code 0xRRGGBBAA}; as in Python, this implies kind SOLID_COLOR. */
    public static Background solid(int rgba) {
        Background b = new Background(BackgroundKind.SOLID_COLOR);
        b.setColor("color", rgba);
        return b;
    }
}
