using System;

namespace QgaKit.Json;

/// <summary>
/// Storage of one parsed message: its tokens (which are also its value tree, see <see cref="JsonToken"/>) and the
/// bytes they point into. The stream parser reuses one instance for every message and bumps <see cref="Version"/>
/// when it moves on, so a <see cref="JsonValue"/> kept too long fails loudly instead of reading the next message.
/// Clones and <see cref="JsonValue.EmptyObject"/> own private, immutable instances.
/// </summary>
internal sealed class JsonDocument
{
    public JsonToken[] Tokens;
    public int TokenCount;
    public byte[] Text;
    public int TextLength;
    public int Version;

    public JsonDocument(JsonToken[] tokens, byte[] text)
    {
        Tokens = tokens;
        Text = text;
    }

    public static readonly JsonDocument EmptyObject = CreateEmptyObject();

    private static JsonDocument CreateEmptyObject()
    {
        var tokens = new JsonToken[2];
        tokens[0] = new JsonToken { Type = JsonTokenType.LeftCurly, Kind = JsonKind.Object, Aux = 1 };
        tokens[1] = new JsonToken { Type = JsonTokenType.RightCurly, Aux = 0 };
        return new JsonDocument(tokens, []) { TokenCount = 2 };
    }

    /// <summary>Index of the last token of the value that starts at <paramref name="index"/>.</summary>
    public int End(int index)
    {
        ref var t = ref Tokens[index];
        return t.Type is JsonTokenType.LeftCurly or JsonTokenType.LeftSquare ? t.Aux : index;
    }

    public ReadOnlySpan<byte> Bytes(int index)
    {
        ref var t = ref Tokens[index];
        return Text.AsSpan(t.Start, t.Length);
    }

    /// <summary>A standalone copy of the value at <paramref name="index"/>: its tokens and bytes are contiguous.</summary>
    public JsonDocument CloneValue(int index)
    {
        int end = End(index);
        int count = end - index + 1;
        int textStart = Tokens[index].Start;
        int textEnd = textStart;
        for (int i = index; i <= end; i++)
        {
            ref var t = ref Tokens[i];
            textStart = Math.Min(textStart, t.Start);
            textEnd = Math.Max(textEnd, t.Start + t.Length);
        }

        var text = Text.AsSpan(textStart, textEnd - textStart).ToArray();
        var tokens = new JsonToken[count];
        for (int i = 0; i < count; i++)
        {
            var t = Tokens[index + i];
            t.Start -= textStart;
            if (t.Type is JsonTokenType.LeftCurly or JsonTokenType.LeftSquare)
            {
                t.Aux -= index;
            }

            tokens[i] = t;
        }

        return new JsonDocument(tokens, text) { TokenCount = count, TextLength = text.Length };
    }
}
