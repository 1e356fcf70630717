using System.Collections.Generic;
using Xunit;
using Xunit.Abstractions;

namespace QgaKit.Tests.Conformance;

/// <summary>
/// The differential tests: the same bytes to qemu-ga 7.2 and to samples/FsfreezeAgent, replies compared as JSON
/// values with only the documented differences (<see cref="DocumentedDifferences"/>) allowed.
/// </summary>
[Collection("Conformance")]
public sealed class DifferentialTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [MemberData(nameof(ConformanceCases.Differential), MemberType = typeof(ConformanceCases))]
    public void Agent_replies_like_qemu_ga(string name)
    {
        Skip.IfNot(AgentProcess.QemuGaInstalled, ConformanceRuns.QemuGaMissing);
        var c = ConformanceCases.Get(name);
        output.WriteLine($"{c.Source}: {c.Script}");
        var expected = ConformanceRuns.QemuGa(c);
        List<TranscriptStep> ours;
        try
        {
            ours = ConformanceRuns.Run(AgentKind.Ours, c);
        }
        catch (System.Exception e) when (c.KnownFailure is not null)
        {
            throw new SkipException($"known failure: {c.KnownFailure} (now: {e.Message})");
        }

        foreach (var (q, o) in System.Linq.Enumerable.Zip(expected, ours))
        {
            output.WriteLine("qemu-ga " + q);
            output.WriteLine("ours    " + o);
        }

        var allowed = new List<string>();
        var problems = TranscriptComparer.CompareValues(expected, ours, c.SentBytes, allowed);
        foreach (var a in allowed)
        {
            output.WriteLine("allowed: " + a);
        }

        Skip.If(problems.Count > 0 && c.KnownFailure is not null, $"known failure: {c.KnownFailure}");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
