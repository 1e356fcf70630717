using System;
using System.IO;
using QgaKit.Hooks;
using Xunit;

namespace QgaKit.Tests.Hosting.CommandLine;

/// <summary>Every abbreviation of every qemu-ga 7.2 long option, given to qemu-ga and to an agent that also has
/// 10.2's options, the kit's <c>--hook-*</c> options and extra hooks: each must select the same option (or fail the
/// same way) in both.</summary>
public sealed class AbbreviationDifferentialTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qgakit-abbrev-").FullName;

    public static TheoryData<string, bool> Prefixes()
    {
        // qemu-ga 7.2's long options (qga/main.c lopt) and whether they take a required argument.
        var options = new (string Name, bool Required)[]
        {
            ("help", false), ("version", false), ("dump-conf", false), ("logfile", true), ("pidfile", true),
            ("fsfreeze-hook", false), ("verbose", false), ("method", true), ("path", true), ("daemonize", false),
            ("block-rpcs", true), ("blacklist", true), ("statedir", true), ("retry-path", false),
        };
        var data = new TheoryData<string, bool>();
        var seen = new System.Collections.Generic.HashSet<string>();
        foreach (var (name, required) in options)
        {
            for (var length = 1; length <= name.Length; length++)
            {
                var prefix = name[..length];
                if (seen.Add(prefix))
                {
                    data.Add(prefix, required);
                }
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Prefixes))]
    public void Abbreviations_select_what_they_select_in_qemu_ga_7_2(string prefix, bool required)
    {
        Skip.IfNot(QemuGaOracle.IsInstalled, QemuGaOracle.SkipReason);
        var hooks = new HookCatalog();
        hooks.Add(new HookDefinition("fsfreeze", "/etc/qemu/fsfreeze-hook"));
        hooks.Add(new HookDefinition("pre-backup"));
        hooks.Add(new HookDefinition("hourly"));
        hooks.Add(new HookDefinition("verify"));
        var config = Path.Combine(_directory, "none.conf");
        string[] args = required ? ["-D", "--" + prefix, "x"] : ["-D", "--" + prefix];
        var expected = QemuGaOracle.RunQemuGa(config, args);
        var actual = QemuGaOracle.RunOurs(config, args, hooks);
        if (expected.Stdout.StartsWith("Usage: ", StringComparison.Ordinal))
        {
            // --help: the texts differ by design (the kit lists its own options); the choice is what is compared.
            Assert.Equal(expected.ExitCode, actual.ExitCode);
            Assert.StartsWith("Usage: /usr/sbin/qemu-ga [-m <method> -p <path>] [<options>]\n", actual.Stdout, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(expected.ToString(), actual.ToString());
    }

    public void Dispose() => Directory.Delete(_directory, true);
}
