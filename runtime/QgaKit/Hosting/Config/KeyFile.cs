using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace QgaKit.Hosting.Config;

/// <summary>
/// A reader for GLib key files with GLib 2.74's rules (<c>g_key_file_load_from_data</c>): lines end at LF (one CR
/// before it is dropped), leading whitespace is skipped, <c>#</c> and blank lines are comments, <c>[group]</c> may be
/// followed by spaces or tabs only, a key ends before the <c>=</c> with its trailing whitespace cut, a value starts
/// after the <c>=</c> with its leading whitespace cut and keeps trailing whitespace; a repeated group is merged and a
/// repeated key replaces the earlier value; translated keys (<c>key[locale]</c>) are checked and dropped. Values are
/// kept as raw bytes until <see cref="GetString"/>, <see cref="GetBoolean"/> or <see cref="GetInteger"/> reads them.
/// </summary>
public sealed class KeyFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private readonly Dictionary<string, Dictionary<string, byte[]>> _groups = new(StringComparer.Ordinal);

    // GLib checks "Encoding" only in the file's first group.
    private Dictionary<string, byte[]>? _startGroup;

    private KeyFile()
    {
    }

    /// <summary>Parses key-file bytes; throws <see cref="KeyFileException"/> with GLib's text at the first bad line.</summary>
    public static KeyFile Parse(ReadOnlySpan<byte> data)
    {
        var file = new KeyFile();
        Dictionary<string, byte[]>? current = null;
        var start = 0;
        while (start < data.Length)
        {
            var newline = data.Slice(start).IndexOf((byte)'\n');
            ReadOnlySpan<byte> line;
            if (newline < 0)
            {
                // The last line without a newline keeps a CR: GLib strips it only before an LF.
                line = data.Slice(start);
                start = data.Length;
            }
            else
            {
                line = data.Slice(start, newline);
                start += newline + 1;
                if (line.Length > 0 && line[^1] == (byte)'\r')
                {
                    line = line.Slice(0, line.Length - 1);
                }
            }

            // GLib handles a line as a C string after it is read: a NUL byte ends it.
            var nul = line.IndexOf((byte)0);
            if (nul >= 0)
            {
                line = line.Slice(0, nul);
            }

            file.ParseLine(line, ref current);
        }

        return file;
    }

    public bool HasGroup(string group) => _groups.ContainsKey(group);

    public bool HasKey(string group, string key) => _groups.TryGetValue(group, out var keys) && keys.ContainsKey(key);

    /// <summary><c>g_key_file_get_string</c>: UTF-8 checked, escapes <c>\s \n \t \r \\</c> decoded.</summary>
    public string GetString(string group, string key)
    {
        var raw = GetRaw(group, key);
        string value;
        try
        {
            value = StrictUtf8.GetString(raw);
        }
        catch (DecoderFallbackException)
        {
            throw new KeyFileException(KeyFileTexts.NotUtf8(key, MakeValid(raw)));
        }

        return Unescape(value) ?? throw new KeyFileException(KeyFileTexts.CannotInterpret(key));
    }

    /// <summary><c>g_key_file_get_boolean</c>: <c>true</c>/<c>1</c> or <c>false</c>/<c>0</c>, exactly (case
    /// matters), trailing whitespace ignored.</summary>
    public bool GetBoolean(string group, string key)
    {
        var value = TrimEndAscii(GetRaw(group, key));
        if (value.SequenceEqual("true"u8) || value.SequenceEqual("1"u8))
        {
            return true;
        }

        if (value.SequenceEqual("false"u8) || value.SequenceEqual("0"u8))
        {
            return false;
        }

        throw new KeyFileException(KeyFileTexts.CannotInterpret(key));
    }

    /// <summary><c>g_key_file_get_integer</c>: decimal <c>strtol</c> (sign allowed), trailing whitespace ignored,
    /// within <c>int</c>.</summary>
    public int GetInteger(string group, string key)
    {
        var text = Encoding.Latin1.GetString(GetRaw(group, key));
        var digits = text.TrimEnd(' ', '\t', '\n', '\v', '\f', '\r');
        if (digits.Length == 0
            || !long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            || number is < int.MinValue or > int.MaxValue)
        {
            throw new KeyFileException(KeyFileTexts.CannotInterpretInGroup(key, group));
        }

        return (int)number;
    }

    private byte[] GetRaw(string group, string key)
    {
        if (_groups.TryGetValue(group, out var keys) && keys.TryGetValue(key, out var raw))
        {
            return raw;
        }

        throw new KeyFileException(KeyFileTexts.KeyNotFound(key));
    }

    private void ParseLine(ReadOnlySpan<byte> line, ref Dictionary<string, byte[]>? current)
    {
        var skip = 0;
        while (skip < line.Length && IsAsciiSpace(line[skip]))
        {
            skip++;
        }

        var rest = line.Slice(skip);
        if (rest.Length == 0 || rest[0] == (byte)'#')
        {
            return;
        }

        if (IsGroupLine(rest))
        {
            var close = rest.IndexOf((byte)']');
            var name = MakeValid(rest.Slice(1, close - 1));
            if (!IsGroupName(name))
            {
                throw new KeyFileException(KeyFileTexts.InvalidGroupName(name));
            }

            if (!_groups.TryGetValue(name, out current))
            {
                current = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                _groups.Add(name, current);
                _startGroup ??= current;
            }

            return;
        }

        var equals = rest.IndexOf((byte)'=');
        if (equals <= 0)
        {
            throw new KeyFileException(KeyFileTexts.NotKeyValuePair(MakeValid(line)));
        }

        if (current is null)
        {
            throw new KeyFileException(KeyFileTexts.DoesNotStartWithGroup);
        }

        var keyEnd = equals;
        while (keyEnd > 0 && IsAsciiSpace(rest[keyEnd - 1]))
        {
            keyEnd--;
        }

        var key = MakeValid(rest.Slice(0, keyEnd));
        if (!IsKeyName(key))
        {
            throw new KeyFileException(KeyFileTexts.InvalidKeyName(key));
        }

        var valueStart = equals + 1;
        while (valueStart < rest.Length && IsAsciiSpace(rest[valueStart]))
        {
            valueStart++;
        }

        var value = rest.Slice(valueStart);
        if (ReferenceEquals(current, _startGroup) && key == "Encoding" && !Ascii.EqualsIgnoreCase(value, "UTF-8"u8))
        {
            throw new KeyFileException(KeyFileTexts.UnsupportedEncoding(MakeValid(value)));
        }

        // A translated key (key[locale]) is never one qemu-ga asks for.
        if (key.IndexOf('[', StringComparison.Ordinal) < 0)
        {
            current[key] = value.ToArray();
        }
    }

    // g_key_file_line_is_group: '[' … first ']' then only spaces and tabs.
    private static bool IsGroupLine(ReadOnlySpan<byte> line)
    {
        if (line[0] != (byte)'[')
        {
            return false;
        }

        var close = line.IndexOf((byte)']');
        if (close < 0)
        {
            return false;
        }

        foreach (var b in line.Slice(close + 1))
        {
            if (b != (byte)' ' && b != (byte)'\t')
            {
                return false;
            }
        }

        return true;
    }

    // g_key_file_is_group_name: non-empty, no '[' ']' or ASCII control characters.
    private static bool IsGroupName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c == '[' || c == ']' || c < 0x20 || c == 0x7f)
            {
                return false;
            }
        }

        return true;
    }

    // g_key_file_is_key_name: a non-empty name without '=' '[' ']' and without a space at either end, optionally
    // followed by "[locale]" made of letters, digits, '-', '_', '.' and '@'.
    private static bool IsKeyName(string key)
    {
        var q = 0;
        while (q < key.Length && key[q] != '=' && key[q] != '[' && key[q] != ']')
        {
            q++;
        }

        if (q == 0 || key[0] == ' ' || key[q - 1] == ' ')
        {
            return false;
        }

        if (q < key.Length && key[q] == '[')
        {
            q++;
            while (q < key.Length && (char.IsLetterOrDigit(key[q]) || key[q] is '-' or '_' or '.' or '@'))
            {
                q++;
            }

            if (q >= key.Length || key[q] != ']')
            {
                return false;
            }

            q++;
        }

        return q == key.Length;
    }

    // g_key_file_parse_value_as_string; null for an invalid escape or a backslash at the end.
    private static string? Unescape(string value)
    {
        if (value.IndexOf('\\', StringComparison.Ordinal) < 0)
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c != '\\')
            {
                result.Append(c);
                continue;
            }

            if (++i == value.Length)
            {
                return null;
            }

            switch (value[i])
            {
                case 's': result.Append(' '); break;
                case 'n': result.Append('\n'); break;
                case 't': result.Append('\t'); break;
                case 'r': result.Append('\r'); break;
                case '\\': result.Append('\\'); break;
                default: return null;
            }
        }

        return result.ToString();
    }

    private static ReadOnlySpan<byte> TrimEndAscii(ReadOnlySpan<byte> value)
    {
        var length = value.Length;
        while (length > 0 && IsAsciiSpace(value[length - 1]))
        {
            length--;
        }

        return value.Slice(0, length);
    }

    // g_ascii_isspace: space, \t, \n, \v, \f, \r.
    private static bool IsAsciiSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or 0x0b or 0x0c or (byte)'\r';

    // g_utf8_make_valid: invalid sequences become U+FFFD.
    private static string MakeValid(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
