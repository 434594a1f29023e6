package dev.rerun4j.model.blueprint;

/** What 2D and 3D views share: a {@link Background}. */
public abstract class SpatialView<S extends SpatialView<S>> extends View<S> {

    SpatialView(String classIdentifier, String origin) {
        super(classIdentifier, origin);
    }

    /** E.g. {@code Background.solid(0x202020FF)} or {@code Background.of(BackgroundKind.GRADIENT_BRIGHT)}. */
    public final S background(Background background) {
        return property(background);
    }
}
