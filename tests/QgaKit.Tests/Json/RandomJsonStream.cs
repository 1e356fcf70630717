using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace QgaKit.Tests.Json;

/// <summary>
/// Random byte streams that hit every lexer and parser path: near-JSON built from valid and broken strings,
/// numbers, keywords and structure, pings with random ids, stray bytes, 0xFF/0xFE and raw random bytes.
/// </summary>
internal static class RandomJsonStream
{
    private static readonly byte[][] StringPieces = Pieces(
        "a", "Z", " ", "\\n", "\\t", "\\\"", "\\'", "\\\\", "\\/", "\\u0041", "\\u00e9", "\\uD83D\\uDE00", "\\ud800",
        "\\udc00x", "\\uffff", "\\u12", "\\x", "\u00C3\u00A9", "\u00C3", "\u00E2\u0082\u00AC", "\u00F0\u009F\u0098\u0080",
        "\u00ED\u00A0\u0080", "\u00C0\u0080", "\u00EF\u00BF\u00BF", "\u0001", "\t", "\u007F", "\u00FF", "\u00FE", "\"", "'",
        "\\", "%", "\u0000");

    private static readonly byte[][] Numbers = Pieces(
        "0", "1", "-1", "12", "01", "-0", "1.5", "1.", ".5", "1e3", "1E+3", "1e", "1e-", "-", "--1", "9223372036854775807",
        "9223372036854775808", "18446744073709551616", "-9223372036854775809", "1e400", "0.1", "1.5.3", "0x10", "1e5e", "00");

    private static readonly byte[][] Words = Pieces("true", "false", "null", "nul", "True", "garbage", "x");

    private static readonly byte[][] Singles = Pieces(
        "{", "}", "[", "]", ",", ":", " ", "\n", "\t", "\r", "\u00FF", "\u00FE", "\u0000", "\u0001", "G", "%", "\"");

    private static readonly byte[][] NumberEnds = Pieces(" ", "", "}", "]", ",", "a");

    public static byte[] Case(Random random)
    {
        var output = new MemoryStream();
        int fragments = random.Next(1, 9);
        for (int i = 0; i < fragments; i++)
        {
            Fragment(random, output);
        }

        output.WriteByte((byte)'\n');
        return output.ToArray();
    }

    /// <summary>Several cases, each followed by 0xFF and a valid request now and then.</summary>
    public static byte[] Stream(Random random, int cases)
    {
        var output = new MemoryStream();
        for (int i = 0; i < cases; i++)
        {
            output.Write(Case(random));
        }

        return output.ToArray();
    }

    private static void Fragment(Random r, MemoryStream o)
    {
        double k = r.NextDouble();
        if (k < 0.25)
        {
            o.Write("{\"execute\":\"guest-ping\",\"id\":"u8);
            Value(r, o, 0);
            o.WriteByte((byte)'}');
        }
        else if (k < 0.45)
        {
            Value(r, o, 0);
        }
        else if (k < 0.6)
        {
            o.Write(Pick(r, Singles));
        }
        else if (k < 0.7)
        {
            int n = r.Next(1, 6);
            for (int i = 0; i < n; i++)
            {
                o.WriteByte((byte)r.Next(256));
            }
        }
        else if (k < 0.85)
        {
            o.Write(Pick(r, Numbers));
            o.Write(Pick(r, NumberEnds));
        }
        else
        {
            String(r, o);
        }
    }

    private static void Value(Random r, MemoryStream o, int depth)
    {
        double k = r.NextDouble();
        if (k < 0.2 && depth < 4)
        {
            o.WriteByte((byte)'[');
            int n = r.Next(0, 4);
            for (int i = 0; i < n; i++)
            {
                if (i > 0)
                {
                    o.WriteByte((byte)',');
                }

                Value(r, o, depth + 1);
            }

            o.WriteByte((byte)']');
        }
        else if (k < 0.4 && depth < 4)
        {
            o.WriteByte((byte)'{');
            int n = r.Next(0, 4);
            for (int i = 0; i < n; i++)
            {
                if (i > 0)
                {
                    o.WriteByte((byte)',');
                }

                String(r, o);
                o.WriteByte((byte)':');
                Value(r, o, depth + 1);
            }

            o.WriteByte((byte)'}');
        }
        else if (k < 0.6)
        {
            String(r, o);
        }
        else if (k < 0.8)
        {
            o.Write(Pick(r, Numbers));
        }
        else
        {
            o.Write(Pick(r, Words));
        }
    }

    private static void String(Random r, MemoryStream o)
    {
        byte quote = r.Next(2) == 0 ? (byte)'"' : (byte)'\'';
        o.WriteByte(quote);
        int n = r.Next(0, 7);
        for (int i = 0; i < n; i++)
        {
            o.Write(Pick(r, StringPieces));
        }

        if (r.NextDouble() < 0.9)
        {
            o.WriteByte(quote);
        }
    }

    private static byte[] Pick(Random r, byte[][] choices) => choices[r.Next(choices.Length)];

    private static byte[][] Pieces(params string[] latin1)
    {
        var list = new List<byte[]>();
        foreach (var s in latin1)
        {
            list.Add(Encoding.Latin1.GetBytes(s));
        }

        return list.ToArray();
    }
}
