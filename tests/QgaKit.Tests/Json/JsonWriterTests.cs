using System;
using System.Text;
using QgaKit.Json;
using Xunit;

namespace QgaKit.Tests.Json;

/// <summary>Exact output bytes, in qemu-ga's style (reference 1.1 and 11; escapes checked on the real agent).</summary>
public class JsonWriterTests
{
    private static string Written(Action<JsonWriter> write)
    {
        var writer = new JsonWriter();
        write(writer);
        return Encoding.UTF8.GetString(writer.WrittenSpan);
    }

    private static string Str(string s) => Written(w => w.WriteString(s));

    private static string Utf8(params byte[] bytes) => Written(w => w.WriteStringUtf8(bytes));

    private static string Num(double d) => Written(w => w.WriteNumber(d));

    [Fact]
    public void Empty_return_is_qemu_style()
    {
        Assert.Equal("{\"return\": {}}", Written(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("return"u8);
            w.WriteStartObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }));
    }

    [Fact]
    public void Error_reply_with_id_is_qemu_style()
    {
        Assert.Equal("{\"id\": 99, \"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command x has not been found\"}}", Written(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("id");
            w.WriteNumber(99);
            w.WritePropertyName("error"u8);
            w.WriteStartObject();
            w.WritePropertyName("class"u8);
            w.WriteString("CommandNotFound");
            w.WritePropertyName("desc"u8);
            w.WriteString("The command x has not been found");
            w.WriteEndObject();
            w.WriteEndObject();
        }));
    }

    [Fact]
    public void Separators_are_inserted_in_nested_containers()
    {
        Assert.Equal("{\"a\": [1, 2, {\"b\": null, \"c\": []}], \"d\": true, \"e\": false}", Written(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("a"u8);
            w.WriteStartArray();
            w.WriteNumber(1);
            w.WriteNumber(2);
            w.WriteStartObject();
            w.WritePropertyName("b"u8);
            w.WriteNull();
            w.WritePropertyName("c"u8);
            w.WriteStartArray();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WritePropertyName("d"u8);
            w.WriteBoolean(true);
            w.WritePropertyName("e"u8);
            w.WriteBoolean(false);
            w.WriteEndObject();
        }));
    }

    [Fact]
    public void Short_escapes_and_slash()
    {
        Assert.Equal("\"\\\"\\\\\\b\\f\\n\\r\\t/ ~\"", Str("\"\\\b\f\n\r\t/ ~"));
    }

    [Fact]
    public void Other_control_and_non_ascii_characters_are_upper_case_u_escapes()
    {
        Assert.Equal("\"\\u0000\\u0001\\u001F\\u007F\\u0080\\u00E9\\u20AC\\u2028\\uFFFD\"", Str("\0\u0001\u001f\u007f\u0080\u00e9\u20ac\u2028\ufffd"));
    }

    [Fact]
    public void Characters_above_the_bmp_are_surrogate_pairs()
    {
        Assert.Equal("\"\\uD83D\\uDE00\\uDBFF\\uDFFD\"", Str("\U0001F600\U0010FFFD"));
        Assert.Equal("\"\\uD83D\\uDE00\"", Utf8(0xF0, 0x9F, 0x98, 0x80));
    }

    [Fact]
    public void What_qemu_would_not_accept_as_a_character_is_FFFD()
    {
        Assert.Equal("\"\\uFFFDa\\uFFFD\"", Str("\ud800a\udc00"));
        Assert.Equal("\"\\uFFFD\\uFFFD\\uFFFD\"", Str("\uffff\ufffe\ufdd0"));
        Assert.Equal("\"\\uFFFD\"", Str("\U0001FFFF"));
    }

    [Fact]
    public void Invalid_utf8_steps_like_qemu()
    {
        Assert.Equal("\"\\uFFFD(\"", Utf8(0xC3, 0x28));          // cut short: the next byte is read again
        Assert.Equal("\"\\uFFFD\"", Utf8(0xE2, 0x82));            // cut short by the end
        Assert.Equal("\"\\uFFFD\"", Utf8(0xED, 0xA0, 0x80));      // surrogate: one step of three bytes
        Assert.Equal("\"\\uFFFD\"", Utf8(0xF8, 0x88, 0x80, 0x80, 0x80)); // five-byte form
        Assert.Equal("\"\\uFFFD\\uFFFD\"", Utf8(0x80, 0xBF));     // stray continuation bytes
        Assert.Equal("\"\\uFFFD\\uFFFD\"", Utf8(0xFE, 0xFF));
        Assert.Equal("\"\\uFFFD\"", Utf8(0xC1, 0x81));            // overlong
        Assert.Equal("\"\\uFFFD\"", Utf8(0xEF, 0xBF, 0xBF));      // U+FFFF
        Assert.Equal("\"\\u0000\\u0000\"", Utf8(0xC0, 0x80, 0x00)); // modified UTF-8 NUL, and a real one
        Assert.Equal("\"a\\u00E9b\"", Utf8(0x61, 0xC3, 0xA9, 0x62));
    }

    [Fact]
    public void Property_names_are_escaped()
    {
        Assert.Equal("{\"a\\\"\\u00E9\": 1}", Written(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("a\"\u00e9");
            w.WriteNumber(1);
            w.WriteEndObject();
        }));
    }

    [Fact]
    public void Integers_are_written_as_is()
    {
        Assert.Equal("[-9223372036854775808, 9223372036854775807, 18446744073709551615, 0]", Written(w =>
        {
            w.WriteStartArray();
            w.WriteNumber(long.MinValue);
            w.WriteNumber(long.MaxValue);
            w.WriteNumber(ulong.MaxValue);
            w.WriteNumber(0L);
            w.WriteEndArray();
        }));
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1.5, "1.5")]
    [InlineData(100.0, "100")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(-1e-5, "-1e-05")]
    [InlineData(1e16, "10000000000000000")]
    [InlineData(12345678901234567.0, "12345678901234568")]
    [InlineData(1e17, "1e+17")]
    [InlineData(1.2345678901234568e29, "1.2345678901234568e+29")]
    [InlineData(18446744073709551616.0, "1.8446744073709552e+19")]
    [InlineData(1e100, "1e+100")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    [InlineData(0.0, "0")]
    [InlineData(-0.0, "-0")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(double.NaN, "nan")]
    public void Doubles_use_the_g_layout_with_shortest_digits(double value, string expected)
    {
        Assert.Equal(expected, Num(value));
    }

    [Fact]
    public void Doubles_round_trip()
    {
        var random = new Random(7);
        for (int i = 0; i < 10_000; i++)
        {
            double d = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (!double.IsFinite(d))
            {
                continue;
            }

            string text = Num(d);
            Assert.Equal(d, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Parsed_values_are_rewritten_in_qemu_style_and_member_order()
    {
        var value = JsonValue.Parse("{'b': [1, 2.50, -0, \"x\\u00e9\\/\"], \"a\": {}, \"c\" : [ ] , \"d\":[true,false,null]}");
        Assert.Equal("{\"b\": [1, 2.5, 0, \"x\\u00E9/\"], \"a\": {}, \"c\": [], \"d\": [true, false, null]}",
            Written(w => w.WriteValue(value)));
    }

    [Fact]
    public void Values_go_where_separators_expect_them()
    {
        var id = JsonValue.Parse("{\"a\":[1,2]}");
        Assert.Equal("{\"return\": 7, \"id\": {\"a\": [1, 2]}}", Written(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("return"u8);
            w.WriteRawValue("7"u8);
            w.WritePropertyName("id"u8);
            id.WriteTo(w);
            w.WriteEndObject();
        }));
    }

    [Fact]
    public void Reset_starts_over()
    {
        var writer = new JsonWriter();
        writer.WriteStartArray();
        writer.WriteNumber(1);
        writer.Reset();
        writer.WriteNumber(2);
        Assert.Equal("2", Encoding.UTF8.GetString(writer.WrittenSpan));
        Assert.Equal(1, writer.WrittenCount);
        Assert.Equal(0, writer.CurrentDepth);
    }

    [Fact]
    public void Ending_what_was_not_started_throws()
    {
        var writer = new JsonWriter();
        Assert.Throws<InvalidOperationException>(writer.WriteEndObject);
    }

    [Fact]
    public void Long_strings_grow_the_buffer()
    {
        string s = new('x', 100_000);
        Assert.Equal("\"" + s + "\"", Str(s));
        string e = new('\u00e9', 50_000);
        Assert.Equal(2 + (6 * 50_000), Str(e).Length);
    }
}
