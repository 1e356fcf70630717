using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace QgaKit.Tests.Hosting.CommandLine;

/// <summary>The same arguments and config file given to the real qemu-ga 7.2 and to our parser: stdout, stderr and
/// exit code must match (qemu-ga only parses here: -D, -h, -V and errors exit before any channel is opened).</summary>
public sealed class DumpConfDifferentialTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qgakit-conf-").FullName;

    public static TheoryData<string, string> Cases()
    {
        // (config file contents, command line separated by '|')
        var none = "\0";
        return new TheoryData<string, string>
        {
            { none, "-D" },
            { "", "-D" },
            { none, "-D|-vd" },
            { none, "-D|-F" },
            { none, "-D|-F|/x" },
            { none, "-D|-F/x" },
            { none, "-D|--fsfreeze-hook=/x" },
            { none, "-D|--fsfreeze-hook|/x" },
            { none, "-D|--fsfreeze" },
            { none, "-D|--fsfreeze-hook=" },
            { none, "-D|--verb|--retry|--daemon" },
            { none, "-D|-munix-listen|-p/s" },
            { none, "-D|--method=unix-listen|--path|/s" },
            { none, "-D|--m|isa-serial" },
            { none, "-D|-m|vsock-listen|-p|3:1234" },
            { none, "-D|-m|foo|-p|x" },
            { none, "-D|-m|unix-listen" },
            { none, "-D|-m|foo" },
            { none, "-D|--pi=/p|--st|/s|--l|/l|--log=/l2" },
            { none, "-D|-p| a b |-l|\tx\ty|-f|a\\b|-t|x\ny|-Fa;b" },
            { none, "-D|-p|" },
            { none, "-D|-b|x" },
            { none, "-D|--blacklist|a,b|--block-rpcs=c,,d|-b|e" },
            { none, "-D|-b|,|-b|" },
            { none, "-D|-b,help" },
            { none, "-D|foo|-v|bar" },
            { none, "-D|--|-v" },
            { none, "-D|-s|foo" },
            { none, "-D|--d" },
            { none, "-D|--p" },
            { none, "-D|--foo" },
            { none, "-D|--foo=bar" },
            { none, "-D|--verbose=x" },
            { none, "-D|-m" },
            { none, "-D|--method" },
            { none, "-D|-X" },
            { none, "-D|--=x" },
            { none, "-D|---x" },
            { none, "-D|-m|--|-p|--" },
            { none, "-D|-vXd" },
            { none, "-D|-:" },
            { none, "-D|--b=,a,|-b|b," },
            { none, "-D|-s" },
            { none, "-X|-h" },
            { none, "-V|-X" },
            { none, "-V" },
            { none, "-D|-V" },
            { "[general]\nblock-rpcs=a1,a2\n", "-D|-b|b1,b2|-b|c" },
            { "[general]\nblacklist=a,b\nblock-rpcs=c\n", "-D|-b|d" },
            { "[general]\nblock-rpcs=\n", "-D|-b|d" },
            { "[general]\ndaemon = true \n", "-D" },
            { "[general]\ndaemon=1\nverbose=0\nretry-path=true\n", "-D" },
            { "[general]\nverbose=false\n", "-D|-v" },
            { "[general]\nverbose=true\n", "-D" },
            { "[general]\ndaemon=maybe\n", "-D" },
            { "[general]\ndaemon=TRUE\n", "-D" },
            { "[general]\ndaemon=true  # x\n", "-D" },
            { "[general]\nverbose=maybe\n", "-D" },
            { "[general]\nretry-path=yes\n", "-D" },
            { "[general]\ndaemon=maybe\n", "-h" },
            { "garbage\n", "-D" },
            { "daemon=true\n", "-D" },
            { "# comment\n\n[general]\n  path  =   a b  \n", "-D" },
            { "[general]\npath=\\s a\\tb\\nc\\\\d\\re\n", "-D" },
            { "[general]\npath=a\\qb\n", "-D" },
            { "[general]\npath=ab\\\n", "-D" },
            { "[general]\npath=a;b\\;c\n", "-D" },
            { "[general]\npath=x\npath=y\n", "-D" },
            { "[general]\npath=x\n[other]\nfoo=1\n[general]\nlogfile=/l\n", "-D" },
            { "[general]\nunknownkey=5\ndaemonize=1\n", "-D" },
            { "[general]\nfsfreeze-hook=\n", "-D" },
            { "[general]\nfsfreeze-hook=/c\n", "-D|-F/d" },
            { "[general\n", "-D" },
            { "[]\n", "-D" },
            { "[gen]eral]\n", "-D" },
            { "[general]\npath=\xff\n", "-D" },
            { "[general]\r\npath=a\r\r\n", "-D" },
            { "\ufeff[general]\npath=a\n", "-D" },
            { "[ general ]\npath=a\n", "-D" },
            { "[general]  \npath=a\n", "-D" },
            { "[general]x\npath=a\n", "-D" },
            { "[general]\n=x\n", "-D" },
            { "[general]\n x =y\n", "-D" },
            { "[general]\npa]th=y\n", "-D" },
            { "[general]\npath[de]=y\n", "-D" },
            { "[general]\npath [de]=y\n", "-D" },
            { "[general]\n   # c\n\t\npath=q\n", "-D" },
            { "[general]\nEncoding=latin1\n", "-D" },
            { "[x]\n[general]\nEncoding=latin1\n", "-D" },
            { "[general]\npath=a#b\n", "-D" },
            { "[general]\npath=\n", "-D" },
            { "[general]\nmethod=\n", "-D" },
            { "[general]\nmethod=unix-listen\n", "-D" },
            { "[general]\nmethod=unix-listen\npath=/s\nlogfile=/l\npidfile=/p\nstatedir=/t\n", "-D|-p|/s2" },
            { "[general]\npath=a\0b\n", "-D" },
            { "[gen\u0001eral]\n", "-D" },
            { "[general]\npath=a", "-D" },
        };
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Dump_conf_and_errors_match_qemu_ga(string config, string commandLine)
    {
        Skip.IfNot(QemuGaOracle.IsInstalled, QemuGaOracle.SkipReason);
        var path = Path.Combine(_directory, "qemu-ga.conf");
        if (config != "\0")
        {
            // \xff in the table stands for the byte 0xFF (invalid UTF-8); everything else is written as UTF-8.
            File.WriteAllBytes(path, ToBytes(config));
        }

        var args = commandLine.Split('|');
        var expected = QemuGaOracle.RunQemuGa(path, args);
        var actual = QemuGaOracle.RunOurs(path, args);
        Assert.Equal(expected.ToString(), actual.ToString());
    }

    [SkippableTheory]
    [InlineData("-D|foo|-v")]
    [InlineData("-D|-d|foo|-v")]
    public void Posixly_correct_matches_qemu_ga(string commandLine)
    {
        Skip.IfNot(QemuGaOracle.IsInstalled, QemuGaOracle.SkipReason);
        var path = Path.Combine(_directory, "none.conf");
        var environment = new Dictionary<string, string> { ["POSIXLY_CORRECT"] = "1" };
        var args = commandLine.Split('|');
        var expected = QemuGaOracle.RunQemuGa(path, args, environment);
        var actual = QemuGaOracle.RunOurs(path, args, environment: environment);
        Assert.Equal(expected.ToString(), actual.ToString());
    }

    [SkippableFact]
    public void Usage_text_keeps_every_qemu_ga_option_line()
    {
        Skip.IfNot(QemuGaOracle.IsInstalled, QemuGaOracle.SkipReason);
        var path = Path.Combine(_directory, "none.conf");
        var expected = QemuGaOracle.RunQemuGa(path, new[] { "-h" });
        var actual = QemuGaOracle.RunOurs(path, new[] { "-h" });
        Assert.Equal(0, actual.ExitCode);
        foreach (var line in expected.Stdout.Split('\n'))
        {
            if (line.StartsWith("  -", StringComparison.Ordinal) || line.StartsWith("                    ", StringComparison.Ordinal))
            {
                Assert.Contains(line + "\n", actual.Stdout, StringComparison.Ordinal);
            }
        }
    }

    [SkippableFact]
    public void Block_rpcs_help_lists_the_commands_and_exits_before_later_errors()
    {
        Skip.IfNot(QemuGaOracle.IsInstalled, QemuGaOracle.SkipReason);
        var path = Path.Combine(_directory, "none.conf");
        var expected = QemuGaOracle.RunQemuGa(path, new[] { "-b", "help", "-X" });
        var names = expected.Stdout.TrimEnd('\n').Split('\n');
        foreach (var help in new[] { "help", "?" })
        {
            var actual = QemuGaOracle.RunOurs(path, new[] { "-b", help, "-X" }, commands: names);
            Assert.Equal(expected.ToString(), actual.ToString());
        }
    }

    public void Dispose() => Directory.Delete(_directory, true);

    private static byte[] ToBytes(string config)
    {
        var bytes = new List<byte>();
        var parts = config.Split('\xff');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                bytes.Add(0xff);
            }

            bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(parts[i]));
        }

        return bytes.ToArray();
    }
}
