using System;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace QgaKit.Json;

/// <summary>
/// Writes JSON exactly as qemu-ga's writer does: <c>", "</c> between members and elements, <c>": "</c> after keys,
/// non-ASCII and control characters as upper-case <c>\uXXXX</c> (surrogate pairs above the BMP), shortest
/// round-trip numbers. Separators are inserted automatically. Reusable: <see cref="Reset"/> keeps the buffer.
/// </summary>
/// <remarks>
/// Strings are escaped as qemu's <c>json-writer.c</c> does: <c>\" \\ \b \f \n \r \t</c>, every other character
/// below U+0020 or from U+007F up as <c>\uXXXX</c>; <c>/</c> is not escaped. Anything qemu would not accept as a
/// character — invalid UTF-8 (stepped through as qemu does), lone surrogates, noncharacters such as U+FFFE —
/// becomes <c>\uFFFD</c>. Doubles use qemu's <c>%.17g</c> layout (<c>1e+17</c>, <c>1e-05</c>, <c>inf</c>) but the
/// shortest digits that round-trip (qemu prints 17 significant digits: <c>0.1</c> is <c>0.10000000000000001</c>).
/// </remarks>
public sealed partial class JsonWriter
{
    /// <summary>Buffers bigger than this are given back at <see cref="Reset"/> (one huge reply must not pin memory).</summary>
    private const int KeepOnReset = JsonBuffers.LargeBytes;

    private static readonly SearchValues<byte> SafeBytes = SearchValues.Create(CreateSafe());
    private static readonly SearchValues<char> SafeChars = SearchValues.Create(Encoding.ASCII.GetString(CreateSafe()));

