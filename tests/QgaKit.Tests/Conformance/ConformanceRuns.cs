using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Xunit;

namespace QgaKit.Tests.Conformance;

/// <summary>Runs cases against agents; qemu-ga's transcripts are cached per case (both test classes use them).</summary>
public static class ConformanceRuns
{
    private static readonly ConcurrentDictionary<string, Lazy<List<TranscriptStep>>> QemuGaRuns = new(StringComparer.Ordinal);

    public static string QemuGaMissing => $"qemu-ga is not installed at {AgentProcess.QemuGaPath} (apt-get install qemu-guest-agent; CI installs it)";

    public static List<TranscriptStep> QemuGa(ConformanceCase c) =>
        QemuGaRuns.GetOrAdd(c.Name, _ => new Lazy<List<TranscriptStep>>(() => Run(AgentKind.QemuGa, c))).Value;

    public static List<TranscriptStep> Run(AgentKind kind, ConformanceCase c)
    {
        using var agent = AgentProcess.Start(kind, c.Args);
        return ScriptRunner.Run(agent, c.Script);
    }
}

/// <summary>The conformance tests share one collection: they start many processes and must not crowd each other.</summary>
[CollectionDefinition("Conformance")]
public sealed class ConformanceCollection
{
}
