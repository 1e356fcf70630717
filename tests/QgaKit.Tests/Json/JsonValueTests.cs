using System;
using System.Collections.Generic;
using System.Text;
using QgaKit.Json;
using Xunit;

namespace QgaKit.Tests.Json;

public class JsonValueTests
{
    private static JsonValue V(string json) => JsonValue.Parse(json);

    [Fact]
    public void Kinds()
    {
        Assert.Equal(JsonKind.Undefined, default(JsonValue).Kind);
        Assert.Equal(JsonKind.Null, V("null").Kind);
        Assert.Equal(JsonKind.True, V("true").Kind);
        Assert.Equal(JsonKind.False, V("false").Kind);
        Assert.Equal(JsonKind.Number, V("1").Kind);
        Assert.Equal(JsonKind.String, V("'x'").Kind);
        Assert.Equal(JsonKind.Object, V("{}").Kind);
        Assert.Equal(JsonKind.Array, V("[]").Kind);
    }

    [Fact]
    public void Empty_object_is_an_object_without_members()
    {
        var empty = JsonValue.EmptyObject;
        Assert.Equal(JsonKind.Object, empty.Kind);
        Assert.Equal(0, empty.GetLength());
        Assert.False(empty.TryGetProperty("id"u8, out _));
        Assert.Equal("{}", empty.ToString());
        Assert.Equal("{}", empty.Clone().ToString());
    }

    [Fact]
    public void Objects_keep_member_order_and_find_members()
    {
        var o = V("{\"z\":1,\"a\":{\"x\":[]},'\\u00e9t\\u00e9':\"summer\",\"e\":{}}");
        Assert.Equal(4, o.GetLength());
        var names = new List<string>();
        foreach (var member in o.EnumerateObject())
        {
            names.Add(member.Name);
        }

        Assert.Equal(["z", "a", "\u00e9t\u00e9", "e"], names);
        Assert.True(o.TryGetProperty("\u00e9t\u00e9", out var summer));
        Assert.True(summer.ValueEquals("summer"));
        Assert.True(o.TryGetProperty("\u00e9t\u00e9"u8, out _));
        Assert.True(o.TryGetProperty("a"u8, out var a));
        Assert.True(a.TryGetProperty("x", out var x));
        Assert.Equal(0, x.GetLength());
        Assert.False(o.TryGetProperty("y", out var missing));
        Assert.Equal(JsonKind.Undefined, missing.Kind);
    }

    [Fact]
    public void Arrays_enumerate_in_order()
    {
        var a = V("[1,[2,3],{\"k\":[4]},\"s\",[],{}]");
        Assert.Equal(6, a.GetLength());
        var items = new List<string>();
        foreach (var item in a.EnumerateArray())
        {
            items.Add(item.ToString());
        }

        Assert.Equal(["1", "[2, 3]", "{\"k\": [4]}", "\"s\"", "[]", "{}"], items);
        var e = V("[]").EnumerateArray();
        Assert.False(e.MoveNext());
        Assert.False(e.MoveNext());
    }

    [Fact]
    public void Strings_are_decoded()
    {
        var s = V("\"a\\u0000b\\ud83d\\ude00\\n\u00c3\u00a9\"");
        Assert.Equal("a\0b\U0001F600\n\u00c3\u00a9", s.GetString());
        Assert.True(s.ValueEquals("a\0b\U0001F600\n\u00c3\u00a9"));
        Assert.False(s.ValueEquals("a\0b\U0001F600\n\u00c3"));
        Assert.True(V("\"guest\\u002dping\"").ValueEquals("guest-ping"u8));
        Assert.True(V("\"guest\\u002dping\"").ValueEquals("guest-ping"));
        Assert.False(V("1").ValueEquals("1"));
        Assert.True(V("''").ValueEquals(""));
        Assert.False(V("'\\ud83d\\ude00'").ValueEquals("\ud83d"));
    }

    [Fact]
    public void Raw_overlong_nul_reads_as_nul()
    {
        var parser = new JsonStreamParser();
        parser.Append([(byte)'"', 0xC0, 0x80, (byte)'"']);
        Assert.True(parser.TryRead(out var r));
        Assert.Equal("\0", r.Value.GetString());
        Assert.True(r.Value.GetStringUtf8().SequenceEqual(new byte[] { 0 }));
    }