    private byte[] _buffer = [];
    private int _length;
    private bool _needsComma;
    private int _depth;

    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>The bytes written since the last <see cref="Reset"/>, for asynchronous writes.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _length);

    /// <summary>Bytes written since the last <see cref="Reset"/>.</summary>
    public int WrittenCount => _length;

    /// <summary>Containers started and not yet ended.</summary>
    public int CurrentDepth => _depth;

    public void Reset()
    {
        _length = 0;
        _needsComma = false;
        _depth = 0;
        if (_buffer.Length > KeepOnReset)
        {
            _buffer = [];
        }
    }

    public void WriteStartObject()
    {
        Separator();
        Put((byte)'{');
        _needsComma = false;
        _depth++;
    }

    public void WriteEndObject()
    {
        End();
        Put((byte)'}');
    }

    public void WriteStartArray()
    {
        Separator();
        Put((byte)'[');
        _needsComma = false;
        _depth++;
    }

    public void WriteEndArray()
    {
        End();
        Put((byte)']');
    }

    /// <summary>Writes a member name; an ASCII literal such as <c>"return"u8</c> is written as is.</summary>
    public void WritePropertyName(ReadOnlySpan<byte> utf8Name)
    {
        Separator();
        QuoteUtf8(utf8Name);
        Colon();
    }

    public void WritePropertyName(string name)
    {
        Separator();
        QuoteChars(name);
        Colon();
    }

    public void WriteString(string value) => WriteString(value.AsSpan());

    public void WriteString(ReadOnlySpan<char> value)
    {
        Separator();
        QuoteChars(value);
        _needsComma = true;
    }

    /// <summary>Writes UTF-8 text as a JSON string; invalid UTF-8 becomes <c>\uFFFD</c> as in qemu-ga.</summary>
    public void WriteStringUtf8(ReadOnlySpan<byte> utf8)
    {
        Separator();
        QuoteUtf8(utf8);
        _needsComma = true;
    }

    public void WriteNumber(long value)
    {
        Separator();
        Ensure(20);
        value.TryFormat(_buffer.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture);
        _length += written;
        _needsComma = true;
    }

    public void WriteNumber(ulong value)
    {
        Separator();
        Ensure(20);
        value.TryFormat(_buffer.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture);
        _length += written;
        _needsComma = true;
    }

    public void WriteNumber(double value)
    {
        Separator();
        Ensure(32);
        _length += JsonDoubleFormat.Format(value, _buffer.AsSpan(_length));
        _needsComma = true;
    }

    public void WriteBoolean(bool value)
    {
        Separator();
        PutRaw(value ? "true"u8 : "false"u8);
        _needsComma = true;
    }

    public void WriteNull()
    {
        Separator();
        PutRaw("null"u8);
        _needsComma = true;
    }

    /// <summary>Copies an already written JSON value (e.g. another writer's <see cref="WrittenSpan"/>) as one value.</summary>
    public void WriteRawValue(ReadOnlySpan<byte> json)
    {
        Separator();
        PutRaw(json);
        _needsComma = true;
    }

    /// <summary>
    /// Writes a parsed value as qemu-ga would echo it: members in the order received, strings re-escaped, numbers
    /// as qemu holds them (an integer that fits int64 or uint64 as an integer, so <c>-0</c> is <c>0</c>; any other
    /// number as a double, so <c>1E+3</c> is <c>1000</c> and <c>1e400</c> is <c>inf</c>).
    /// </summary>
    public void WriteValue(JsonValue value)
    {
        if (value.Kind == JsonKind.Undefined)
        {
            throw new ArgumentException("Cannot write an undefined JsonValue.", nameof(value));
        }

        var doc = value.Document;
        var tokens = doc.Tokens;
        int start = value.Index;
        int end = doc.End(start);
        for (int i = start; i <= end; i++)
        {
            switch (tokens[i].Type)
            {
                case JsonTokenType.LeftCurly:
                    WriteStartObject();
                    break;
                case JsonTokenType.RightCurly:
                    WriteEndObject();
                    break;
                case JsonTokenType.LeftSquare:
                    WriteStartArray();
                    break;
                case JsonTokenType.RightSquare:
                    WriteEndArray();
                    break;
                case JsonTokenType.String:
                    if (i < end && tokens[i + 1].Type == JsonTokenType.Colon)
                    {
                        WritePropertyName(doc.Bytes(i));
                    }
                    else
                    {
                        WriteStringUtf8(doc.Bytes(i));
                    }

                    break;
                case JsonTokenType.Integer:
                case JsonTokenType.Float:
                    WriteNumberToken(doc.Bytes(i), tokens[i].Type == JsonTokenType.Integer);
                    break;
                case JsonTokenType.Keyword:
                    switch (tokens[i].Kind)
                    {
                        case JsonKind.True:
                            WriteBoolean(true);
                            break;
                        case JsonKind.False:
                            WriteBoolean(false);
                            break;
                        default:
                            WriteNull();
                            break;
                    }

                    break;
            }
        }
    }

    private void WriteNumberToken(ReadOnlySpan<byte> text, bool integer)
    {
        if (integer)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
            {
                WriteNumber(l);
                return;
            }

            if (text[0] != (byte)'-' && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong u))
            {
                WriteNumber(u);
                return;
            }
        }

        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d);
        WriteNumber(d);
    }

    private void Separator()
    {
        if (_needsComma)
        {
            Ensure(2);
            _buffer[_length] = (byte)',';
            _buffer[_length + 1] = (byte)' ';
            _length += 2;
        }
    }

    private void Colon()
    {
        PutRaw(": "u8);
        _needsComma = false;
    }

    private void End()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("No object or array to end.");
        }

        _depth--;
        _needsComma = true;
    }

    private void QuoteUtf8(ReadOnlySpan<byte> s)
    {
        Put((byte)'"');
        while (!s.IsEmpty)
        {
            int safe = s.IndexOfAnyExcept(SafeBytes);
            if (safe < 0)
            {
                safe = s.Length;
            }

            if (safe > 0)
            {
                PutRaw(s[..safe]);
                s = s[safe..];
                continue;
            }

            int cp;
            int used = 1;
            if (s[0] < 0x80)
            {
                cp = s[0];
            }
            else
            {
                cp = ModifiedUtf8.Decode(s, out used);
            }

            Escape(cp);
            s = s[used..];
        }

        Put((byte)'"');
    }

    private void QuoteChars(ReadOnlySpan<char> s)
    {
        Put((byte)'"');
        while (!s.IsEmpty)
        {
            int safe = s.IndexOfAnyExcept(SafeChars);
            if (safe < 0)
            {
                safe = s.Length;
            }

            if (safe > 0)
            {
                Ensure(safe);
                Ascii.FromUtf16(s[..safe], _buffer.AsSpan(_length), out int written);
                _length += written;
                s = s[safe..];
                continue;
            }

            char c = s[0];
            int cp = c;
            int used = 1;
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && s.Length > 1 && char.IsLowSurrogate(s[1]))
                {
                    cp = char.ConvertToUtf32(c, s[1]);
                    used = 2;
                }
                else
                {
                    cp = -1;
                }
            }

            Escape(cp);
            s = s[used..];
        }

        Put((byte)'"');
    }

    /// <summary>One character that is not plain printable ASCII (or is <c>"</c> or <c>\</c>); -1 for invalid.</summary>
    private void Escape(int cp)
    {
        switch (cp)
        {
            case '"':
                PutRaw("\\\""u8);
                return;
            case '\\':
                PutRaw("\\\\"u8);
                return;
            case '\b':
                PutRaw("\\b"u8);
                return;
            case '\f':
                PutRaw("\\f"u8);
                return;
            case '\n':
                PutRaw("\\n"u8);
                return;
            case '\r':
                PutRaw("\\r"u8);
                return;
            case '\t':
                PutRaw("\\t"u8);
                return;
        }

        if (!ModifiedUtf8.IsValidCodePoint(cp))
        {
            cp = 0xFFFD;
        }

        if (cp > 0xFFFF)
        {
            cp -= 0x10000;
            PutUnicodeEscape(0xD800 + (cp >> 10));
            PutUnicodeEscape(0xDC00 + (cp & 0x3FF));
        }
        else if (cp < 0x20 || cp >= 0x7F)
        {
            PutUnicodeEscape(cp);
        }
        else
        {
            Put((byte)cp);
        }
    }

    private void PutUnicodeEscape(int unit)
    {
        Ensure(6);
        var span = _buffer.AsSpan(_length, 6);
        span[0] = (byte)'\\';
        span[1] = (byte)'u';
        span[2] = HexDigit(unit >> 12);
        span[3] = HexDigit(unit >> 8);
        span[4] = HexDigit(unit >> 4);
        span[5] = HexDigit(unit);
        _length += 6;
    }

    private static byte HexDigit(int value) => (byte)"0123456789ABCDEF"[value & 0xF];

    private void Put(byte b)
    {
        if (_length == _buffer.Length)
        {
            Ensure(1);
        }

        _buffer[_length++] = b;
    }

    private void PutRaw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Ensure(int extra)
    {
        if (_buffer.Length - _length < extra)
        {
            _buffer = JsonBuffers.Grow(_buffer, _length, _length + extra, Array.MaxLength);
        }
    }

    /// <summary>Printable ASCII except <c>"</c> and <c>\</c>: written as is.</summary>
    private static byte[] CreateSafe()
    {
        var safe = new byte[0x7F - 0x20 - 2];
        int n = 0;
        for (int c = 0x20; c < 0x7F; c++)
        {
            if (c != '"' && c != '\\')
            {
                safe[n++] = (byte)c;
            }
        }

        return safe;
    }
}
