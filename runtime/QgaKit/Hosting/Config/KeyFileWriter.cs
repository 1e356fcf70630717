using System.Text;

namespace QgaKit.Hosting.Config;

/// <summary>Writes one key-file group as <c>g_key_file_to_data</c> does, with <c>g_key_file_set_string</c>'s escapes.</summary>
public sealed class KeyFileWriter
{
    private readonly StringBuilder _text = new();

    public KeyFileWriter(string group)
    {
        _text.Append('[').Append(group).Append("]\n");
    }

    public void SetString(string key, string value) => _text.Append(key).Append('=').Append(Escape(value)).Append('\n');

    public void SetBoolean(string key, bool value) => SetString(key, value ? "true" : "false");

    public void SetInteger(string key, int value) => SetString(key, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override string ToString() => _text.ToString();

    /// <summary>g_key_file_parse_string_as_value: spaces and tabs are escaped only while they lead the value, newlines,
    /// carriage returns and backslashes always; trailing whitespace is left as is (GLib 2.74).</summary>
    public static string Escape(string value)
    {
        var result = new StringBuilder(value.Length);
        var leading = true;
        foreach (var c in value)
        {
            switch (c)
            {
                case ' ':
                    result.Append(leading ? "\\s" : " ");
                    break;
                case '\t':
                    result.Append(leading ? "\\t" : "\t");
                    break;
                case '\n':
                    result.Append("\\n");
                    break;
                case '\r':
                    result.Append("\\r");
                    break;
                case '\\':
                    result.Append("\\\\");
                    leading = false;
                    break;
                default:
                    result.Append(c);
                    leading = false;
                    break;
            }
        }

        return result.ToString();
    }
}
