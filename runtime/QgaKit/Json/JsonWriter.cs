using System;

namespace QgaKit.Json;

// CONTRACT STUB (lead): public shape fixed, bodies by the JSON helper.

/// <summary>
/// Writes JSON exactly as qemu-ga's writer does: <c>", "</c> between members and elements, <c>": "</c> after keys,
/// non-ASCII and control characters as upper-case <c>\uXXXX</c> (surrogate pairs above the BMP), shortest
/// round-trip numbers. Separators are inserted automatically. Reusable: <see cref="Reset"/> keeps the buffer.
/// </summary>
public sealed partial class JsonWriter
{
    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => throw new NotImplementedException();

    /// <summary>Bytes written since the last <see cref="Reset"/>.</summary>
    public int WrittenCount => throw new NotImplementedException();

    public void Reset() => throw new NotImplementedException();

    public void WriteStartObject() => throw new NotImplementedException();

    public void WriteEndObject() => throw new NotImplementedException();

    public void WriteStartArray() => throw new NotImplementedException();

    public void WriteEndArray() => throw new NotImplementedException();

    /// <summary>Writes a member name; an ASCII literal such as <c>"return"u8</c> is written as is.</summary>
    public void WritePropertyName(ReadOnlySpan<byte> utf8Name) => throw new NotImplementedException();

    public void WritePropertyName(string name) => throw new NotImplementedException();

    public void WriteString(string value) => throw new NotImplementedException();

    public void WriteString(ReadOnlySpan<char> value) => throw new NotImplementedException();

    /// <summary>Writes UTF-8 text as a JSON string; invalid UTF-8 becomes <c>\uFFFD</c> as in qemu-ga.</summary>
    public void WriteStringUtf8(ReadOnlySpan<byte> utf8) => throw new NotImplementedException();

    public void WriteNumber(long value) => throw new NotImplementedException();

    public void WriteNumber(ulong value) => throw new NotImplementedException();

    public void WriteNumber(double value) => throw new NotImplementedException();

    public void WriteBoolean(bool value) => throw new NotImplementedException();

    public void WriteNull() => throw new NotImplementedException();

    public void WriteValue(JsonValue value) => throw new NotImplementedException();
}
