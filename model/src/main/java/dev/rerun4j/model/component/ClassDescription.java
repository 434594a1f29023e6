package dev.rerun4j.model.component;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code rerun.datatypes.ClassDescription}: what a class id means (label, colour) and, for
 * skeletons, its keypoints and the edges between them.
 */
public record ClassDescription(AnnotationInfo info, List<AnnotationInfo> keypointAnnotations, List<KeypointPair> keypointConnections) {

    public ClassDescription {
        Objects.requireNonNull(info, "info");
        keypointAnnotations = keypointAnnotations == null ? List.of() : List.copyOf(keypointAnnotations);
        keypointConnections = keypointConnections == null ? List.of() : List.copyOf(keypointConnections);
    }

    public static ClassDescription of(AnnotationInfo info) {
        return new ClassDescription(info, List.of(), List.of());
    }

    public static ClassDescription of(int id, String label) {
        return of(AnnotationInfo.of(id, label));
    }

    public static ClassDescription of(int id, String label, int rgba) {
        return of(AnnotationInfo.of(id, label, rgba));
    }

    /** This class with these keypoints (ids are keypoint ids, not class ids). */
    public ClassDescription withKeypoints(AnnotationInfo... keypoints) {
        return new ClassDescription(info, List.of(keypoints), keypointConnections);
    }

    /** This class with skeleton edges given as keypoint id pairs {@code a0,b0, a1,b1, ...}. */
    public ClassDescription withConnections(int... pairs) {
        return new ClassDescription(info, keypointAnnotations, KeypointPair.fromFlat("ClassDescription.keypoint_connections", pairs));
    }

    /**
     * One {@code rerun.components.AnnotationContext} instance: a {@code List<ClassDescriptionMapElem>}
     * holding every class, keyed by its info id.
     */
    public static ArrayData annotationContext(String field, List<ClassDescription> classes) {
        int n = classes.size();
        int[] classIds = new int[n];
        List<AnnotationInfo> infos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            classIds[i] = classes.get(i).info.id();
            infos.add(classes.get(i).info);
        }
        ArrayData description = ArrayData.struct(RerunTypes.CLASS_DESCRIPTION, n, null,
                AnnotationInfo.toArrow(field + ".info", infos),
                nestedList(RerunTypes.ANNOTATION_INFO, classes, ClassDescription::keypointAnnotations,
                        all -> AnnotationInfo.toArrow(field + ".keypoint_annotations", all)),
                nestedList(RerunTypes.KEYPOINT_PAIR, classes, ClassDescription::keypointConnections,
                        all -> KeypointPair.toArrow(field + ".keypoint_connections", all)));
        ArrayData elems = ArrayData.struct(RerunTypes.CLASS_DESCRIPTION_MAP_ELEM, n, null,
                Instances.uint16(classIds, field + ".class_id"), description);
        return ArrayData.singletonList((DataType.ListType) RerunTypes.ANNOTATION_CONTEXT, elems);
    }

    /** A {@code List<item>} with one entry per class, over the concatenation of every class's items. */
    private static <E> ArrayData nestedList(DataType item, List<ClassDescription> classes,
                                            Function<ClassDescription, List<E>> items, Function<List<E>, ArrayData> build) {
        int[] offsets = new int[classes.size() + 1];
        List<E> all = new ArrayList<>();
        for (int i = 0; i < classes.size(); i++) {
            all.addAll(items.apply(classes.get(i)));
            offsets[i + 1] = all.size();
        }
        return ArrayData.list(DataType.listOf(item), offsets, null, build.apply(all));
    }
}