    [Theory]
    [InlineData("0", true, 0L)]
    [InlineData("-0", true, 0L)]
    [InlineData("42", true, 42L)]
    [InlineData("9223372036854775807", true, long.MaxValue)]
    [InlineData("-9223372036854775808", true, long.MinValue)]
    [InlineData("9223372036854775808", false, 0L)]
    [InlineData("-9223372036854775809", false, 0L)]
    [InlineData("99999999999999999999", false, 0L)]
    [InlineData("1.5", false, 0L)]
    [InlineData("1.0", false, 0L)]
    [InlineData("1e3", false, 0L)]
    [InlineData("\"1\"", false, 0L)]
    [InlineData("null", false, 0L)]
    [InlineData("true", false, 0L)]
    public void Int64_follows_qapi(string json, bool ok, long expected)
    {
        Assert.Equal(ok, V(json).TryGetInt64(out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("0", true, 0UL)]
    [InlineData("18446744073709551615", true, ulong.MaxValue)]
    [InlineData("9223372036854775808", true, 9223372036854775808UL)]
    [InlineData("18446744073709551616", false, 0UL)]
    [InlineData("-1", true, ulong.MaxValue)]
    [InlineData("-9223372036854775808", true, 9223372036854775808UL)]
    [InlineData("-9223372036854775809", false, 0UL)]
    [InlineData("1.0", false, 0UL)]
    [InlineData("1e3", false, 0UL)]
    public void UInt64_follows_qapi_including_negative_int64(string json, bool ok, ulong expected)
    {
        Assert.Equal(ok, V(json).TryGetUInt64(out ulong value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("-0.0", -0.0)]
    [InlineData("1.5e3", 1500.0)]
    [InlineData("18446744073709551616", 18446744073709551616.0)]
    [InlineData("1e400", double.PositiveInfinity)]
    [InlineData("-1e400", double.NegativeInfinity)]
    [InlineData("1e-400", 0.0)]
    public void Double_reads_any_number_like_strtod(string json, double expected)
    {
        Assert.True(V(json).TryGetDouble(out double value));
        Assert.Equal(expected, value);
        Assert.False(V("\"1\"").TryGetDouble(out _));
    }

    [Fact]
    public void Number_text_is_kept()
    {
        Assert.Equal("1E+3", Encoding.ASCII.GetString(V("1E+3").GetNumberText()));
        Assert.False(V("1E+3").IsInteger);
        Assert.True(V("-12").IsInteger);
    }

    [Fact]
    public void Wrong_kind_throws()
    {
        Assert.Throws<InvalidOperationException>(() => V("1").GetBoolean());
        Assert.Throws<InvalidOperationException>(() => V("1").GetString());
        Assert.Throws<InvalidOperationException>(() => V("1").GetLength());
        Assert.Throws<InvalidOperationException>(() => V("[]").EnumerateObject());
        Assert.Throws<InvalidOperationException>(() => V("{}").EnumerateArray());
        Assert.Throws<InvalidOperationException>(() => default(JsonValue).GetString());
        Assert.True(V("true").GetBoolean());
        Assert.False(V("false").GetBoolean());
    }

    [Fact]
    public void A_value_is_valid_until_the_next_read_and_a_clone_forever()
    {
        var parser = new JsonStreamParser();
        parser.Append("{\"id\":[1,{\"a\":'b'}]} {\"id\":2}"u8);
        Assert.True(parser.TryRead(out var first));
        var id = first.Value.TryGetProperty("id"u8, out var v) ? v : default;
        var kept = id.Clone();
        var members = first.Value.EnumerateObject();
        Assert.True(parser.TryRead(out var second));
        Assert.Throws<InvalidOperationException>(() => id.Kind);
        Assert.Throws<InvalidOperationException>(() => first.Value.TryGetProperty("id", out _));
        Assert.Throws<InvalidOperationException>(() => members.MoveNext());
        Assert.Equal("[1, {\"a\": \"b\"}]", kept.ToString());
        Assert.Equal("[1, {\"a\": \"b\"}]", kept.Clone().ToString());
        Assert.Equal("{\"id\": 2}", second.Value.ToString());
        Assert.False(parser.TryRead(out _));
        Assert.Equal("[1, {\"a\": \"b\"}]", kept.ToString());
    }

    [Fact]
    public void Clone_of_a_nested_value_is_standalone()
    {
        var o = V("{\"a\":1,\"b\":{\"c\":[\"d\",{\"e\":null}]},\"f\":2}");
        Assert.True(o.TryGetProperty("b", out var b));
        var clone = b.Clone();
        Assert.Equal("{\"c\": [\"d\", {\"e\": null}]}", clone.ToString());
        Assert.True(clone.TryGetProperty("c", out var c));
        Assert.Equal(2, c.GetLength());
        var items = c.Clone().EnumerateArray();
        Assert.True(items.MoveNext());
        Assert.True(items.Current.ValueEquals("d"u8));
    }

    [Fact]
    public void Parse_reports_qemu_errors()
    {
        Assert.Equal("JSON parse error, duplicate key", Assert.Throws<FormatException>(() => V("{\"a\":1,\"a\":2}")).Message);
        Assert.Throws<FormatException>(() => V("{"));
        Assert.Throws<FormatException>(() => V("1 2"));
        Assert.Equal(JsonKind.Number, V("  7 ").Kind);
    }

    [Fact]
    public void Deep_equality_ignores_member_order_and_number_spelling()
    {
        Assert.True(JsonValue.DeepEquals(V("{\"a\":1,\"b\":[1e3,\"x\"]}"), V("{'b':[1000.0,'x'],'a':1}")));
        Assert.False(JsonValue.DeepEquals(V("{\"a\":1}"), V("{\"a\":2}")));
        Assert.False(JsonValue.DeepEquals(V("{\"a\":1}"), V("{\"b\":1}")));
        Assert.False(JsonValue.DeepEquals(V("[1,2]"), V("[2,1]")));
        Assert.True(JsonValue.DeepEquals(V("18446744073709551615"), V("18446744073709551615")));
        Assert.False(JsonValue.DeepEquals(V("18446744073709551615"), V("-1")));
        Assert.False(JsonValue.DeepEquals(V("null"), V("false")));
    }

    [Fact]
    public void Property_name_views()
    {
        foreach (var member in V("{\"n\\u00e9\":1}").EnumerateObject())
        {
            Assert.True(member.NameEquals("n\u00e9"));
            Assert.True(member.NameEquals("n\u00e9"u8));
            Assert.True(member.Utf8Name.SequenceEqual(new byte[] { (byte)'n', 0xC3, 0xA9 }));
            Assert.Equal("n\u00e9", member.Name);
            Assert.Equal("n\u00e9: 1", member.ToString());
        }
    }
}

public class JsonStreamParserTests
{
    [Fact]
    public void A_big_object_parses_in_linear_time_and_keeps_its_members()
    {
        var sb = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++)
        {
            sb.Append(i == 0 ? "" : ",").Append("\"k").Append(i).Append("\":").Append(i);
        }

        var o = JsonValue.Parse(sb.Append('}').ToString());
        Assert.Equal(100_000, o.GetLength());
        Assert.True(o.TryGetProperty("k99999", out var last));
        Assert.True(last.TryGetInt64(out long v));
        Assert.Equal(99_999, v);
    }

    [Fact]
    public void Reset_drops_the_partial_message_and_pending_input()
    {
        var parser = new JsonStreamParser();
        parser.Append("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1"u8);
        Assert.False(parser.TryRead(out _));
        Assert.True(parser.PendingMessageBytes > 0);
        parser.Append("garbage"u8);
        Assert.Equal(7, parser.BufferedByteCount);
        parser.Reset();
        Assert.Equal(0, parser.PendingMessageBytes);
        Assert.Equal(0, parser.BufferedByteCount);
        parser.Append("{\"execute\":\"guest-ping\"}"u8);
        Assert.True(parser.TryRead(out var r));
        Assert.Equal("{\"execute\": \"guest-ping\"}", r.Value.ToString());
    }

    [Fact]
    public void State_survives_between_appends_like_a_reconnecting_client()
    {
        // Client A leaves a partial request; client B's pings get nothing until a 0xFF resynchronises (reference 8.3).
        var parser = new JsonStreamParser();
        var events = new List<string>();
        parser.Append("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1"u8);
        ParserHarness.Drain(parser, events);
        parser.Append("{\"execute\":\"guest-ping\"}\n{\"execute\":\"guest-ping\"}\n"u8);
        ParserHarness.Drain(parser, events);
        Assert.Empty(events);
        parser.Append([0xFF]);
        parser.Append("{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":9}}\n"u8);
        ParserHarness.Drain(parser, events);
        Assert.Equal([ParserHarness.Stray("\uFFFD"), "M {\"execute\": \"guest-sync-delimited\", \"arguments\": {\"id\": 9}}"], events);
    }
}
