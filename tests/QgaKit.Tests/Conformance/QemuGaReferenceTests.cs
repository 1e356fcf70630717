using Xunit;
using Xunit.Abstractions;

namespace QgaKit.Tests.Conformance;

/// <summary>
/// Proves the harness: the real qemu-ga 7.2 must reproduce, byte for byte, the replies recorded from the reference
/// document (section 8) and from earlier runs of this harness. Runs without our agent.
/// </summary>
[Collection("Conformance")]
public sealed class QemuGaReferenceTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [MemberData(nameof(ConformanceCases.Recorded), MemberType = typeof(ConformanceCases))]
    public void Qemu_ga_replies_as_recorded(string name)
    {
        Skip.IfNot(AgentProcess.QemuGaInstalled, ConformanceRuns.QemuGaMissing);
        var c = ConformanceCases.Get(name);
        output.WriteLine($"{c.Source}: {c.Script}");
        var run = ConformanceRuns.QemuGa(c);
        foreach (var step in run)
        {
            output.WriteLine(step.ToString());
        }

        var problems = TranscriptComparer.CompareExact(c.Recorded!, run);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Cases without a recording: qemu-ga must answer every step (the sync markers arrive). The output
    /// prints its replies in the notation of <see cref="ConformanceCase.Recorded"/>.</summary>
    [SkippableTheory]
    [MemberData(nameof(ConformanceCases.Unrecorded), MemberType = typeof(ConformanceCases))]
    public void Qemu_ga_answers_every_step(string name)
    {
        Skip.IfNot(AgentProcess.QemuGaInstalled, ConformanceRuns.QemuGaMissing);
        var c = ConformanceCases.Get(name);
        output.WriteLine($"{c.Source}: {c.Script}");
        var run = ConformanceRuns.QemuGa(c);
        foreach (var step in run)
        {
            output.WriteLine(step.ToString());
            if (step.Replies.Count <= 20)
            {
                output.WriteLine("recorded: " + string.Join(", ", System.Linq.Enumerable.Select(step.Replies, Notation)));
            }
        }

        Assert.NotEmpty(run);
    }

    private static string Notation(Reply r) =>
        "\"" + (r.Delimited ? "\\u00FF" : string.Empty) + r.Text.Replace("\\", "\\\\", System.StringComparison.Ordinal).Replace("\"", "\\\"", System.StringComparison.Ordinal) + "\"";
}
