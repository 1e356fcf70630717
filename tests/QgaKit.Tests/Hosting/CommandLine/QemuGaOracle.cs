using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using QgaKit.Hooks;
using QgaKit.Hosting.CommandLine;

namespace QgaKit.Tests.Hosting.CommandLine;

/// <summary>Runs the real qemu-ga (only with -D, -h, -V, -b help or bad options: it never opens a channel) and our
/// parser on the same arguments and config file, and normalises what differs by nature (pid, clock, GLib's '?' for
/// curly quotes in the C locale).</summary>
internal static partial class QemuGaOracle
{
    public const string Path = "/usr/sbin/qemu-ga";

    public static bool IsInstalled => File.Exists(Path);

    public const string SkipReason = "qemu-ga is not installed at /usr/sbin/qemu-ga (apt-get install qemu-guest-agent)";

    public readonly record struct Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n[stdout]\n{Stdout}[stderr]\n{Stderr}";
    }

    public static Outcome RunQemuGa(string configPath, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("POSIXLY_CORRECT");
        start.Environment.Remove("LISTEN_FDS");
        start.Environment.Remove("LISTEN_PID");
        start.Environment["QGA_CONF"] = configPath;
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(20_000))
        {
            process.Kill();
            throw new TimeoutException("qemu-ga did not exit: " + string.Join(' ', args));
        }

        return new Outcome(process.ExitCode, stdout.Result, Normalize(stderr.Result));
    }

    public static Outcome RunOurs(string configPath, IReadOnlyList<string> args, HookCatalog? hooks = null, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? commands = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var result = AgentCommandLine.Parse(
            Arrays(args),
            Path,
            hooks ?? new HookCatalog(),
            stdout,
            stderr,
            () => commands ?? Array.Empty<string>(),
            name => name == "QGA_CONF" ? configPath : environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            "7.2.22");
        return new Outcome(result.ShouldRun ? -1 : result.ExitCode, stdout.ToString(), Normalize(stderr.ToString()));
    }

    // GLib's default handler: "(process:PID): LEVEL **: HH:MM:SS.mmm:" — and qemu-ga never calls setlocale(), so GLib
    // converts its messages to ASCII and prints every other character (its curly quotes, U+FFFD) as '?'.
    public static string Normalize(string stderr)
    {
        var text = new System.Text.StringBuilder();
        foreach (var rune in GLibPrefix().Replace(stderr, "(process:PID): $1 **: TIME:").EnumerateRunes())
        {
            text.Append(rune.Value < 0x80 ? (char)rune.Value : '?');
        }

        return text.ToString();
    }

    private static string[] Arrays(IReadOnlyList<string> args)
    {
        var copy = new string[args.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = args[i];
        }

        return copy;
    }

    [GeneratedRegex(@"\(process:\d+\): ([A-Za-z-]+) \*\*: \d\d:\d\d:\d\d\.\d\d\d:")]
    private static partial Regex GLibPrefix();
}
