package dev.rerun4j.model.component;

import dev.rerun4j.model.arrow.ArrayData;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rerun.datatypes.AnnotationInfo}: a class or keypoint id with an optional label and an
 * optional colour ({@code 0xRRGGBBAA}); null means "not given".
 */
public record AnnotationInfo(int id, String label, Integer color) {

    public static AnnotationInfo of(int id, String label) {
        return new AnnotationInfo(id, label, null);
    }

    public static AnnotationInfo of(int id, String label, int rgba) {
        return new AnnotationInfo(id, label, rgba);
    }

    /** {@code Struct{id: UInt16!, label: Utf8?, color: UInt32?}}, one entry per info, nulls where absent. */
    static ArrayData toArrow(String field, List<AnnotationInfo> infos) {
        int n = infos.size();
        int[] ids = new int[n];
        int[] colors = new int[n];
        List<String> labels = new ArrayList<>(n);
        boolean[] hasLabel = new boolean[n];
        boolean[] hasColor = new boolean[n];
        for (int i = 0; i < n; i++) {
            AnnotationInfo a = infos.get(i);
            ids[i] = a.id;
            hasLabel[i] = a.label != null;
            labels.add(hasLabel[i] ? a.label : "");
            hasColor[i] = a.color != null;
            colors[i] = hasColor[i] ? a.color : 0;
        }
        return ArrayData.struct(RerunTypes.ANNOTATION_INFO, n, null,
                Instances.uint16(ids, field + ".id"),
                ArrayData.utf8(labels).withValidity(hasLabel),
                ArrayData.uint32(colors).withValidity(hasColor));
    }
}
