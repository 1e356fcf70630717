using System;

namespace QgaKit.Json;

// CONTRACT STUB (lead): public shape fixed, bodies by the JSON helper.

/// <summary>What one step of the stream parser produced.</summary>
public enum JsonReadKind : byte
{
    /// <summary>A complete top-level value (any kind; the protocol layer checks it is an object).</summary>
    Message,

    /// <summary>A parse error; <see cref="JsonReadResult.Error"/> holds qemu-ga's text, e.g. <c>JSON parse error, stray '\uFFFD'</c>.</summary>
    Error,
}

/// <summary>One message or one parse error. <see cref="Value"/> is valid until the next <c>TryRead</c>/<c>Append</c>.</summary>
public readonly struct JsonReadResult
{
    public JsonReadResult(JsonReadKind kind, JsonValue value, string? error)
    {
        Kind = kind;
        Value = value;
        Error = error;
    }

    public JsonReadKind Kind { get; }

    public JsonValue Value { get; }

    /// <summary>The full desc text of the error reply (a cached string: no allocation per error).</summary>
    public string? Error { get; }
}

/// <summary>
/// qemu-ga's JSON stream parser: feed bytes as they arrive, pull complete messages and errors in order.
/// A message ends when brackets balance (no newline needed); 0xFF/0xFE reset it; garbage gives qemu-ga's error
/// texts and parsing resumes at the next structural character; limits: 64 MiB of token bytes, 2,097,152 tokens,
/// depth 1024 per message. State is kept across <see cref="Append"/> calls (and client reconnects).
/// </summary>
public sealed partial class JsonStreamParser
{
    /// <summary>Adds input bytes. Does not parse yet; call <see cref="TryRead"/> until it returns false.</summary>
    public void Append(ReadOnlySpan<byte> data) => throw new NotImplementedException();

    /// <summary>Parses buffered input until one message or error is complete.</summary>
    public bool TryRead(out JsonReadResult result) => throw new NotImplementedException();

    /// <summary>Drops all partial input and state.</summary>
    public void Reset() => throw new NotImplementedException();
}
