using System.Text;
using QgaKit.Hosting.Config;
using Xunit;

namespace QgaKit.Tests.Hosting.Config;

/// <summary>GLib key-file rules; the same cases run against qemu-ga in DumpConfDifferentialTests.</summary>
public class KeyFileTests
{
    private static KeyFile Parse(string text) => KeyFile.Parse(Encoding.UTF8.GetBytes(text));

    private static string Error(string text, string key = "path")
    {
        var e = Assert.Throws<KeyFileException>(() =>
        {
            var file = Parse(text);
            _ = file.GetString("general", key);
        });
        return e.Message;
    }

    [Theory]
    [InlineData("[general]\npath=  a b  \n", "a b  ")]
    [InlineData("[general]\npath=\\s a\\tb\\nc\\\\d\\re\n", "  a\tb\nc\\d\re")]
    [InlineData("[general]\r\npath=a\r\r\n", "a\r")]
    [InlineData("[general]\npath=x\npath=y\n", "y")]
    [InlineData("# c\n\n[general]  \n   # c\n\t\npath=a#b", "a#b")]
    [InlineData("[general]\npath=\n", "")]
    [InlineData("[general]\npath=a\0b\n", "a")]
    [InlineData("[general]\npath=x\n[other]\npath=z\n[general]\nlogfile=y\n", "x")]
    [InlineData("[general]\npath=a\r", "a\r")]
    public void Reads_strings_as_GLib(string text, string expected)
    {
        Assert.Equal(expected, Parse(text).GetString("general", "path"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("false  ", false)]
    [InlineData("0", false)]
    public void Reads_booleans_as_GLib(string value, bool expected)
    {
        Assert.Equal(expected, Parse("[general]\nd=" + value + "\n").GetBoolean("general", "d"));
    }

    [Theory]
    [InlineData("TRUE")]
    [InlineData("yes")]
    [InlineData("true # c")]
    [InlineData("")]
    public void Other_booleans_cannot_be_interpreted(string value)
    {
        var e = Assert.Throws<KeyFileException>(() => Parse("[general]\ndaemon=" + value + "\n").GetBoolean("general", "daemon"));
        Assert.Equal("Key file contains key “daemon” which has a value that cannot be interpreted.", e.Message);
    }

    [Theory]
    [InlineData("garbage\n", "Key file contains line “garbage” which is not a key-value pair, group, or comment")]
    [InlineData("path=a\n", "Key file does not start with a group")]
    [InlineData("[general\n", "Key file contains line “[general” which is not a key-value pair, group, or comment")]
    [InlineData("[]\n", "Invalid group name: ")]
    [InlineData("[gen]eral]\n", "Key file contains line “[gen]eral]” which is not a key-value pair, group, or comment")]
    [InlineData("[general]x\n", "Key file contains line “[general]x” which is not a key-value pair, group, or comment")]
    [InlineData("[general]\n=x\n", "Key file contains line “=x” which is not a key-value pair, group, or comment")]
    [InlineData("[general]\npa]th=y\n", "Invalid key name: pa]th")]
    [InlineData("[general]\npath [de]=y\n", "Invalid key name: path [de]")]
    [InlineData("[general]\nEncoding=latin1\n", "Key file contains unsupported encoding “latin1”")]
    [InlineData("[general]\npath=a\\qb\n", "Key file contains key “path” which has a value that cannot be interpreted.")]
    [InlineData("[general]\npath=ab\\\n", "Key file contains key “path” which has a value that cannot be interpreted.")]
    [InlineData("[general]\npath=a;b\\;c\n", "Key file contains key “path” which has a value that cannot be interpreted.")]
    public void Errors_have_GLibs_texts(string text, string expected)
    {
        Assert.Equal(expected, Error(text));
    }

    [Fact]
    public void Invalid_UTF8_values_are_reported_with_a_replacement_character()
    {
        byte[] data = [.. "[general]\npath="u8, 0xff, (byte)'\n'];
        var e = Assert.Throws<KeyFileException>(() => KeyFile.Parse(data).GetString("general", "path"));
        Assert.Equal("Key file contains key “path” with value “\uFFFD” which is not UTF-8", e.Message);
    }

    [Fact]
    public void Translated_keys_and_other_groups_are_ignored()
    {
        var file = Parse("[x]\n[general]\nEncoding=latin1\npath[de]=y\n x =y\n");
        Assert.False(file.HasKey("general", "path"));
        Assert.True(file.HasKey("general", "x"));
    }

    [Theory]
    [InlineData(" a b ", "\\sa b ")]
    [InlineData("\t \tx\ty", "\\t\\s\\tx\ty")]
    [InlineData("a\\b\nc\rd", "a\\\\b\\nc\\rd")]
    [InlineData(" \n a", "\\s\\n\\sa")]
    [InlineData("a;b", "a;b")]
    public void Writer_escapes_as_g_key_file_set_string(string value, string expected)
    {
        Assert.Equal(expected, KeyFileWriter.Escape(value));
    }
}
