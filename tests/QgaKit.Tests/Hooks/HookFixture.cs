using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using QgaKit.Hooks;
using QgaKit.Hosting;
using QgaKit.Logging;

namespace QgaKit.Tests.Hooks;

/// <summary>A scratch directory with real hook executables, and a <see cref="HookHost"/> whose log is captured.</summary>
[SupportedOSPlatform("linux")]
public abstract class HookFixture : IDisposable
{
    internal static readonly HookDefinition Fsfreeze = new("fsfreeze", "/etc/qemu/fsfreeze-hook");

    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _log = new();

    internal HookFixture()
    {
        Scratch = new HookScratch();
    }

    internal HookScratch Scratch { get; }

    internal AgentOptions Options { get; } = new();

    internal IReadOnlyList<(LogLevel Level, string Text)> Log => _log.ToArray();

    internal IEnumerable<string> LogTexts => _log.Select(l => l.Text);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes a <c>#!/bin/sh</c> hook (mode 0755 unless given) and configures it as the fsfreeze hook.</summary>
    internal string Hook(string body, string mode = "755", string name = "hook.sh")
    {
        string path = Scratch.Write(name, "#!/bin/sh\n" + body + "\n", mode);
        Options.HookPaths["fsfreeze"] = path;
        return path;
    }

    internal HookHost Host() => new(Options, (level, text) => _log.Enqueue((level, text))) { KillGrace = TimeSpan.FromSeconds(1) };

    internal string Out(string name = "out.txt") => Scratch.PathOf(name);

    internal string ReadOut(string name = "out.txt") => File.ReadAllText(Out(name));

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Scratch.Dispose();
        }
    }
}
