using System;
using System.Text;

namespace QgaKit.Tests.Conformance;

/// <summary>One reply line from an agent: its JSON text (without the trailing <c>\n</c>) and whether a 0xFF
/// sentinel preceded it (guest-sync-delimited's own reply, reference 1.5).</summary>
public sealed record Reply(bool Delimited, string Text)
{
    /// <summary>Parses the notation used for recorded expectations: a leading <c>\u00FF</c> means delimited.</summary>
    public static Reply FromNotation(string line) =>
        line.Length > 0 && line[0] == '\u00FF' ? new Reply(true, line[1..]) : new Reply(false, line);

    /// <summary>Builds a reply from the raw bytes of one line (without its <c>\n</c>).</summary>
    public static Reply FromBytes(ReadOnlySpan<byte> line)
    {
        var delimited = line.Length > 0 && line[0] == 0xFF;
        if (delimited)
        {
            line = line[1..];
        }

        // qemu-ga escapes every non-ASCII character, so replies are ASCII; Latin-1 keeps any stray byte visible.
        return new Reply(delimited, IsAscii(line) ? Encoding.ASCII.GetString(line) : Encoding.Latin1.GetString(line));
    }

    private static bool IsAscii(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Python-repr-like form, as the reference document quotes bytes.</summary>
    public override string ToString() => (Delimited ? "\\xff" : string.Empty) + Text;
}
