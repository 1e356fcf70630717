using System;
using System.Buffers;

namespace QgaKit.Json;

/// <summary>
/// Validates and decodes a string token the way qemu's parser does (<c>parse_string</c>): escapes
/// <c>\" \' \\ \/ \b \f \n \r \t \uXXXX</c> (surrogate pairs combined), qemu's UTF-8 rules for raw bytes. The decoded
/// text is standard UTF-8 (U+0000 as one 0x00 byte) and is written in place: it is never longer than the token.
/// </summary>
internal static class JsonStringDecoder
{
    private static readonly SearchValues<byte> NeedsDecoding = SearchValues.Create(CreateNeedsDecoding());

    private static byte[] CreateNeedsDecoding()
    {
        var bytes = new byte[129];
        bytes[0] = (byte)'\\';
        for (int i = 0; i < 128; i++)
        {
            bytes[i + 1] = (byte)(0x80 + i);
        }

        return bytes;
    }

    /// <summary>Decodes the token <c>text[start..start+length)</c> (quotes included) to <c>text[start+1..]</c>.</summary>
    /// <returns>null, or qemu-ga's error text.</returns>
    public static string? DecodeInPlace(byte[] text, int start, int length, out int decodedLength)
    {
        int tokenEnd = start + length;
        int close = tokenEnd - 1;
        int r = start + 1;
        int w = r;

        // Fast path: plain ASCII without escapes is already decoded.
        int plain = text.AsSpan(r, close - r).IndexOfAny(NeedsDecoding);
        if (plain < 0)
        {
            decodedLength = close - r;
            return null;
        }

        r += plain;
        w = r;
        while (r < close)
        {
            byte b = text[r];
            if (b == (byte)'\\')
            {
                int escape = r;
                byte e = text[r + 1];
                r += 2;
                switch (e)
                {
                    case (byte)'"':
                    case (byte)'\'':
                    case (byte)'\\':
                    case (byte)'/':
                        text[w++] = e;
                        break;
                    case (byte)'b':
                        text[w++] = (byte)'\b';
                        break;
                    case (byte)'f':
                        text[w++] = (byte)'\f';
                        break;
                    case (byte)'n':
                        text[w++] = (byte)'\n';
                        break;
                    case (byte)'r':
                        text[w++] = (byte)'\r';
                        break;
                    case (byte)'t':
                        text[w++] = (byte)'\t';
                        break;
                    case (byte)'u':
                    {
                        int cp = Hex4(text, r, tokenEnd);
                        r += 4;
                        if (cp >= 0xD800 && cp <= 0xDBFF && r + 1 < tokenEnd && text[r] == (byte)'\\' && text[r + 1] == (byte)'u')
                        {
                            cp = 0x10000 + ((cp & 0x3FF) << 10);
                            int trailing = Hex4(text, r + 2, tokenEnd);
                            if (trailing >= 0xDC00 && trailing <= 0xDFFF)
                            {
                                cp |= trailing & 0x3FF;
                                r += 6;
                            }
                            else
                            {
                                cp = -1;
                            }
                        }

                        if (!ModifiedUtf8.IsValidCodePoint(cp))
                        {
                            // qemu quotes the escape text it consumed; its token ends in a NUL, hence the clip.
                            decodedLength = 0;
                            return JsonErrors.InvalidUnicodeEscape(text.AsSpan(escape, Math.Min(r, tokenEnd) - escape));
                        }

                        w += WriteUtf8(text, w, cp);
                        break;
                    }

                    default:
                        decodedLength = 0;
                        return JsonErrors.InvalidEscape;
                }
            }
            else if (b < 0x80)
            {
                text[w++] = b;
                r++;
            }
            else
            {
                int cp = ModifiedUtf8.Decode(text.AsSpan(r, tokenEnd - r), out int consumed);
                if (cp < 0)
                {
                    decodedLength = 0;
                    return JsonErrors.InvalidUtf8;
                }

                r += consumed;
                w += WriteUtf8(text, w, cp);
            }
        }

        decodedLength = w - (start + 1);
        return null;
    }

    /// <summary>Four hex digits at <paramref name="pos"/>, or -1 (qemu stops at the first non-digit; past the token is NUL).</summary>
    private static int Hex4(byte[] text, int pos, int limit)
    {
        int cp = 0;
        for (int i = 0; i < 4; i++)
        {
            if (pos + i >= limit)
            {
                return -1;
            }

            int d = HexValue(text[pos + i]);
            if (d < 0)
            {
                return -1;
            }

            cp = (cp << 4) | d;
        }

        return cp;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static int WriteUtf8(byte[] text, int w, int cp)
    {
        if (cp < 0x80)
        {
            text[w] = (byte)cp;
            return 1;
        }

        if (cp < 0x800)
        {
            text[w] = (byte)(0xC0 | (cp >> 6));
            text[w + 1] = (byte)(0x80 | (cp & 0x3F));
            return 2;
        }

        if (cp < 0x10000)
        {
            text[w] = (byte)(0xE0 | (cp >> 12));
            text[w + 1] = (byte)(0x80 | ((cp >> 6) & 0x3F));
            text[w + 2] = (byte)(0x80 | (cp & 0x3F));
            return 3;
        }

        text[w] = (byte)(0xF0 | (cp >> 18));
        text[w + 1] = (byte)(0x80 | ((cp >> 12) & 0x3F));
        text[w + 2] = (byte)(0x80 | ((cp >> 6) & 0x3F));
        text[w + 3] = (byte)(0x80 | (cp & 0x3F));
        return 4;
    }
}
