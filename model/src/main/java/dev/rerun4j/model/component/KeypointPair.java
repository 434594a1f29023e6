package dev.rerun4j.model.component;

import dev.rerun4j.model.ShapeMismatchException;
import dev.rerun4j.model.arrow.ArrayData;
import java.util.ArrayList;
import java.util.List;

/** {@code rerun.datatypes.KeypointPair}: a skeleton edge between two keypoint ids. */
public record KeypointPair(int keypoint0, int keypoint1) {

    /** {@code a0,b0, a1,b1, ...} as pairs; the count must be even. */
    public static List<KeypointPair> fromFlat(String field, int... ids) {
        if (ids.length % 2 != 0) throw new ShapeMismatchException(field + ": " + ids.length + " keypoint ids is not a whole number of pairs");
        List<KeypointPair> out = new ArrayList<>(ids.length / 2);
        for (int i = 0; i < ids.length; i += 2) out.add(new KeypointPair(ids[i], ids[i + 1]));
        return out;
    }

    /** {@code Struct{keypoint0: UInt16!, keypoint1: UInt16!}}, one entry per pair. */
    static ArrayData toArrow(String field, List<KeypointPair> pairs) {
        int[] a = new int[pairs.size()];
        int[] b = new int[pairs.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = pairs.get(i).keypoint0;
            b[i] = pairs.get(i).keypoint1;
        }
        return ArrayData.struct(RerunTypes.KEYPOINT_PAIR, a.length, null,
                Instances.uint16(a, field + ".keypoint0"), Instances.uint16(b, field + ".keypoint1"));
    }
}
