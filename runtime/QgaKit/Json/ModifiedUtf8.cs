using System;
using System.Text;

namespace QgaKit.Json;

/// <summary>
/// qemu's UTF-8 rules (<c>util/unicode.c</c>): the parser validates strings with them and the writer turns every
/// invalid step into U+FFFD with them, so both must step through bad bytes exactly as qemu does.
/// </summary>
internal static class ModifiedUtf8
{
    /// <summary>Surrogates, noncharacters (U+FDD0..U+FDEF, U+xxFFFE, U+xxFFFF) and anything past U+10FFFF are
    /// not valid code points for qemu: not in input strings, not in \u escapes, not in output.</summary>
    public static bool IsValidCodePoint(int cp)
    {
        if ((uint)cp > 0x10FFFF)
        {
            return false;
        }

        if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
        {
            return false;
        }

        return cp < 0xD800 || cp > 0xDFFF;
    }

    /// <summary>
    /// Decodes one code point at the start of <paramref name="s"/>; -1 when invalid. <paramref name="consumed"/>
    /// follows qemu: 1 for 0xFE/0xFF or a stray continuation byte; up to (not including) the first non-continuation
    /// byte when a sequence is cut short; the whole sequence otherwise. The overlong C0 80 is U+0000 (modified UTF-8).
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> s, out int consumed)
    {
        int lead = s[0];
        if (lead < 0x80)
        {
            consumed = 1;
            return lead;
        }

        if (lead >= 0xFE || (lead & 0x40) == 0)
        {
            consumed = 1;
            return -1;
        }

        int len = 0;
        int mask = 0x80;
        while ((lead & mask) != 0)
        {
            len++;
            mask >>= 1;
        }

        int cp = lead & (mask - 1);
        for (int i = 1; i < len; i++)
        {
            int b = i < s.Length ? s[i] : 0;
            if ((b & 0xC0) != 0x80)
            {
                consumed = i;
                return -1;
            }

            cp = (cp << 6) | (b & 0x3F);
        }

        consumed = len;
        if (!IsValidCodePoint(cp))
        {
            return -1;
        }

        if (cp < MinimumForLength(len) && !(cp == 0 && len == 2))
        {
            return -1;
        }

        return cp;
    }

    private static int MinimumForLength(int len) => len switch
    {
        2 => 0x80,
        3 => 0x800,
        4 => 0x10000,
        5 => 0x200000,
        _ => 0x4000000,
    };

    /// <summary>
    /// The text a C string holding these bytes stands for once qemu's writer has printed it: it ends at the first
    /// NUL, every invalid step is U+FFFD (our writer prints that as <c>\uFFFD</c>, as qemu does).
    /// </summary>
    public static string ToCString(ReadOnlySpan<byte> bytes)
    {
        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            bytes = bytes[..nul];
        }

        var sb = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            int cp = Decode(bytes, out int consumed);
            bytes = bytes[consumed..];
            if (cp < 0)
            {
                cp = 0xFFFD;
            }

            if (cp > 0xFFFF)
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
            else
            {
                sb.Append((char)cp);
            }
        }

        return sb.ToString();
    }
}
