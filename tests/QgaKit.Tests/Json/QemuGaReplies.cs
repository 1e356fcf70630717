using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using QgaKit.Json;

namespace QgaKit.Tests.Json;

/// <summary>
/// Turns our parser's events into the reply lines qemu-ga writes for them, for the protocol commands the oracle
/// streams use (guest-ping, guest-sync): parse errors exactly, pings and syncs with their echoed <c>id</c>; any
/// other message maps to null ("some reply that is not a parse error").
/// </summary>
internal static partial class QemuGaReplies
{
    public static List<byte[]?> For(byte[] stream, int chunk = 4096)
    {
        var parser = new JsonStreamParser();
        var writer = new JsonWriter();
        var lines = new List<byte[]?>();
        for (int off = 0; off < stream.Length; off += chunk)
        {
            parser.Append(stream.AsSpan(off, Math.Min(chunk, stream.Length - off)));
            while (parser.TryRead(out var result))
            {
                lines.Add(Reply(result, writer));
            }
        }

        return lines;
    }

    public static byte[]? Reply(JsonReadResult result, JsonWriter writer)
    {
        writer.Reset();
        if (result.Kind == JsonReadKind.Error)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("error"u8);
            writer.WriteStartObject();
            writer.WritePropertyName("class"u8);
            writer.WriteStringUtf8("GenericError"u8);
            writer.WritePropertyName("desc"u8);
            writer.WriteString(result.Error!);
            writer.WriteEndObject();
            writer.WriteEndObject();
            return writer.WrittenSpan.ToArray();
        }

        var request = result.Value;
        if (request.Kind != JsonKind.Object || !request.TryGetProperty("execute"u8, out var execute))
        {
            return null;
        }

        bool hasId = request.TryGetProperty("id"u8, out var id);
        bool hasArguments = request.TryGetProperty("arguments"u8, out var arguments);
        int members = request.GetLength();
        if (execute.ValueEquals("guest-ping"u8) && !hasArguments && members == (hasId ? 2 : 1))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("return"u8);
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else if (execute.ValueEquals("guest-sync"u8) && hasArguments && members == (hasId ? 3 : 2)
            && arguments.Kind == JsonKind.Object && arguments.GetLength() == 1
            && arguments.TryGetProperty("id"u8, out var syncId) && syncId.TryGetInt64(out long value))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("return"u8);
            writer.WriteNumber(value);
        }
        else
        {
            return null;
        }

        if (hasId)
        {
            writer.WritePropertyName("id"u8);
            writer.WriteValue(id);
        }

        writer.WriteEndObject();
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>Equal bytes, or JSON-equal where qemu's bytes differ by design (hash order of an echoed object,
    /// %.17g doubles). qemu prints infinities as <c>inf</c>; read those as 1e999 to compare.</summary>
    public static bool Same(byte[] qemu, byte[]? ours)
    {
        if (ours is null)
        {
            return !Encoding.UTF8.GetString(qemu).Contains("\"desc\": \"JSON ", StringComparison.Ordinal);
        }

        if (qemu.AsSpan().SequenceEqual(ours))
        {
            return true;
        }

        try
        {
            return JsonValue.DeepEquals(JsonValue.Parse(Infinity(qemu)), JsonValue.Parse(Infinity(ours)));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Infinity(byte[] line) => InfinityPattern().Replace(Encoding.UTF8.GetString(line), "${1}1e999");

    [GeneratedRegex(@"(?<=[\[ ])(-?)inf(?=[,\]}])")]
    private static partial Regex InfinityPattern();
}
