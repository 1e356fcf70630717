using System;
using QgaKit.Json;

namespace QgaKit.Protocol;

/// <summary>
/// Builds one reply line in qemu-ga's shapes and key order (reference 1.1): <c>{"return": R, "id": I}</c>,
/// <c>{"id": I, "error": {"class": C, "desc": D}}</c>, a parse error <c>{"error": {…}}</c>; each ends with one
/// <c>\n</c>, preceded by 0xFF when guest-sync-delimited asked for it. The buffer is reused: no allocation once grown.
/// </summary>
internal sealed class ReplyWriter
{
    private readonly JsonWriter _scratch = new();
    private const int InitialSize = 4096;
    private const int MaxRetained = 1 << 20;
    private byte[] _buffer = new byte[InitialSize];
    private int _length;

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    private static ReadOnlySpan<byte> Sentinel => [0xFF];

    public void Reset()
    {
        _length = 0;

        // A 64 MiB id echo must not pin 64 MiB for the agent's lifetime.
        if (_buffer.Length > MaxRetained)
        {
            _buffer = new byte[InitialSize];
        }
    }

    /// <summary>Writes the 0xFF sentinel (qemu-ga's <c>QGA_SENTINEL_BYTE</c>) in front of the reply.</summary>
    public void WriteDelimiter() => Append(Sentinel);

    /// <summary><paramref name="result"/> is the serialized <c>return</c> value; empty means <c>{}</c>.</summary>
    public void WriteSuccess(ReadOnlySpan<byte> result, JsonValue id, bool hasId)
    {
        Append("{\"return\": "u8);
        Append(result.IsEmpty ? "{}"u8 : result);
        if (hasId)
        {
            Append(", \"id\": "u8);
            AppendValue(id);
        }

        Append("}\n"u8);
    }

    public void WriteError(ReadOnlySpan<byte> errorClass, string desc, JsonValue id, bool hasId)
    {
        Append("{"u8);
        if (hasId)
        {
            Append("\"id\": "u8);
            AppendValue(id);
            Append(", "u8);
        }

        Append("\"error\": {\"class\": \""u8);
        Append(errorClass);
        Append("\", \"desc\": "u8);
        _scratch.Reset();
        _scratch.WriteString(desc);
        Append(_scratch.WrittenSpan);
        Append("}}\n"u8);
    }

    private void AppendValue(JsonValue value)
    {
        _scratch.Reset();
        value.WriteTo(_scratch);
        Append(_scratch.WrittenSpan);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length - _length < bytes.Length)
        {
            var size = Math.Max(_buffer.Length * 2, _length + bytes.Length);
            Array.Resize(ref _buffer, size);
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }
}
