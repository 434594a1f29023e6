package dev.rerun4j.model.arrow;

import java.util.stream.Collectors;

final class TypeDisplay {
    private TypeDisplay() {}

    static String of(DataType t) {
        if (t instanceof DataType.Int i) return (i.signed() ? "Int" : "UInt") + i.bitWidth();
        if (t instanceof DataType.FloatingPoint f) return "Float" + (f.byteWidth() * 8);
        if (t instanceof DataType.Bool) return "Boolean";
        if (t instanceof DataType.Utf8) return "Utf8";
        if (t instanceof DataType.Null) return "Null";
        if (t instanceof DataType.FixedSizeBinary b) return "FixedSizeBinary(" + b.byteWidth() + ")";
        if (t instanceof DataType.TimestampNs) return "Timestamp(ns)";
        if (t instanceof DataType.DurationNs) return "Duration(ns)";
        if (t instanceof DataType.ListType l) return "List<" + field(l.item()) + ">";
        if (t instanceof DataType.FixedSizeList l) return "FixedSizeList<" + field(l.item()) + ">[" + l.size() + "]";
        if (t instanceof DataType.Struct s) {
            return "Struct{" + s.children().stream().map(TypeDisplay::field).collect(Collectors.joining(", ")) + "}";
        }
        if (t instanceof DataType.DenseUnion u) {
            return "DenseUnion{" + u.children().stream().map(TypeDisplay::field).collect(Collectors.joining(", ")) + "}";
        }
        return t.toString();
    }

    private static String field(Field f) {
        return f.name() + ": " + of(f.type()) + (f.nullable() ? "?" : "");
    }
}
