package dev.rerun4j.model.archetypes;

import dev.rerun4j.model.arrow.ArrayData;
import dev.rerun4j.model.arrow.DataType;
import dev.rerun4j.model.component.RerunTypes;
import java.util.Arrays;

/**
 * Which way the X, Y and Z axes of an entity point: {@code rerun.archetypes.ViewCoordinates}, usually
 * logged static at or above a 3D view's origin. A constant's letters name the directions of X, Y, Z:
 * {@code RFU} is X=Right, Y=Forward, Z=Up. Only right-handed systems are drawn correctly.
 */
public final class ViewCoordinates extends Archetype {
    public static final String NAME = "rerun.archetypes.ViewCoordinates";
    static final String COMPONENT = "rerun.components.ViewCoordinates";

    /** Direction bytes. */
    public static final byte UP = 1, DOWN = 2, RIGHT = 3, LEFT = 4, FORWARD = 5, BACK = 6;

    private static final String LETTERS = "UDRLFB";

    /** The 24 right-handed systems. */
    public static final ViewCoordinates
            BDR = of("BDR"), BLD = of("BLD"), BRU = of("BRU"), BUL = of("BUL"), DBL = of("DBL"), DFR = of("DFR"),
            DLF = of("DLF"), DRB = of("DRB"), FDL = of("FDL"), FLU = of("FLU"), FRD = of("FRD"), FUR = of("FUR"),
            LBU = of("LBU"), LDB = of("LDB"), LFD = of("LFD"), LUF = of("LUF"), RBD = of("RBD"), RDF = of("RDF"),
            RFU = of("RFU"), RUB = of("RUB"), UBR = of("UBR"), UFL = of("UFL"), ULB = of("ULB"), URF = of("URF");

    public static final ViewCoordinates RIGHT_HAND_X_UP = URF, RIGHT_HAND_X_DOWN = DRB, RIGHT_HAND_Y_UP = RUB,
            RIGHT_HAND_Y_DOWN = RDF, RIGHT_HAND_Z_UP = RFU, RIGHT_HAND_Z_DOWN = RBD;

    private final byte[] xyz;

    private ViewCoordinates(byte[] xyz) {
        super(NAME);
        this.xyz = xyz;
        set("xyz", COMPONENT, toArrow());
    }

    /** Directions of X, Y and Z ({@link #UP} .. {@link #BACK}); the three must lie on different axes. */
    public static ViewCoordinates of(byte x, byte y, byte z) {
        byte[] xyz = {x, y, z};
        for (int i = 0; i < 3; i++) {
            if (xyz[i] < UP || xyz[i] > BACK) throw new IllegalArgumentException("ViewCoordinates.xyz: direction " + xyz[i] + " is not 1..6");
            for (int j = 0; j < i; j++) {
                if ((xyz[i] - 1) / 2 == (xyz[j] - 1) / 2) {
                    throw new IllegalArgumentException("ViewCoordinates.xyz: " + letters(xyz) + " uses one axis twice");
                }
            }
        }
        return new ViewCoordinates(xyz);
    }

    /** From three letters of {@code U D R L F B}, e.g. {@code "RDF"}. */
    public static ViewCoordinates of(String letters) {
        if (letters.length() != 3) throw new IllegalArgumentException("ViewCoordinates: expected three letters of UDRLFB, got \"" + letters + "\"");
        byte[] b = new byte[3];
        for (int i = 0; i < 3; i++) {
            int k = LETTERS.indexOf(Character.toUpperCase(letters.charAt(i)));
            if (k < 0) throw new IllegalArgumentException("ViewCoordinates: '" + letters.charAt(i) + "' is not one of UDRLFB");
            b[i] = (byte) (k + 1);
        }
        return of(b[0], b[1], b[2]);
    }

    /** The direction bytes of X, Y, Z. */
    public byte[] xyz() {
        return xyz.clone();
    }

    /** One {@code rerun.components.ViewCoordinates} instance: {@code FixedSizeList<UInt8>[3]}. */
    ArrayData toArrow() {
        return ArrayData.fixedSizeList((DataType.FixedSizeList) RerunTypes.VIEW_COORDINATES, ArrayData.uint8(xyz.clone()));
    }

    /** True for right-handed systems (X × Y = Z). */
    public boolean isRightHanded() {
        int[][] v = {vector(xyz[0]), vector(xyz[1]), vector(xyz[2])};
        int[] cross = {v[0][1] * v[1][2] - v[0][2] * v[1][1], v[0][2] * v[1][0] - v[0][0] * v[1][2], v[0][0] * v[1][1] - v[0][1] * v[1][0]};
        return Arrays.equals(cross, v[2]);
    }

    /** The unit vector of a direction in the RUB frame (X right, Y up, Z back). */
    private static int[] vector(byte d) {
        int[] v = new int[3];
        int axis = d <= DOWN ? 1 : d <= LEFT ? 0 : 2;
        v[axis] = (d == UP || d == RIGHT || d == BACK) ? 1 : -1;
        return v;
    }

    private static String letters(byte[] xyz) {
        StringBuilder s = new StringBuilder();
        for (byte b : xyz) s.append(LETTERS.charAt(b - 1));
        return s.toString();
    }

    @Override
    public String toString() {
        return NAME + "[" + letters(xyz) + "]";
    }
}
