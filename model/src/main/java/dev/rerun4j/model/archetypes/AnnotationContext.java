package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.component.ClassDescription;
import java.util.List;

/**
 * Labels, colours and skeletons for class ids: {@code rerun.archetypes.AnnotationContext}. Usually
 * logged static at an ancestor; class ids below it are looked up in the nearest one.
 */
public final class AnnotationContext extends Archetype {
    public static final String NAME = "rerun.archetypes.AnnotationContext";

    private final List<ClassDescription> classes;

    private AnnotationContext(List<ClassDescription> classes) {
        super(NAME);
        this.classes = List.copyOf(classes);
        set("context", "rerun.components.AnnotationContext", ClassDescription.annotationContext(fieldName("context"), this.classes));
    }

    public static AnnotationContext of(ClassDescription... classes) {
        return new AnnotationContext(List.of(classes));
    }

    public static AnnotationContext of(List<ClassDescription> classes) {
        return new AnnotationContext(classes);
    }

    public List<ClassDescription> classes() { return classes; }
}
