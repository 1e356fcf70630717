using System;
using System.Text;

namespace QgaKit.Json;

/// <summary>Comparisons between decoded UTF-8 text and .NET strings, without allocating.</summary>
internal static class JsonText
{
    public static bool Utf8Equals(ReadOnlySpan<byte> utf8, ReadOnlySpan<char> text)
    {
        // ASCII fast path: same length and every char equal to its byte.
        if (utf8.Length == text.Length && Ascii.Equals(utf8, text))
        {
            return true;
        }

        while (!utf8.IsEmpty && !text.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(utf8, out var a, out int usedA) != System.Buffers.OperationStatus.Done
                || Rune.DecodeFromUtf16(text, out var b, out int usedB) != System.Buffers.OperationStatus.Done
                || a != b)
            {
                return false;
            }

            utf8 = utf8[usedA..];
            text = text[usedB..];
        }

        return utf8.IsEmpty && text.IsEmpty;
    }
}
