package dev.rerun4j.model.archetypes;

/**
 * Transforms between named frames ({@code rerun.components.TransformFrameId}). Without them the
 * child frame is the entity's implicit {@code tf#/<entity path>} and the parent its parent's.
 * Implemented by archetypes only (the default methods write into the {@link Archetype}).
 */
public interface HasTransformFrames<T extends HasTransformFrames<T>> {

    @SuppressWarnings("unchecked")
    default T childFrame(String frame) {
        ((Archetype) this).setText("child_frame", "rerun.components.TransformFrameId", frame);
        return (T) this;
    }

    @SuppressWarnings("unchecked")
    default T parentFrame(String frame) {
        ((Archetype) this).setText("parent_frame", "rerun.components.TransformFrameId", frame);
        return (T) this;
    }
}
