using System;
using System.Collections.Generic;
using System.Text;

namespace QgaKit.Freezing;

/// <summary>
/// The kernel escapes space, tab, newline and backslash in mount names as <c>\ooo</c>; qemu-ga's decode_mntname
/// turns <c>\[0-3][0-7][0-7]</c> into that byte and <c>\\</c> into one backslash, and keeps anything else.
/// </summary>
internal static class MountNameDecoder
{
    public static string Decode(string name)
    {
        if (name.IndexOf('\\', StringComparison.Ordinal) < 0)
        {
            return name;
        }

        // Decode bytes: an escape may be one byte of a multi-byte UTF-8 character.
        var utf8 = Encoding.UTF8.GetBytes(name);
        var bytes = new List<byte>(utf8.Length);
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] != (byte)'\\')
            {
                bytes.Add(utf8[i]);
            }
            else if (i + 1 < utf8.Length && utf8[i + 1] == (byte)'\\')
            {
                bytes.Add((byte)'\\');
                i++;
            }
            else if (i + 3 < utf8.Length && utf8[i + 1] is >= (byte)'0' and <= (byte)'3' && IsOctal(utf8[i + 2]) && IsOctal(utf8[i + 3]))
            {
                bytes.Add((byte)(((utf8[i + 1] - '0') << 6) | ((utf8[i + 2] - '0') << 3) | (utf8[i + 3] - '0')));
                i += 3;
            }
            else
            {
                bytes.Add(utf8[i]);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsOctal(byte b) => b is >= (byte)'0' and <= (byte)'7';
}
