using Xunit;
using static QgaKit.Generators.Tests.AgentHarness;

namespace QgaKit.Generators.Tests;

/// <summary>Generated handlers, compiled with the runtime and run through the real dispatcher with request bytes:
/// replies and error texts as qemu-ga's (QAPI's visitor rules).</summary>
public class BehaviourTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using QgaKit;
        using QgaKit.Json;

        namespace Behave;

        public enum Level { Low, High, VeryHigh, [QgaName("max")] Maximum }

        public sealed record Item(string Name, int? Count = null);

        public sealed record Info(string Label, long? SizeHint, IReadOnlyList<string> Paths, Level Level, Item[] Items);

        public sealed record Outer(Item[] Items, Item? Single);

        public sealed record Node(string Name, Node? Child);

        public record struct Point(int X, int Y);

        public sealed class Settings
        {
            public bool Verbose { get; set; }

            public List<int>? Limits { get; set; }
        }

        public partial class Commands
        {
            [QgaCommand("guest-echo-info")]
            public Info Echo(string label, long? sizeHint, IReadOnlyList<string> paths, Level level = Level.Low, Item[]? items = null)
                => new(label, sizeHint, paths, level, items ?? Array.Empty<Item>());

            [QgaCommand("guest-small")]
            public int Small(byte small, sbyte tiny = 0, ushort medium = 0, uint big = 0, short signed16 = 0, int signed32 = 0) => small + tiny + medium + (int)big + signed16 + signed32;

            [QgaCommand("guest-u64")]
            public ulong U64(ulong value) => value;

            [QgaCommand("guest-i64")]
            public long I64(long value) => value;

            [QgaCommand("guest-flags")]
            public bool Flags(bool flag, double ratio) => flag && ratio > 0;

            [QgaCommand("guest-ratio")]
            public double Ratio(double ratio) => ratio;

            [QgaCommand("guest-any")]
            public JsonValue Any(JsonValue value) => value;

            [QgaCommand("guest-async")]
            public async Task<string> AsyncText(string text, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return text;
            }

            [QgaCommand("guest-async-void")]
            public async ValueTask AsyncVoid() => await Task.Yield();

            [QgaCommand("guest-fail")]
            public void Fail(bool qga)
            {
                if (qga)
                {
                    throw new QgaException("custom failure");
                }

                throw new InvalidOperationException("boom");
            }

            [QgaCommand("guest-quiet", SuccessResponse = false)]
            public void Quiet()
            {
            }

            [QgaCommand("guest-static")]
            public static long Static(long x) => x * 2;

            [QgaCommand("guest-null")]
            public Item? Null() => null;

            [QgaCommand("guest-nested")]
            public Outer Nested(Outer outer) => outer;

            [QgaCommand("guest-settings")]
            public Settings Configure(Settings settings) => settings;

            [QgaCommand("guest-tree")]
            public Node Tree(Node root) => root;

            [QgaCommand("guest-point")]
            public Point Move(Point point, int by = 1) => new(point.X + by, point.Y + by);

            [QgaCommand("guest-levels")]
            public IReadOnlyList<Level> Levels(List<Level> levels) => levels;
        }
        """;

    private static readonly AgentHarness s_agent = Create(Source, "BehaviourAgent");

    private static string Call(string command, string arguments)
        => s_agent.Send("{\"execute\": \"" + command + "\", \"arguments\": " + arguments + "}");

    [Fact]
    public void Commands_register_in_declaration_order()
        => Assert.Equal(
            ["guest-echo-info", "guest-small", "guest-u64", "guest-i64", "guest-flags", "guest-ratio", "guest-any", "guest-async", "guest-async-void", "guest-fail", "guest-quiet", "guest-static", "guest-null", "guest-nested", "guest-settings", "guest-tree", "guest-point", "guest-levels"],
            s_agent.CommandNames);

    [Fact]
    public void Binds_and_writes_records_omitting_null_optional_members()
        => Assert.Equal(
            Return("{\"label\": \"a\", \"paths\": [\"/x\", \"/y\"], \"level\": \"low\", \"items\": []}"),
            Call("guest-echo-info", "{\"label\": \"a\", \"paths\": [\"/x\", \"/y\"]}"));

    [Fact]
    public void Kebab_case_names_for_parameters_and_enum_members()
        => Assert.Equal(
            Return("{\"label\": \"a\", \"size-hint\": 5, \"paths\": [], \"level\": \"very-high\", \"items\": [{\"name\": \"n\", \"count\": 2}, {\"name\": \"m\"}]}"),
            Call("guest-echo-info", "{\"label\": \"a\", \"size-hint\": 5, \"paths\": [], \"level\": \"very-high\", \"items\": [{\"name\": \"n\", \"count\": 2}, {\"name\": \"m\"}]}"));

    [Fact]
    public void QgaName_overrides_an_enum_member()
        => Assert.Equal(Return("[\"max\", \"low\"]"), Call("guest-levels", "{\"levels\": [\"max\", \"low\"]}"));

    [Theory]
    [InlineData("{}", "Parameter 'label' is missing")]
    [InlineData("{\"foo\": 1}", "Parameter 'label' is missing")]
    [InlineData("{\"label\": \"a\", \"foo\": 1}", "Parameter 'paths' is missing")]
    [InlineData("{\"label\": \"a\", \"paths\": [], \"foo\": 1}", "Parameter 'foo' is unexpected")]
    [InlineData("{\"label\": 1, \"paths\": 2}", "Invalid parameter type for 'label', expected: string")]
    [InlineData("{\"label\": \"a\", \"paths\": [1]}", "Invalid parameter type for 'paths[0]', expected: string")]
    [InlineData("{\"label\": \"a\", \"paths\": {}}", "Invalid parameter type for 'paths', expected: array")]
    [InlineData("{\"label\": \"a\", \"paths\": [], \"level\": \"x\"}", "Parameter 'level' does not accept value 'x'")]
    [InlineData("{\"label\": \"a\", \"paths\": [], \"level\": 1}", "Invalid parameter type for 'level', expected: string")]
    [InlineData("{\"label\": \"a\", \"size-hint\": null, \"paths\": []}", "Invalid parameter type for 'size-hint', expected: integer")]
    [InlineData("{\"label\": null, \"paths\": []}", "Invalid parameter type for 'label', expected: string")]
    [InlineData("{\"label\": \"a\", \"paths\": [], \"items\": [{\"count\": 2}]}", "Parameter 'items[0].name' is missing")]
    [InlineData("{\"label\": \"a\", \"paths\": [], \"items\": [{\"name\": \"n\", \"bad\": 1}]}", "Parameter 'items[0].bad' is unexpected")]
    [InlineData("{\"label\": \"a\", \"paths\": [], \"items\": [{\"name\": \"n\"}, {\"name\": 1}]}", "Invalid parameter type for 'items[1].name', expected: string")]
    [InlineData("{\"label\": \"a\", \"paths\": [], \"items\": [[]]}", "Invalid parameter type for 'items[0]', expected: object")]
    [InlineData("{\"label\": \"a\", \"paths\": [], \"items\": [{\"name\": \"n\", \"count\": 2147483648}]}", "Parameter 'items[0].count' expects int32_t")]
    public void Argument_errors_use_QAPI_texts_and_order(string arguments, string error)
        => Assert.Equal(Error(error), Call("guest-echo-info", arguments));

    [Theory]
    [InlineData("{\"small\": 255}", "255")]
    [InlineData("{\"small\": 256}", "!Parameter 'small' expects uint8_t")]
    [InlineData("{\"small\": -1}", "!Parameter 'small' expects uint8_t")]
    [InlineData("{\"small\": 1.5}", "!Invalid parameter type for 'small', expected: integer")]
    [InlineData("{\"small\": \"1\"}", "!Invalid parameter type for 'small', expected: integer")]
    [InlineData("{\"small\": 0, \"tiny\": -128}", "-128")]
    [InlineData("{\"small\": 0, \"tiny\": 128}", "!Parameter 'tiny' expects int8_t")]
    [InlineData("{\"small\": 0, \"medium\": 65536}", "!Parameter 'medium' expects uint16_t")]
    [InlineData("{\"small\": 0, \"big\": 4294967296}", "!Parameter 'big' expects uint32_t")]
    [InlineData("{\"small\": 0, \"signed16\": -32769}", "!Parameter 'signed16' expects int16_t")]
    [InlineData("{\"small\": 0, \"signed32\": -2147483649}", "!Parameter 'signed32' expects int32_t")]
    [InlineData("{\"small\": 0, \"signed32\": -2147483648}", "-2147483648")]
    public void Integers_are_range_checked_like_visit_type_intN(string arguments, string expected)
        => Assert.Equal(expected.StartsWith('!') ? Error(expected[1..]) : Return(expected), Call("guest-small", arguments));

    [Theory]
    [InlineData("guest-u64", "18446744073709551615", "18446744073709551615")]
    [InlineData("guest-u64", "-1", "18446744073709551615")]
    [InlineData("guest-u64", "18446744073709551616", "!Invalid parameter type for 'value', expected: integer")]
    [InlineData("guest-i64", "-9223372036854775808", "-9223372036854775808")]
    [InlineData("guest-i64", "9223372036854775808", "!Invalid parameter type for 'value', expected: integer")]
    [InlineData("guest-i64", "1e3", "!Invalid parameter type for 'value', expected: integer")]
    [InlineData("guest-i64", "true", "!Invalid parameter type for 'value', expected: integer")]
    public void Sixty_four_bit_integers(string command, string value, string expected)
        => Assert.Equal(expected.StartsWith('!') ? Error(expected[1..]) : Return(expected), Call(command, "{\"value\": " + value + "}"));

    [Fact]
    public void Booleans_and_numbers()
    {
        Assert.Equal(Return("true"), Call("guest-flags", "{\"flag\": true, \"ratio\": 1}"));
        Assert.Equal(Error("Invalid parameter type for 'flag', expected: boolean"), Call("guest-flags", "{\"flag\": 1, \"ratio\": 1}"));
        Assert.Equal(Error("Invalid parameter type for 'ratio', expected: number"), Call("guest-flags", "{\"flag\": true, \"ratio\": \"1\"}"));
        Assert.Equal(Return("0.25"), Call("guest-ratio", "{\"ratio\": 0.25}"));
    }

    [Fact]
    public void Any_takes_and_returns_every_value()
    {
        Assert.Equal(Return("{\"a\": [1, null, \"x\"]}"), Call("guest-any", "{\"value\": {\"a\": [1, null, \"x\"]}}"));
        Assert.Equal(Return("null"), Call("guest-any", "{\"value\": null}"));
    }

    [Fact]
    public void Async_commands_complete()
    {
        Assert.Equal(Return("\"hi\""), Call("guest-async", "{\"text\": \"hi\"}"));
        Assert.Equal(Return("{}"), Call("guest-async-void", "{}"));
    }

    [Fact]
    public void Exceptions_become_error_replies()
    {
        Assert.Equal(Error("custom failure"), Call("guest-fail", "{\"qga\": true}"));
        Assert.Equal(Error("boom"), Call("guest-fail", "{\"qga\": false}"));
    }

    [Fact]
    public void Success_response_false_sends_nothing_but_errors_still()
    {
        Assert.Equal(string.Empty, Call("guest-quiet", "{}"));
        Assert.Equal(Error("Parameter 'x' is unexpected"), Call("guest-quiet", "{\"x\": 1}"));
    }

    [Fact]
    public void Several_unexpected_arguments_are_reported_in_qemu_QDict_order()
        => Assert.Equal(Error("Parameter 'zeta' is unexpected"), Call("guest-quiet", "{\"alpha\": 1, \"zeta\": 2}"));

    [Fact]
    public void Static_commands_and_missing_arguments_object()
    {
        Assert.Equal(Return("4"), Call("guest-static", "{\"x\": 2}"));
        Assert.Equal(Error("Parameter 'x' is missing"), s_agent.Send("{\"execute\": \"guest-static\"}"));
    }

    [Fact]
    public void Null_result_is_an_empty_object() => Assert.Equal(Return("{}"), Call("guest-null", "{}"));

    [Fact]
    public void Nested_records_round_trip()
        => Assert.Equal(
            Return("{\"items\": [{\"name\": \"a\"}], \"single\": {\"name\": \"b\", \"count\": 1}}"),
            Call("guest-nested", "{\"outer\": {\"items\": [{\"name\": \"a\"}], \"single\": {\"name\": \"b\", \"count\": 1}}}"));

    [Fact]
    public void Recursive_records_and_record_structs()
    {
        Assert.Equal(Return("{\"name\": \"a\", \"child\": {\"name\": \"b\"}}"), Call("guest-tree", "{\"root\": {\"name\": \"a\", \"child\": {\"name\": \"b\"}}}"));
        Assert.Equal(Error("Parameter 'root.child.child.name' is missing"), Call("guest-tree", "{\"root\": {\"name\": \"a\", \"child\": {\"name\": \"b\", \"child\": {}}}}"));
        Assert.Equal(Return("{\"x\": 3, \"y\": 4}"), Call("guest-point", "{\"point\": {\"x\": 1, \"y\": 2}, \"by\": 2}"));
    }

    [Fact]
    public void Classes_with_settable_properties()
    {
        Assert.Equal(Return("{\"verbose\": true, \"limits\": [1, 2]}"), Call("guest-settings", "{\"settings\": {\"verbose\": true, \"limits\": [1, 2]}}"));
        Assert.Equal(Return("{\"verbose\": false}"), Call("guest-settings", "{\"settings\": {\"verbose\": false}}"));
        Assert.Equal(Error("Parameter 'settings.verbose' is missing"), Call("guest-settings", "{\"settings\": {}}"));
        Assert.Equal(Error("Invalid parameter type for 'settings.limits[1]', expected: integer"), Call("guest-settings", "{\"settings\": {\"verbose\": true, \"limits\": [1, \"2\"]}}"));
    }
}
