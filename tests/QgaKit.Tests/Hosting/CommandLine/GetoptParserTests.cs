using System.Collections.Generic;
using System.Linq;
using QgaKit.Hooks;
using QgaKit.Hosting.CommandLine;
using Xunit;

namespace QgaKit.Tests.Hosting.CommandLine;

public class GetoptParserTests
{
    private static List<GetoptItem> Parse(params string[] args) => Parse(false, args);

    private static List<GetoptItem> Parse(bool posixlyCorrect, params string[] args)
    {
        var hooks = new HookCatalog();
        hooks.Add(new HookDefinition("fsfreeze", "/etc/qemu/fsfreeze-hook"));
        hooks.Add(new HookDefinition("pre-backup"));
        var table = AgentOptionTable.Create(hooks);
        var parser = new GetoptParser("qga", AgentOptionTable.ShortOptions, table.LongOptions, posixlyCorrect);
        return parser.Parse(args).ToList();
    }

    private static string Describe(List<GetoptItem> items) =>
        string.Join(" ", items.Select(i => i.IsError ? "ERR[" + i.Error + "]" : i.Id < 256 ? ((char)i.Id) + (i.Argument is null ? "" : "=" + i.Argument) : i.Id + (i.Argument is null ? "" : "=" + i.Argument)));

    [Theory]
    [InlineData("-vd", "v d")]
    [InlineData("-munix-listen", "m=unix-listen")]
    [InlineData("-m unix-listen", "m=unix-listen")]
    [InlineData("--method=x", "m=x")]
    [InlineData("--method x", "m=x")]
    [InlineData("--meth x", "m=x")]
    [InlineData("-m -v", "m=-v")]
    [InlineData("-vdm x", "v d m=x")]
    [InlineData("-vmx -d", "v m=x d")]
    [InlineData("-F", "F")]
    [InlineData("-F/x", "F=/x")]
    [InlineData("-F /x", "F")]
    [InlineData("-vF/x", "v F=/x")]
    [InlineData("-Fv", "F=v")]
    [InlineData("--fsfreeze-hook=/x", "F=/x")]
    [InlineData("--fsfreeze-hook /x", "F")]
    [InlineData("--fsfreeze", "F")]
    [InlineData("--fsfreeze-hook=", "F=")]
    [InlineData("--verb", "v")]
    [InlineData("--b x --bl y --blacklist z", "b=x b=y b=z")]
    [InlineData("foo -v bar", "v")]
    [InlineData("- -v", "v")]
    [InlineData("-v -- -d", "v")]
    [InlineData("-s foo", "s=foo")]
    public void Parses_like_getopt_long(string commandLine, string expected)
    {
        Assert.Equal(expected, Describe(Parse(commandLine.Split(' '))));
    }

    [Theory]
    [InlineData("--h", "h")]
    [InlineData("--he", "h")]
    [InlineData("--help", "h")]
    [InlineData("--a x", "a=x")]
    [InlineData("--c x", "c=x")]
    [InlineData("--hook-l", "257")]
    [InlineData("--hook-t 5", "256=5")]
    [InlineData("--hook-a", "258")]
    [InlineData("--pre", "1025")]
    [InlineData("--pre-backup-hook=/y", "1025=/y")]
    [InlineData("--pre-backup-hook /y", "1025")]
    public void New_options_keep_every_abbreviation_of_qemu_ga_7_2(string commandLine, string expected)
    {
        Assert.Equal(expected, Describe(Parse(commandLine.Split(' '))));
    }

    [Theory]
    [InlineData("--d", "qga: option '--d' is ambiguous; possibilities: '--dump-conf' '--daemonize'")]
    [InlineData("--d=1", "qga: option '--d=1' is ambiguous; possibilities: '--dump-conf' '--daemonize'")]
    [InlineData("--p", "qga: option '--p' is ambiguous; possibilities: '--pidfile' '--path'")]
    [InlineData("--hook", "qga: option '--hook' is ambiguous; possibilities: '--hook-timeout' '--hook-log' '--hook-allow-untrusted'")]
    [InlineData("--foo", "qga: unrecognized option '--foo'")]
    [InlineData("--foo=bar", "qga: unrecognized option '--foo=bar'")]
    [InlineData("--verbose=x", "qga: option '--verbose' doesn't allow an argument")]
    [InlineData("--verbo=x", "qga: option '--verbose' doesn't allow an argument")]
    [InlineData("--method", "qga: option '--method' requires an argument")]
    [InlineData("-m", "qga: option requires an argument -- 'm'")]
    [InlineData("-X", "qga: invalid option -- 'X'")]
    [InlineData("-vX", "qga: invalid option -- 'X'")]
    public void Errors_have_glibc_texts(string commandLine, string expected)
    {
        var error = Parse(commandLine.Split(' ')).First(i => i.IsError);
        Assert.Equal(expected, error.Error);
        Assert.Equal('?', error.Id);
    }

    [Fact]
    public void Posixly_correct_stops_at_the_first_non_option()
    {
        Assert.Equal("", Describe(Parse(true, "foo", "-v")));
        Assert.Equal("d", Describe(Parse(true, "-d", "foo", "-v")));
    }

    [Fact]
    public void Operands_are_collected_in_order()
    {
        var hooks = new HookCatalog();
        var table = AgentOptionTable.Create(hooks);
        var parser = new GetoptParser("qga", AgentOptionTable.ShortOptions, table.LongOptions);
        _ = parser.Parse(new[] { "a", "-F", "/x", "-v", "--", "-d" }).ToList();
        Assert.Equal(new[] { "a", "/x", "-d" }, parser.Operands);
    }
}
