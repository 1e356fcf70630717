namespace QgaKit.Json;

/// <summary>The kind of a parsed JSON value. <see cref="Number"/> keeps its source text so that integer and
/// floating-point readings follow QAPI's rules (an integer is only an integer if it was written as one).</summary>
public enum JsonKind : byte
{
    Undefined = 0,
    Null,
    False,
    True,
    Number,
    String,
    Object,
    Array,
}
