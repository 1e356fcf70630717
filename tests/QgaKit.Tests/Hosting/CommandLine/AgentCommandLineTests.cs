using System;
using System.Collections.Generic;
using System.IO;
using QgaKit.Hooks;
using QgaKit.Hosting.CommandLine;
using Xunit;

namespace QgaKit.Tests.Hosting.CommandLine;

/// <summary>What qemu-ga 7.2 cannot be asked: 10.2's -c and -a, and the kit's hook options.</summary>
public sealed class AgentCommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qgakit-cli-").FullName;

    private static HookCatalog Hooks()
    {
        var hooks = new HookCatalog();
        hooks.Add(new HookDefinition("fsfreeze", "/etc/qemu/fsfreeze-hook"));
        hooks.Add(new HookDefinition("pre-backup"));
        hooks.Add(new HookDefinition("db-quiesce", "/usr/lib/db/quiesce"));
        return hooks;
    }

    private (CommandLineResult Result, string Stdout, string Stderr) Parse(string? config, params string[] args) =>
        Parse(config, null, args);

    private (CommandLineResult Result, string Stdout, string Stderr) Parse(string? config, Dictionary<string, string>? environment, params string[] args)
    {
        var path = Path.Combine(_directory, "qemu-ga.conf");
        if (config is not null)
        {
            File.WriteAllText(path, config);
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var result = AgentCommandLine.Parse(
            args,
            "qga",
            Hooks(),
            stdout,
            stderr,
            () => new[] { "guest-sync-delimited", "guest-sync", "guest-ping" },
            name => name == "QGA_CONF" ? path : environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            "1.2.3");
        return (result, stdout.ToString(), QemuGaOracle.Normalize(stderr.ToString()));
    }

    private const string Head = "[general]\ndaemon=false\nmethod=virtio-serial\npath=/dev/virtio-ports/org.qemu.guest_agent.0\npidfile=/var/run/qemu-ga.pid\n";
    private const string Tail = "statedir=/var/run\nverbose=false\nretry-path=false\nblock-rpcs=\n";

    [Fact]
    public void Runs_with_the_merged_options()
    {
        var (result, stdout, stderr) = Parse("[general]\nblock-rpcs=a,b\nverbose=true\n", "-m", "unix-listen", "-p", "/run/s", "-b", "c", "-F", "extra");
        Assert.True(result.ShouldRun);
        Assert.Equal("", stdout + stderr);
        var options = result.Options!;
        Assert.Equal("unix-listen", options.Method);
        Assert.Equal("/run/s", options.Path);
        Assert.True(options.Verbose);
        Assert.Equal(new[] { "a", "b", "c" }, options.BlockRpcs);
        Assert.Null(options.AllowRpcs);
        Assert.Equal("/etc/qemu/fsfreeze-hook", options.HookPaths["fsfreeze"]);
        Assert.Equal(new[] { "extra" }, result.Operands);
    }

    [Fact]
    public void Virtio_serial_gets_its_default_path()
    {
        var (result, _, _) = Parse(null);
        Assert.Equal("/dev/virtio-ports/org.qemu.guest_agent.0", result.Options!.Path);
        Assert.Equal("/dev/ttyS0", Parse(null, "-m", "isa-serial").Result.Options!.Path);
    }

    [Fact]
    public void Config_option_names_a_file_that_must_exist()
    {
        var missing = Path.Combine(_directory, "missing.conf");
        var (result, stdout, stderr) = Parse(null, "-c", missing, "-D");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", stdout);
        Assert.Equal($"\n** (process:PID): CRITICAL **: TIME: error loading configuration from path: {missing}, No such file or directory\n", stderr);
    }

    [Fact]
    public void Config_option_wins_over_QGA_CONF_wherever_it_stands()
    {
        var other = Path.Combine(_directory, "other.conf");
        File.WriteAllText(other, "[general]\nlogfile=/from-c\n");
        var (result, stdout, _) = Parse("[general]\nlogfile=/from-env\n", "-D", "--config", other);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("logfile=/from-c\n", stdout, StringComparison.Ordinal);
        Assert.Equal(other, result.ConfigPath);
    }

    [Fact]
    public void Allow_rpcs_adds_up_and_dumps_reversed_per_source()
    {
        var (result, stdout, _) = Parse("[general]\nallow-rpcs=a1,a2\n", "-D", "-a", "b1,b2", "--allow=c");
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("block-rpcs=\nallow-rpcs=a2,a1,b2,b1,c\n", stdout, StringComparison.Ordinal);
        var run = Parse("[general]\nallow-rpcs=a1,a2\n", "-a", "b1").Result.Options!;
        Assert.Equal(new[] { "a1", "a2", "b1" }, run.AllowRpcs);
    }

    [Fact]
    public void An_empty_allow_list_allows_everything_as_in_qemu_ga_10_2()
    {
        Assert.Null(Parse(null, "-a", "").Result.Options!.AllowRpcs);
    }

    [Theory]
    [InlineData("-a", "help")]
    [InlineData("--allow-rpcs=?")]
    [InlineData("-b", "?")]
    public void Help_lists_commands_in_registration_order(params string[] args)
    {
        var (result, stdout, _) = Parse(null, args);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("guest-sync-delimited\nguest-sync\nguest-ping\n", stdout);
    }

    [Fact]
    public void Hook_options_take_a_path_only_when_attached()
    {
        var options = Parse(null, "--pre-backup-hook", "/x", "--db-quiesce-hook=/y").Result.Options!;
        Assert.Equal("/etc/qemu/pre-backup-hook", options.HookPaths["pre-backup"]);
        Assert.Equal("/y", options.HookPaths["db-quiesce"]);
        Assert.False(options.HookPaths.ContainsKey("fsfreeze"));
        Assert.Equal("/usr/lib/db/quiesce", Parse(null, "--db").Result.Options!.HookPaths["db-quiesce"]);
    }

    [Fact]
    public void Kit_keys_are_dumped_after_fsfreeze_hook_only_when_set()
    {
        Assert.Equal(Head + Tail, Parse(null, "-D").Stdout);
        var (_, stdout, _) = Parse(
            "[general]\npre-backup-hook=/c\nhook-log=false\n",
            "-D", "-F/f", "--db-quiesce-hook", "--hook-timeout", "30", "--hook-allow-untrusted", "--hook-log");
        Assert.Equal(
            Head + "fsfreeze-hook=/f\npre-backup-hook=/c\ndb-quiesce-hook=/usr/lib/db/quiesce\nhook-timeout=30\nhook-log=true\nhook-allow-untrusted=true\n" + Tail,
            stdout);
    }

    [Fact]
    public void Kit_keys_are_read_from_the_config_file()
    {
        var options = Parse("[general]\nhook-timeout=  7 \nhook-log=1\nhook-allow-untrusted=true\ndb-quiesce-hook=/q\n").Result.Options!;
        Assert.Equal(7, options.HookTimeoutSeconds);
        Assert.True(options.HookLog);
        Assert.True(options.HookAllowUntrusted);
        Assert.Equal("/q", options.HookPaths["db-quiesce"]);
    }

    [Theory]
    [InlineData("hook-timeout=abc", "Key file contains key ?hook-timeout? in group ?general? which has a value that cannot be interpreted.")]
    [InlineData("hook-timeout=-1", "Key file contains key ?hook-timeout? in group ?general? which has a value that cannot be interpreted.")]
    [InlineData("hook-log=yes", "Key file contains key ?hook-log? which has a value that cannot be interpreted.")]
    [InlineData("pre-backup-hook=a\\q", "Key file contains key ?pre-backup-hook? which has a value that cannot be interpreted.")]
    public void Bad_kit_keys_are_fatal_like_qemu_ga_keys(string line, string message)
    {
        var (result, _, stderr) = Parse("[general]\n" + line + "\n");
        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith(message + "\n", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-3")]
    [InlineData("1.5")]
    public void A_bad_hook_timeout_is_fatal(string value)
    {
        var (result, _, stderr) = Parse(null, "--hook-timeout", value);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"\n** (process:PID): CRITICAL **: TIME: invalid hook timeout '{value}': expected a whole number of seconds, 0 or more\n", stderr);
    }

    [Fact]
    public void Version_and_help_use_the_agents_version_and_list_the_kit_options()
    {
        Assert.Equal("QEMU Guest Agent 1.2.3\n", Parse(null, "-V").Stdout);
        var help = Parse(null, "--he").Stdout;
        Assert.StartsWith("Usage: qga [-m <method> -p <path>] [<options>]\nQEMU Guest Agent 1.2.3 (QgaKit)\n", help, StringComparison.Ordinal);
        Assert.Contains("      --pre-backup-hook[=PATH]\n", help, StringComparison.Ordinal);
        Assert.Contains("(default is /usr/lib/db/quiesce)", help, StringComparison.Ordinal);
        Assert.Contains("      --hook-timeout=SECONDS\n", help, StringComparison.Ordinal);
        Assert.Contains("  -a, --allow-rpcs  ", help, StringComparison.Ordinal);
        Assert.Contains("  -c, --config=PATH ", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_options_print_getopts_line_and_qemu_gas_hint()
    {
        var (result, stdout, stderr) = Parse(null, "--hook");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Unknown option, try 'qga --help' for more information.\n", stdout);
        Assert.Equal("qga: option '--hook' is ambiguous; possibilities: '--hook-timeout' '--hook-log' '--hook-allow-untrusted'\n", stderr);
    }

    [Fact]
    public void Posixly_correct_stops_at_the_first_operand()
    {
        var environment = new Dictionary<string, string> { ["POSIXLY_CORRECT"] = "1" };
        var options = Parse(null, environment, "foo", "-v").Result.Options!;
        Assert.False(options.Verbose);
    }

    public void Dispose() => Directory.Delete(_directory, true);
}
