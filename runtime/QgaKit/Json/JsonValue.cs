using System;

namespace QgaKit.Json;

// CONTRACT STUB (lead): the public shape is fixed; the JSON helper implements the bodies and may add members.
// A JsonValue is a view into a parsed message (JsonDocument). It stays valid until the parser that produced it
// reads its next message; call Clone() to keep it longer (e.g. an `any` argument a command stores).

/// <summary>A read-only view of one value of a parsed message, without per-value allocation.</summary>
public readonly partial struct JsonValue
{
    /// <summary>The value's kind; <see cref="JsonKind.Undefined"/> for <c>default(JsonValue)</c>.</summary>
    public JsonKind Kind => throw new NotImplementedException();

    /// <summary>An empty object, used as <c>arguments</c> when a request has none.</summary>
    public static JsonValue EmptyObject => throw new NotImplementedException();

    /// <summary>Integer reading with QAPI's rules: only a number token without fraction or exponent that fits.</summary>
    public bool TryGetInt64(out long value) => throw new NotImplementedException();

    /// <summary>Like <see cref="TryGetInt64"/> for QAPI's uint64: also accepts 2^63…2^64-1; negative integers are
    /// accepted only when they fit int64 and are reinterpreted as QAPI does (see the JSON helper's notes).</summary>
    public bool TryGetUInt64(out ulong value) => throw new NotImplementedException();

    /// <summary>QAPI <c>number</c>: any number token (integers included).</summary>
    public bool TryGetDouble(out double value) => throw new NotImplementedException();

    /// <summary>True for <see cref="JsonKind.True"/>, false for <see cref="JsonKind.False"/>; throws otherwise.</summary>
    public bool GetBoolean() => throw new NotImplementedException();

    /// <summary>The decoded string (allocates). Throws when <see cref="Kind"/> is not <see cref="JsonKind.String"/>.</summary>
    public string GetString() => throw new NotImplementedException();

    /// <summary>Compares the decoded string with UTF-8 text without allocating.</summary>
    public bool ValueEquals(ReadOnlySpan<byte> utf8) => throw new NotImplementedException();

    /// <summary>Compares the decoded string with a .NET string without allocating.</summary>
    public bool ValueEquals(string text) => throw new NotImplementedException();

    /// <summary>Number of elements of an array, or of members of an object.</summary>
    public int GetLength() => throw new NotImplementedException();

    /// <summary>Finds an object member by name (UTF-8), without allocating.</summary>
    public bool TryGetProperty(ReadOnlySpan<byte> utf8Name, out JsonValue value) => throw new NotImplementedException();

    /// <summary>Finds an object member by name, without allocating.</summary>
    public bool TryGetProperty(string name, out JsonValue value) => throw new NotImplementedException();

    /// <summary>The members of an object in request order.</summary>
    public ObjectEnumerator EnumerateObject() => throw new NotImplementedException();

    /// <summary>The elements of an array in order.</summary>
    public ArrayEnumerator EnumerateArray() => throw new NotImplementedException();

    /// <summary>A copy that owns its storage and outlives the parser's next message.</summary>
    public JsonValue Clone() => throw new NotImplementedException();

    /// <summary>Writes the value in qemu-ga's style (used to echo <c>id</c> and to return <c>any</c>).</summary>
    public void WriteTo(JsonWriter writer) => throw new NotImplementedException();

    /// <summary>Allocation-free enumerator over an object's members.</summary>
    public struct ObjectEnumerator
    {
        public JsonProperty Current => throw new NotImplementedException();

        public bool MoveNext() => throw new NotImplementedException();

        public ObjectEnumerator GetEnumerator() => this;
    }

    /// <summary>Allocation-free enumerator over an array's elements.</summary>
    public struct ArrayEnumerator
    {
        public JsonValue Current => throw new NotImplementedException();

        public bool MoveNext() => throw new NotImplementedException();

        public ArrayEnumerator GetEnumerator() => this;
    }
}

/// <summary>One member of a JSON object.</summary>
public readonly partial struct JsonProperty
{
    /// <summary>The member's name (allocates a string).</summary>
    public string Name => throw new NotImplementedException();

    /// <summary>Compares the member's name with UTF-8 text without allocating.</summary>
    public bool NameEquals(ReadOnlySpan<byte> utf8) => throw new NotImplementedException();

    public JsonValue Value => throw new NotImplementedException();
}
