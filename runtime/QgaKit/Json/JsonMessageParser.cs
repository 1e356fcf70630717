using System;

namespace QgaKit.Json;

/// <summary>
/// Parses the tokens of one complete message (qemu's <c>json-parser.c</c>): a recursive-descent grammar, run here
/// with an explicit stack, where the first error wins. On success the tokens become the value tree: openers point to
/// their closers, closers hold the element count, strings are decoded in place and keywords resolved.
/// </summary>
internal sealed class JsonMessageParser
{
    /// <summary>Objects with more members than this use the hash table for duplicate keys.</summary>
    private const int LinearKeyScan = 8;

    private enum Position : byte
    {
        ArrayElement,
        ObjectKey,
        ObjectValue,
    }

    private Frame[] _frames = new Frame[16];
    private readonly JsonKeyTable _keys = new();

    private struct Frame
    {
        public int Opener;
        public int Count;
        public int Key;
        public Position Position;
    }

    /// <returns>null when the tokens form one valid value (rooted at token 0), else qemu-ga's error text.</returns>
    public string? Parse(JsonDocument doc)
    {
        _keys.Clear();
        var tokens = doc.Tokens;
        int n = doc.TokenCount;
        int depth = 0;
        int pos = 0;

    ParseValue:
        if (pos >= n)
        {
            return JsonErrors.PrematureEoi;
        }

        int value = pos;
        ref var t = ref tokens[pos];
        switch (t.Type)
        {
            case JsonTokenType.LeftCurly:
            case JsonTokenType.LeftSquare:
            {
                bool isObject = t.Type == JsonTokenType.LeftCurly;
                t.Kind = isObject ? JsonKind.Object : JsonKind.Array;
                pos++;
                if (pos >= n)
                {
                    return JsonErrors.PrematureEoi;
                }

                var closer = isObject ? JsonTokenType.RightCurly : JsonTokenType.RightSquare;
                if (tokens[pos].Type == closer)
                {
                    t.Aux = pos;
                    tokens[pos].Aux = 0;
                    pos++;
                    goto ValueDone;
                }

                if (depth == _frames.Length)
                {
                    Array.Resize(ref _frames, depth * 2);
                }

                _frames[depth++] = new Frame
                {
                    Opener = value,
                    Position = isObject ? Position.ObjectKey : Position.ArrayElement,
                };
                goto ParseValue;
            }

            case JsonTokenType.String:
            {
                var error = JsonStringDecoder.DecodeInPlace(doc.Text, t.Start, t.Length, out int decoded);
                if (error is not null)
                {
                    return error;
                }

                t.Start++;
                t.Length = decoded;
                t.Kind = JsonKind.String;
                pos++;
                goto ValueDone;
            }

            case JsonTokenType.Integer:
            case JsonTokenType.Float:
                t.Kind = JsonKind.Number;
                pos++;
                goto ValueDone;

            case JsonTokenType.Keyword:
            {
                var word = doc.Bytes(pos);
                if (word.SequenceEqual("true"u8))
                {
                    t.Kind = JsonKind.True;
                }
                else if (word.SequenceEqual("false"u8))
                {
                    t.Kind = JsonKind.False;
                }
                else if (word.SequenceEqual("null"u8))
                {
                    t.Kind = JsonKind.Null;
                }
                else
                {
                    return JsonErrors.InvalidKeyword(word);
                }

                pos++;
                goto ValueDone;
            }

            default:
                return JsonErrors.ExpectingValue;
        }

    ValueDone:
        if (depth == 0)
        {
            return null;
        }

        ref var frame = ref _frames[depth - 1];
        switch (frame.Position)
        {
            case Position.ArrayElement:
            {
                frame.Count++;
                if (pos >= n)
                {
                    return JsonErrors.PrematureEoi;
                }

                var next = tokens[pos].Type;
                if (next == JsonTokenType.RightSquare)
                {
                    value = Close(tokens, ref frame, pos++);
                    depth--;
                    goto ValueDone;
                }

                if (next != JsonTokenType.Comma)
                {
                    return JsonErrors.ExpectedSeparatorInList;
                }

                pos++;
                goto ParseValue;
            }

            case Position.ObjectKey:
                if (tokens[value].Type != JsonTokenType.String)
                {
                    return JsonErrors.KeyIsNotString;
                }

                if (pos >= n)
                {
                    return JsonErrors.PrematureEoi;
                }

                if (tokens[pos].Type != JsonTokenType.Colon)
                {
                    return JsonErrors.MissingColon;
                }

                frame.Key = value;
                frame.Position = Position.ObjectValue;
                pos++;
                goto ParseValue;

            default:
            {
                if (!AddKey(doc, ref frame))
                {
                    return JsonErrors.DuplicateKey;
                }

                frame.Count++;
                if (pos >= n)
                {
                    return JsonErrors.PrematureEoi;
                }

                var next = tokens[pos].Type;
                if (next == JsonTokenType.RightCurly)
                {
                    value = Close(tokens, ref frame, pos++);
                    depth--;
                    goto ValueDone;
                }

                if (next != JsonTokenType.Comma)
                {
                    return JsonErrors.ExpectedSeparatorInDict;
                }

                frame.Position = Position.ObjectKey;
                pos++;
                goto ParseValue;
            }
        }
    }

    private static int Close(JsonToken[] tokens, ref Frame frame, int closer)
    {
        tokens[frame.Opener].Aux = closer;
        tokens[closer].Aux = frame.Count;
        return frame.Opener;
    }

    /// <summary>qemu checks for a duplicate after the member's value has parsed, comparing decoded keys.</summary>
    private bool AddKey(JsonDocument doc, ref Frame frame)
    {
        if (frame.Count < LinearKeyScan)
        {
            var name = doc.Bytes(frame.Key);
            int key = frame.Opener + 1;
            for (int i = 0; i < frame.Count; i++)
            {
                if (doc.Bytes(key).SequenceEqual(name))
                {
                    return false;
                }

                key = doc.End(key + 2) + 2;
            }

            return true;
        }

        if (frame.Count == LinearKeyScan)
        {
            int key = frame.Opener + 1;
            for (int i = 0; i < frame.Count; i++)
            {
                _keys.Add(doc, frame.Opener, key);
                key = doc.End(key + 2) + 2;
            }
        }

        return _keys.Add(doc, frame.Opener, frame.Key);
    }
}
