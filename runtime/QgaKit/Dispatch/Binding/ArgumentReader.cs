using System;
using System.Diagnostics.CodeAnalysis;
using QgaKit.Json;
using QgaKit.Protocol;

namespace QgaKit.Dispatch.Binding;

/// <summary>
/// Reads argument values with QAPI's rules; generated handlers call these. An explicit <c>null</c> is a type error
/// (QAPI never accepts null where a value is declared), integers are range-checked like
/// <c>visit_type_intN</c>/<c>visit_type_uintN</c>.
/// </summary>
public static class ArgumentReader
{
    public static bool ReadBoolean(JsonValue value, ValuePath path) => value.Kind switch
    {
        JsonKind.True => true,
        JsonKind.False => false,
        _ => throw BindingErrors.InvalidType(path, "boolean"),
    };

    public static long ReadInt64(JsonValue value, ValuePath path)
        => value.Kind == JsonKind.Number && value.TryGetInt64(out var result) ? result : throw BindingErrors.InvalidType(path, "integer");

    /// <summary>QAPI's uint64: negative int64 values are accepted and reinterpreted (see <see cref="JsonValue.TryGetUInt64"/>).</summary>
    public static ulong ReadUInt64(JsonValue value, ValuePath path)
        => value.Kind == JsonKind.Number && value.TryGetUInt64(out var result) ? result : throw BindingErrors.InvalidType(path, "integer");

    public static int ReadInt32(JsonValue value, ValuePath path) => (int)ReadSigned(value, path, int.MinValue, int.MaxValue, "int32_t");

    public static short ReadInt16(JsonValue value, ValuePath path) => (short)ReadSigned(value, path, short.MinValue, short.MaxValue, "int16_t");

    public static sbyte ReadSByte(JsonValue value, ValuePath path) => (sbyte)ReadSigned(value, path, sbyte.MinValue, sbyte.MaxValue, "int8_t");

    public static uint ReadUInt32(JsonValue value, ValuePath path) => (uint)ReadUnsigned(value, path, uint.MaxValue, "uint32_t");

    public static ushort ReadUInt16(JsonValue value, ValuePath path) => (ushort)ReadUnsigned(value, path, ushort.MaxValue, "uint16_t");

    public static byte ReadByte(JsonValue value, ValuePath path) => (byte)ReadUnsigned(value, path, byte.MaxValue, "uint8_t");

    /// <summary>QAPI's number: any number token, integers included.</summary>
    public static double ReadDouble(JsonValue value, ValuePath path)
        => value.Kind == JsonKind.Number && value.TryGetDouble(out var result) ? result : throw BindingErrors.InvalidType(path, "number");

    public static string ReadString(JsonValue value, ValuePath path)
    {
        ExpectString(value, path);
        return value.GetString();
    }

    /// <summary>QAPI's <c>any</c>: every value, null included; cloned so the command may keep it.</summary>
    public static JsonValue ReadAny(JsonValue value, ValuePath path) => value.Clone();

    public static void ExpectString(JsonValue value, ValuePath path)
    {
        if (value.Kind != JsonKind.String)
        {
            throw BindingErrors.InvalidType(path, "string");
        }
    }

    public static void ExpectObject(JsonValue value, ValuePath path)
    {
        if (value.Kind != JsonKind.Object)
        {
            throw BindingErrors.InvalidType(path, "object");
        }
    }

    public static void ExpectArray(JsonValue value, ValuePath path)
    {
        if (value.Kind != JsonKind.Array)
        {
            throw BindingErrors.InvalidType(path, "array");
        }
    }

    /// <summary>The error for a string that is no enum member's name.</summary>
    public static QgaException InvalidValue(JsonValue value, ValuePath path) => BindingErrors.InvalidValue(path, value.GetString());

    public static QgaException Missing(ValuePath path) => BindingErrors.Missing(path);

    /// <summary>Throws for the member of <paramref name="value"/> not in <paramref name="known"/> that qemu reports:
    /// qobject_input_check_struct walks the unvisited members in QDict order (<see cref="QdictOrder"/>), so with
    /// several unexpected members the same one is named. Called only when the member count shows there is one.</summary>
    [DoesNotReturn]
    public static void ThrowUnexpected(JsonValue value, string[] known, ValuePath path)
    {
        ArgumentNullException.ThrowIfNull(known);
        string? first = null;
        var firstIndex = -1;
        var index = 0;
        foreach (var member in value.EnumerateObject())
        {
            var name = member.Name;
            if (Array.IndexOf(known, name) < 0 && (first is null || QdictOrder.Precedes(name, index, first, firstIndex)))
            {
                first = name;
                firstIndex = index;
            }

            index++;
        }

        // Null only with a parser that lets duplicate keys through; never fail silently on a miscount.
        throw BindingErrors.Unexpected(path.Member(first ?? "?"));
    }

    private static long ReadSigned(JsonValue value, ValuePath path, long min, long max, string cType)
    {
        var result = ReadInt64(value, path);
        return result < min || result > max ? throw BindingErrors.OutOfRange(path, cType) : result;
    }

    private static ulong ReadUnsigned(JsonValue value, ValuePath path, ulong max, string cType)
    {
        var result = ReadUInt64(value, path);
        return result > max ? throw BindingErrors.OutOfRange(path, cType) : result;
    }
}
